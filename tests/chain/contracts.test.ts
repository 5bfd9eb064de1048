// Semantics of the devnet EigenLayer contracts against independent arithmetic written here from
// protocols.md §1.2/§6.1 (WAD math, virtual share offsets, delays) — never read back from the contracts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEther, parseEventLogs, type Address, type Hex } from 'viem';
import {
  allocationManagerAbi, delegationManagerAbi, strategyAbi, strategyManagerAbi,
} from '../../lib/protocols/eigenlayer/abi.js';
import { getArtifact } from '../../lib/devnet/compile.js';
import { DEVNET_PARAMETERS } from '../../lib/devnet/parameters.js';
import { OP2_DELAY, startCoreFixture, type CoreFixture } from './support/core-fixture.js';

const WAD = 10n ** 18n;
const mulWad = (a: bigint, b: bigint) => (a * b) / WAD;
const divWad = (a: bigint, b: bigint) => (a * WAD) / b;
const ceilMulWad = (a: bigint, b: bigint) => (a * b + WAD - 1n) / WAD;
const OFFSET = 1000n;

let f: CoreFixture;
let snapshot: Hex;
beforeAll(async () => {
  f = await startCoreFixture();
});
afterAll(async () => f?.anvil.stop());
beforeEach(async () => {
  snapshot = await f.c.snapshot();
});
afterEach(async () => {
  await f.c.revert({ id: snapshot });
  f.tx.resetNonces();
});

const set0 = () => ({ avs: f.avs, id: 0 });
const allocate = (op: Address, strategies: Address[], mags: bigint[]) =>
  f.tx.write(op, f.core.allocationManager, allocationManagerAbi, 'modifyAllocations', [op, [{ operatorSet: set0(), strategies, newMagnitudes: mags }]]);
const slashParams = (strategies: Address[], wads: bigint[], operator = f.op) => ({ operator, operatorSetId: 0, strategies, wadsToSlash: wads, description: 'test' });
async function slash(strategies: Address[], wads: bigint[], from = f.avs) {
  const hash = await f.tx.write(from, f.core.allocationManager, allocationManagerAbi, 'slashOperator', [f.avs, slashParams(strategies, wads)]);
  return f.c.waitForTransactionReceipt({ hash });
}
const read = <T>(address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = [], blockNumber?: bigint) =>
  f.c.readContract({ address, abi, functionName, args, blockNumber } as never) as Promise<T>;
const block = async () => Number(await f.c.getBlockNumber());

describe('slashOperator (§6.1 worked example)', () => {
  it('0.5e18 allocation, wadsToSlash 0.25e18 -> wadSlashed 0.125e18, max 0.875e18, staker 100e18 -> 87.5e18', async () => {
    const s = f.t.strategy;
    await allocate(f.op, [s], [parseEther('0.5')]);
    const [, sim] = await f.c.simulateContract({ account: f.avs, address: f.core.allocationManager, abi: allocationManagerAbi, functionName: 'slashOperator', args: [f.avs, slashParams([s], [parseEther('0.25')])] }).then((r) => r.result);
    const receipt = await slash([s], [parseEther('0.25')]);

    const slashedMagnitude = ceilMulWad(parseEther('0.5'), parseEther('0.25'));
    expect(slashedMagnitude).toBe(parseEther('0.125'));
    const newMax = WAD - slashedMagnitude;
    const logs = parseEventLogs({ abi: [...allocationManagerAbi, ...delegationManagerAbi, ...strategyManagerAbi], logs: receipt.logs });
    const slashed = logs.find((l) => l.eventName === 'OperatorSlashed')!.args as { wadSlashed: readonly bigint[] };
    expect(slashed.wadSlashed).toEqual([(slashedMagnitude * WAD) / WAD]);
    expect(slashed.wadSlashed[0]).toBe(parseEther('0.125'));

    const am = f.core.allocationManager;
    expect(await read(am, allocationManagerAbi, 'getMaxMagnitude', [f.op, s])).toBe(parseEther('0.875'));
    expect((await read<{ currentMagnitude: bigint }>(am, allocationManagerAbi, 'getAllocation', [f.op, set0(), s])).currentMagnitude).toBe(parseEther('0.375'));
    expect(await read(am, allocationManagerAbi, 'getEncumberedMagnitude', [f.op, s])).toBe(parseEther('0.375'));

    const [withdrawable] = await read<[bigint[], bigint[]]>(f.core.delegationManager, delegationManagerAbi, 'getWithdrawableShares', [f.staker, [s]]);
    expect(withdrawable[0]).toBe(mulWad(mulWad(parseEther('100'), WAD), newMax));
    expect(withdrawable[0]).toBe(parseEther('87.5'));

    // Operator side: shares - ceil(shares x new / prev) leave the operator and go to burn.
    const opShares = parseEther('100');
    const slashedShares = opShares - (opShares * newMax + WAD - 1n) / WAD;
    expect(slashedShares).toBe(parseEther('12.5'));
    expect(await read(f.core.delegationManager, delegationManagerAbi, 'operatorShares', [f.op, s])).toBe(opShares - slashedShares);
    expect(sim).toEqual([slashedShares]);
    const opSlashed = logs.find((l) => l.eventName === 'OperatorSharesSlashed')!.args as { totalSlashedShares: bigint };
    expect(opSlashed.totalSlashedShares).toBe(slashedShares);
    const burn = logs.find((l) => l.eventName === 'BurnOrRedistributableSharesIncreased')!.args as { slashId: bigint; shares: bigint };
    expect(burn).toMatchObject({ slashId: 1n, shares: slashedShares });
    expect(await read(am, allocationManagerAbi, 'getSlashCount', [set0()])).toBe(1n);

    // Allocated stake with mainnet's rounding: shares x (current / max).
    const [[stake]] = await read<[[bigint]]>(am, allocationManagerAbi, 'getAllocatedStake', [set0(), [f.op], [s]]);
    expect(stake).toBe(mulWad(opShares - slashedShares, divWad(parseEther('0.375'), newMax)));

    // Event order of one strategy's slash.
    const names = logs.map((l) => l.eventName);
    const order = ['MaxMagnitudeUpdated', 'EncumberedMagnitudeUpdated', 'AllocationUpdated', 'OperatorSharesSlashed', 'BurnOrRedistributableSharesIncreased', 'OperatorSlashed'];
    const positions = order.map((n) => names.lastIndexOf(n as never));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('only getSlasher(set) may slash; strategies strictly ascending; wadsToSlash in (0, 1e18]', async () => {
    const [lo, hi] = [f.t.strategy, f.u.strategy].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)) as [Address, Address];
    await allocate(f.op, [lo, hi], [parseEther('0.5'), parseEther('0.5')]);
    const sim = (account: Address, strategies: Address[], wads: bigint[]) =>
      f.c.simulateContract({ account, address: f.core.allocationManager, abi: f.amAbi, functionName: 'slashOperator', args: [f.avs, slashParams(strategies, wads)] });
    await expect(sim(f.other, [lo], [WAD / 2n])).rejects.toThrow(/InvalidCaller/);
    await expect(sim(f.op, [lo], [WAD / 2n])).rejects.toThrow(/InvalidCaller/);
    await expect(sim(f.avs, [hi, lo], [WAD / 2n, WAD / 2n])).rejects.toThrow(/StrategiesMustBeInAscendingOrder/);
    await expect(sim(f.avs, [lo, lo], [WAD / 2n, WAD / 2n])).rejects.toThrow(/StrategiesMustBeInAscendingOrder/);
    await expect(sim(f.avs, [lo], [0n])).rejects.toThrow(/InvalidWadToSlash/);
    await expect(sim(f.avs, [lo], [WAD + 1n])).rejects.toThrow(/InvalidWadToSlash/);
    await expect(sim(f.avs, [lo, hi], [WAD / 2n, WAD])).resolves.toBeTruthy();

    // A new slasher takes over after SLASHER_CONFIGURATION_DELAY + 1 blocks, not before.
    const hash = await f.tx.write(f.avs, f.core.allocationManager, allocationManagerAbi, 'updateSlasher', [set0(), f.other]);
    const at = Number((await f.c.waitForTransactionReceipt({ hash })).blockNumber);
    const effect = at + DEVNET_PARAMETERS.slasherConfigurationDelay + 1;
    expect(await read(f.core.allocationManager, allocationManagerAbi, 'getPendingSlasher', [set0()])).toEqual([f.other, effect]);
    await expect(sim(f.other, [lo], [WAD / 2n])).rejects.toThrow(/InvalidCaller/);
    await f.c.mine({ blocks: effect - (await block()) });
    expect(await read(f.core.allocationManager, allocationManagerAbi, 'getSlasher', [set0()])).toBe(f.other);
    await expect(sim(f.avs, [lo], [WAD / 2n])).rejects.toThrow(/InvalidCaller/);
    await expect(sim(f.other, [lo], [WAD / 2n])).resolves.toBeTruthy();
  });

  it('getMaxMagnitudesAtBlock keeps the history of every slash', async () => {
    const s = f.t.strategy;
    await allocate(f.op, [s], [parseEther('0.5')]);
    const b1 = (await slash([s], [parseEther('0.25')])).blockNumber;
    await f.c.mine({ blocks: 3 });
    const r2 = await slash([s], [parseEther('0.5')]);
    const b2 = r2.blockNumber;
    const max1 = WAD - ceilMulWad(parseEther('0.5'), parseEther('0.25'));
    const current1 = parseEther('0.5') - ceilMulWad(parseEther('0.5'), parseEther('0.25'));
    const slashed2 = ceilMulWad(current1, parseEther('0.5'));
    const max2 = max1 - slashed2;
    const at = (b: bigint) => read<bigint[]>(f.core.allocationManager, allocationManagerAbi, 'getMaxMagnitudesAtBlock', [f.op, [s], Number(b)]);
    expect(await at(b1 - 1n)).toEqual([WAD]);
    expect(await at(b1)).toEqual([max1]);
    expect(await at(b2 - 1n)).toEqual([max1]);
    expect(await at(b2)).toEqual([max2]);
    const logs = parseEventLogs({ abi: allocationManagerAbi, logs: r2.logs, eventName: 'OperatorSlashed' });
    expect(logs[0]!.args.wadSlashed).toEqual([(slashed2 * WAD) / max1]);
  });
});

describe('StrategyBase share conversion (virtual offsets 1e3 / 1e3)', () => {
  it('first deposit is 1:1, yield raises the rate, a later deposit uses the balance before its transfer', async () => {
    const s = f.t.strategy;
    expect(await read(s, strategyAbi, 'totalShares')).toBe(parseEther('100'));
    await f.tx.write(f.deployer, f.t.address, getArtifact('TestToken').abi, 'mint', [s, parseEther('10')]);
    const balance = parseEther('110');
    const total = parseEther('100');
    expect(await read(s, strategyAbi, 'sharesToUnderlyingView', [WAD])).toBe(((balance + OFFSET) * WAD) / (total + OFFSET));
    expect(await read(s, strategyAbi, 'underlyingToSharesView', [WAD])).toBe((WAD * (total + OFFSET)) / (balance + OFFSET));

    const amount = parseEther('33');
    const hash = await f.tx.write(f.staker2, f.core.strategyManager, strategyManagerAbi, 'depositIntoStrategy', [s, f.t.address, amount]);
    const expectedShares = (amount * (total + OFFSET)) / (balance + OFFSET);
    const [dep] = parseEventLogs({ abi: strategyManagerAbi, logs: (await f.c.waitForTransactionReceipt({ hash })).logs, eventName: 'Deposit' });
    expect(dep!.args.shares).toBe(expectedShares);
    expect(await read(f.core.strategyManager, strategyManagerAbi, 'stakerDepositShares', [f.staker2, s])).toBe(expectedShares);
    expect(await read(s, strategyAbi, 'shares', [f.staker2])).toBe(expectedShares);
    expect(await read(s, strategyAbi, 'userUnderlyingView', [f.staker2])).toBe(((balance + amount + OFFSET) * expectedShares) / (total + expectedShares + OFFSET));
  });

  it('a deposit after a slash updates depositScalingFactor so old and new shares keep their value', async () => {
    const s = f.t.strategy;
    await allocate(f.op, [s], [parseEther('0.5')]);
    await slash([s], [parseEther('0.25')]);
    const max = parseEther('0.875');
    const before = mulWad(parseEther('100'), max); // dsf was 1e18
    await f.tx.write(f.staker, f.core.strategyManager, strategyManagerAbi, 'depositIntoStrategy', [s, f.t.address, parseEther('10')]);
    const added = parseEther('10'); // rate still 1:1 (no yield)
    const dsf = divWad(divWad(before + added, parseEther('110')), max);
    expect(await read(f.core.delegationManager, delegationManagerAbi, 'depositScalingFactor', [f.staker, s])).toBe(dsf);
    const [[withdrawable]] = await read<[bigint[], bigint[]]>(f.core.delegationManager, delegationManagerAbi, 'getWithdrawableShares', [f.staker, [s]]);
    expect(withdrawable).toBe(mulWad(mulWad(parseEther('110'), dsf), max));
    // Value is preserved up to WAD rounding (two floors over ~1e20 shares: a few hundred wei).
    const drift = before + added - withdrawable!;
    expect(drift >= 0n && drift < 1000n).toBe(true);
  });
});

describe('allocation timing', () => {
  it('an increase takes effect at block + allocationDelay; a slashable decrease at block + DEALLOCATION_DELAY + 1', async () => {
    const s = f.t.strategy;
    const am = f.core.allocationManager;
    await f.tx.write(f.op2, am, allocationManagerAbi, 'registerForOperatorSets', [f.op2, { avs: f.avs, operatorSetIds: [0], data: '0x' }]);
    const hash = await allocate(f.op2, [s], [parseEther('0.3')]);
    const b = Number((await f.c.waitForTransactionReceipt({ hash })).blockNumber);
    const alloc = () => read<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>(am, allocationManagerAbi, 'getAllocation', [f.op2, set0(), s]);
    expect(await alloc()).toEqual({ currentMagnitude: 0n, pendingDiff: parseEther('0.3'), effectBlock: b + OP2_DELAY });
    expect(await read(am, allocationManagerAbi, 'getEncumberedMagnitude', [f.op2, s])).toBe(parseEther('0.3'));
    expect(await read(am, allocationManagerAbi, 'getAllocatableMagnitude', [f.op2, s])).toBe(parseEther('0.7'));
    await f.c.mine({ blocks: b + OP2_DELAY - 1 - (await block()) });
    expect((await alloc()).currentMagnitude).toBe(0n);
    await f.c.mine({ blocks: 1 });
    expect(await alloc()).toEqual({ currentMagnitude: parseEther('0.3'), pendingDiff: 0n, effectBlock: 0 });

    const h2 = await allocate(f.op2, [s], [parseEther('0.1')]);
    const d = Number((await f.c.waitForTransactionReceipt({ hash: h2 })).blockNumber);
    const effect = d + DEVNET_PARAMETERS.deallocationDelay + 1;
    expect(await alloc()).toEqual({ currentMagnitude: parseEther('0.3'), pendingDiff: -parseEther('0.2'), effectBlock: effect });
    await f.c.mine({ blocks: effect - 1 - (await block()) });
    expect((await alloc()).currentMagnitude).toBe(parseEther('0.3'));
    await f.c.mine({ blocks: 1 });
    expect((await alloc()).currentMagnitude).toBe(parseEther('0.1'));
    // Encumbered keeps the deallocation until the queue is cleared; allocatable already excludes it.
    expect(await read(am, allocationManagerAbi, 'getEncumberedMagnitude', [f.op2, s])).toBe(parseEther('0.3'));
    expect(await read(am, allocationManagerAbi, 'getAllocatableMagnitude', [f.op2, s])).toBe(parseEther('0.9'));
    await f.tx.write(f.op2, am, allocationManagerAbi, 'clearDeallocationQueue', [f.op2, [s], [1]]);
    expect(await read(am, allocationManagerAbi, 'getEncumberedMagnitude', [f.op2, s])).toBe(parseEther('0.1'));
  });
});

describe('queued withdrawals', () => {
  it('stay slashable until startBlock + minWithdrawalDelayBlocks and complete only after it', async () => {
    const s = f.t.strategy;
    const dm = f.core.delegationManager;
    const hash = await f.tx.write(f.staker, dm, delegationManagerAbi, 'queueWithdrawals', [[{ strategies: [s], depositShares: [parseEther('40')], __deprecated_withdrawer: f.staker }]]);
    const start = Number((await f.c.waitForTransactionReceipt({ hash })).blockNumber);
    const lastSlashable = start + DEVNET_PARAMETERS.minWithdrawalDelayBlocks;

    // A slash inside the window hits the queued shares too (40e18 scaled at dsf 1e18).
    await allocate(f.op, [s], [parseEther('0.5')]);
    const r = await slash([s], [parseEther('0.5')]);
    const newMax = WAD - ceilMulWad(parseEther('0.5'), parseEther('0.5'));
    const fromOperator = parseEther('60') - (parseEther('60') * newMax + WAD - 1n) / WAD;
    const fromQueue = mulWad(parseEther('40'), WAD - newMax);
    const [ev] = parseEventLogs({ abi: delegationManagerAbi, logs: r.logs, eventName: 'OperatorSharesSlashed' });
    expect(ev!.args.totalSlashedShares).toBe(fromOperator + fromQueue);
    const [withdrawals, shares] = await read<[readonly { startBlock: number }[], bigint[][]]>(dm, delegationManagerAbi, 'getQueuedWithdrawals', [f.staker]);
    expect(withdrawals[0]!.startBlock).toBe(start);
    expect(shares).toEqual([[mulWad(parseEther('40'), newMax)]]);

    const w = await read<never>(dm, delegationManagerAbi, 'queuedWithdrawals', [(await read<Hex[]>(dm, delegationManagerAbi, 'getQueuedWithdrawalRoots', [f.staker]))[0]!]);
    const complete = () => f.c.writeContract({ account: f.staker, chain: null, address: dm, abi: delegationManagerAbi, functionName: 'completeQueuedWithdrawal', args: [w, [f.t.address], true], gas: 2_000_000n });
    // Next transaction lands in block lastSlashable: must revert.
    await f.c.mine({ blocks: lastSlashable - 1 - (await block()) });
    const failed = await f.c.waitForTransactionReceipt({ hash: await complete() });
    expect([Number(failed.blockNumber), failed.status]).toEqual([lastSlashable, 'reverted']);

    // Past the window a new slash no longer changes what the withdrawal pays (magnitude at lastSlashable).
    await slash([s], [parseEther('0.5')]);
    expect((await read<[unknown, bigint[][]]>(dm, delegationManagerAbi, 'getQueuedWithdrawals', [f.staker]))[1]).toEqual([[mulWad(parseEther('40'), newMax)]]);

    const token = f.t.address;
    const balanceOf = (a: Address) => read<bigint>(token, getArtifact('TestToken').abi, 'balanceOf', [a]);
    const payout = mulWad(parseEther('40'), newMax);
    const expected = ((await balanceOf(s)) + OFFSET) * payout / ((await read<bigint>(s, strategyAbi, 'totalShares')) + OFFSET);
    const before = await balanceOf(f.staker);
    const ok = await f.c.waitForTransactionReceipt({ hash: await complete() });
    expect(ok.status).toBe('success');
    expect((await balanceOf(f.staker)) - before).toBe(expected);
    expect(await read(dm, delegationManagerAbi, 'getQueuedWithdrawalRoots', [f.staker])).toEqual([]);
  });
});

describe('delegation approver', () => {
  it('delegateTo needs the approver EIP-712 signature when one is set; each salt works once', async () => {
    const { mnemonicToAccount, sign } = await import('viem/accounts');
    const { ANVIL_MNEMONIC } = await import('../../lib/devnet/actors.js');
    const dm = f.core.delegationManager;
    await f.tx.write(f.op, dm, delegationManagerAbi, 'modifyOperatorDetails', [f.op, f.other]);
    const salt = `0x${'11'.repeat(32)}` as Hex;
    const expiry = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const digest = await read<Hex>(dm, delegationManagerAbi, 'calculateDelegationApprovalDigestHash', [f.staker2, f.op, f.other, salt, expiry]);
    const key = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 4 }).getHdKey().privateKey!;
    const signature = await sign({ hash: digest, privateKey: `0x${Buffer.from(key).toString('hex')}`, to: 'hex' });
    const sim = (sig: Hex) => f.c.simulateContract({ account: f.staker2, address: dm, abi: f.dmAbi, functionName: 'delegateTo', args: [f.op, { signature: sig, expiry }, salt] });
    await expect(sim('0x')).rejects.toThrow(/InvalidSignature/);
    await f.tx.write(f.staker2, dm, delegationManagerAbi, 'delegateTo', [f.op, { signature, expiry }, salt]);
    expect(await read(dm, delegationManagerAbi, 'delegatedTo', [f.staker2])).toBe(f.op);
    expect(await read(dm, delegationManagerAbi, 'delegationApproverSaltIsSpent', [f.other, salt])).toBe(true);
  });
});
