// The risk delta of each decoded call kind against a fresh devnet. A fresh account (impersonated)
// gets tokens from the deployer, then deposits, delegates, queues a withdrawal and deposits into a
// Symbiotic and a Karak vault; before each step the delta is computed, and its figures are checked
// against the test's own raw reads (plain viem with fragments written here) and the manifest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, encodeFunctionData, getAddress, http, parseAbi, parseEther, zeroHash, type Address, type Hex } from 'viem';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { devnetClient } from '../../lib/devnet/tx-sender.js';
import { memoryCache } from '../../lib/protocols/adapter.js';
import { createChainClient } from '../../lib/chains/client.js';
import { createRegistry } from '../../lib/registry/registry.js';
import { assessEntity } from '../../lib/risk/assess.js';
import { decodeRestakingTx } from '../../lib/tx/decode-restaking-tx.js';
import { buildKnownTargets, type KnownTargets } from '../../lib/tx/known-targets.js';
import { computeTxDelta } from '../../lib/tx/delta/compute-tx-delta.js';
import type { TxDelta } from '../../lib/tx/delta/types.js';

const erc20 = parseAbi(['function approve(address, uint256) returns (bool)', 'function mint(address, uint256)']);
const sm = parseAbi(['function depositIntoStrategy(address strategy, address token, uint256 amount) returns (uint256)']);
const dm = parseAbi([
  'struct SignatureWithExpiry { bytes signature; uint256 expiry; }',
  'struct QueuedWithdrawalParams { address[] strategies; uint256[] depositShares; address __deprecated_withdrawer; }',
  'function delegateTo(address operator, SignatureWithExpiry approverSignatureAndExpiry, bytes32 approverSalt)',
  'function queueWithdrawals(QueuedWithdrawalParams[] params) returns (bytes32[])',
  'function delegatedTo(address) view returns (address)',
  'function getDepositedShares(address) view returns (address[], uint256[])',
  'function getWithdrawableShares(address, address[]) view returns (uint256[], uint256[])',
  'function minWithdrawalDelayBlocks() view returns (uint32)',
  'struct Withdrawal { address staker; address delegatedTo; address withdrawer; uint256 nonce; uint32 startBlock; address[] strategies; uint256[] scaledShares; }',
  'function getQueuedWithdrawals(address staker) view returns (Withdrawal[], uint256[][])',
  'function calculateWithdrawalRoot(Withdrawal) pure returns (bytes32)',
  'function completeQueuedWithdrawal(Withdrawal withdrawal, address[] tokens, bool receiveAsTokens)',
]);
const erc20Read = parseAbi(['function balanceOf(address) view returns (uint256)']);
const ds = parseAbi([
  'struct WithdrawRequest { address[] vaults; uint256[] shares; address withdrawer; }',
  'struct QueuedWithdrawalV1 { address staker; address delegatedTo; uint256 nonce; uint256 start; WithdrawRequest request; }',
  'function fetchQueuedWithdrawals(address staker) view returns (QueuedWithdrawalV1[])',
  'function withdrawalDelay() view returns (uint256)',
  'function finishWithdraw(QueuedWithdrawalV1[] startedWithdrawals)',
]);
const v1Vault = parseAbi(['function convertToAssets(uint256) view returns (uint256)']);
const am = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocation(address, OperatorSet, address) view returns (Allocation)',
  'function getMaxMagnitudes(address, address[]) view returns (uint64[])',
]);
const strategyAbi = parseAbi(['function sharesToUnderlyingView(uint256) view returns (uint256)']);
const symVault = parseAbi(['function deposit(address onBehalfOf, uint256 amount) returns (uint256, uint256)', 'function activeStake() view returns (uint256)', 'function delegator() view returns (address)']);
const delegatorAbi = parseAbi(['function stake(bytes32 subnetwork, address operator) view returns (uint256)']);
const karakVault = parseAbi(['function deposit(uint256 assets, address to) returns (uint256)']);
const core = parseAbi(['function getDssMaxSlashablePercentageWad(address) view returns (uint256)']);

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: DevnetManifest;
let deployments: Deployments;
let known: KnownTargets;
let raw: ReturnType<typeof createPublicClient>;
let test: ReturnType<typeof devnetClient>;
const staker = getAddress('0x00000000000000000000000000000000007e57e1');
const actor = (name: string) => m.actors.find((a) => a.name === name)!.address;
const config = () => ({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments });
const sorted = (xs: string[]) => [...xs].sort();

async function send(from: Address, to: Address, data: Hex) {
  const hash = await test.sendTransaction({ account: from, to, data, chain: null, gas: 3_000_000n });
  const receipt = await test.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  expect(receipt.status).toBe('success');
}

async function delta(to: Address, data: Hex, from: Address = staker): Promise<TxDelta> {
  const call = decodeRestakingTx({ chainId: m.chainId, to, data, from }, known);
  expect(call).not.toBeNull();
  return computeTxDelta(config(), call!, { registry: createRegistry(), cache: memoryCache() });
}
const line = (d: TxDelta['after'][number]) => `${d.service}:${d.serviceSetId}:${d.operator}:${d.asset.symbol}:${d.amount}`;

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest;
  deployments = parseDeployments(m);
  const symVaults = new Set(m.scenario.symbiotic!.vaults.map((v) => v.address.toLowerCase()));
  const karakVaults = new Set(m.scenario.karak!.vaults.map((v) => v.address.toLowerCase()));
  known = buildKnownTargets({ deployments, isSymbioticVault: (a) => symVaults.has(a.toLowerCase()), isKarakVault: (a) => karakVaults.has(a.toLowerCase()) });
  raw = createPublicClient({ transport: http(devnet.rpcUrl), cacheTime: 0 });
  test = devnetClient(devnet.rpcUrl);
  await test.impersonateAccount({ address: staker });
  await test.setBalance({ address: staker, value: parseEther('10') });
  const deployer = actor('deployer');
  for (const t of m.contracts.tokens) await send(deployer, t.address, encodeFunctionData({ abi: erc20, functionName: 'mint', args: [staker, parseEther('1000')] }));
});
afterAll(async () => devnet?.stop());

describe('EigenLayer', () => {
  const stETH = () => m.contracts.tokens.find((t) => t.symbol === 'stETH')!;

  it('depositIntoStrategy while undelegated: the amount comes in, nothing can slash it', async () => {
    const t = stETH();
    await send(staker, t.address, encodeFunctionData({ abi: erc20, functionName: 'approve', args: [m.contracts.eigenlayer.strategyManager, parseEther('1000')] }));
    const data = encodeFunctionData({ abi: sm, functionName: 'depositIntoStrategy', args: [t.strategy, t.address, parseEther('40')] });
    const d = await delta(m.contracts.eigenlayer.strategyManager, data);
    expect(d.moving).toEqual([{ asset: { address: t.address, symbol: 'stETH', decimals: 18 }, amount: parseEther('40'), direction: 'in' }]);
    expect(d.before).toEqual([]);
    expect(d.after).toEqual([]);
    expect(d.notes.join(' ')).toMatch(/not delegated/);
    expect(d.grade).toBeNull();
    await send(staker, m.contracts.eigenlayer.strategyManager, data);
  });

  it("delegateTo(operator-1): every set allocating the staker's strategy, amount = withdrawable underlying x magnitude / max", async () => {
    const op = actor('operator-1');
    const data = encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] });
    const d = await delta(m.contracts.eigenlayer.delegationManager, data);
    const block = d.blockNumber;
    const dmAddr = m.contracts.eigenlayer.delegationManager;
    const [strategies] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getDepositedShares', args: [staker], blockNumber: block });
    const [withdrawable] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getWithdrawableShares', args: [staker, strategies], blockNumber: block });
    const expected: string[] = [];
    for (const [i, s] of strategies.entries()) {
      const amount = await raw.readContract({ address: s, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [withdrawable[i]!], blockNumber: block });
      const [max] = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getMaxMagnitudes', args: [op, [s]], blockNumber: block });
      for (const set of m.scenario.operatorSets.filter((x) => x.members.includes(op) && x.strategies.includes(s))) {
        const a = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocation', args: [op, { avs: set.avs, id: set.id }, s], blockNumber: block });
        if (a.currentMagnitude > 0n) expected.push(`${set.avs}:${set.id}:${op}:stETH:${(amount * a.currentMagnitude) / max!}`);
      }
    }
    expect(expected.length).toBeGreaterThan(1); // avs-1 set 0 and avs-2 set 1 both allocate stETH
    expect(sorted(d.after.map(line))).toEqual(sorted(expected));
    expect(d.after.every((e) => e.veto.mode === 'instant')).toBe(true);
    expect(d.after.find((e) => e.service === actor('avs-2') && e.serviceSetId === 1)!.redistributes).toBe(true);
    const delay = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'minWithdrawalDelayBlocks', blockNumber: block });
    expect(d.exitDelay).toEqual({ value: delay, unit: 'blocks' });
    expect(d.target).toMatchObject({ kind: 'operator', address: op });
    // The grade is the engine's own verdict on that operator.
    const engine = createChainClient(config());
    const direct = await assessEntity({ client: engine, deployments, blockNumber: block, batch: true, cache: memoryCache(), registry: createRegistry() }, { kind: 'eigenlayer-operator', address: op });
    expect(d.grade?.overall).toBe(direct.verdict!.overall);
    expect(d.grade?.reasons.length).toBeGreaterThan(0);
    await send(staker, dmAddr, data);
    expect(await raw.readContract({ address: dmAddr, abi: dm, functionName: 'delegatedTo', args: [staker] })).toBe(op);
  });

  it('a second deposit while delegated adds amount x magnitude / max to each set', async () => {
    const t = stETH();
    const op = actor('operator-1');
    const data = encodeFunctionData({ abi: sm, functionName: 'depositIntoStrategy', args: [t.strategy, t.address, parseEther('10')] });
    const d = await delta(m.contracts.eigenlayer.strategyManager, data);
    expect(d.before.length).toBeGreaterThan(0);
    const [max] = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getMaxMagnitudes', args: [op, [t.strategy]], blockNumber: d.blockNumber });
    for (const b of d.before) {
      const a = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocation', args: [op, { avs: b.service, id: b.serviceSetId }, t.strategy], blockNumber: d.blockNumber });
      const after = d.after.find((x) => x.service === b.service && x.serviceSetId === b.serviceSetId)!;
      expect(after.amount - b.amount).toBe((parseEther('10') * a.currentMagnitude) / max!);
    }
    expect(d.grade?.entity).toEqual({ kind: 'eigenlayer-operator', address: op });
  });

  it('queueWithdrawals of part of the shares: that part leaves, the rest stays exposed, slashable for the delay', async () => {
    const t = stETH();
    const dmAddr = m.contracts.eigenlayer.delegationManager;
    const [strategies, shares] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getDepositedShares', args: [staker] });
    const i = strategies.findIndex((s) => s === t.strategy);
    const q = shares[i]! / 4n;
    const data = encodeFunctionData({ abi: dm, functionName: 'queueWithdrawals', args: [[{ strategies: [t.strategy], depositShares: [q], __deprecated_withdrawer: staker }]] });
    const d = await delta(dmAddr, data);
    const [withdrawable] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getWithdrawableShares', args: [staker, [t.strategy]], blockNumber: d.blockNumber });
    const amount = await raw.readContract({ address: t.strategy, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [withdrawable[0]!], blockNumber: d.blockNumber });
    const leaving = (amount * q) / shares[i]!;
    expect(d.moving).toEqual([{ asset: expect.objectContaining({ symbol: 'stETH' }), amount: leaving, direction: 'out' }]);
    for (const b of d.before) {
      const a = d.after.find((x) => x.service === b.service && x.serviceSetId === b.serviceSetId)!;
      expect(a.amount).toBe((b.amount * (amount - leaving)) / amount);
    }
    expect(d.exitDelay?.unit).toBe('blocks');
    expect(d.notes.join(' ')).toMatch(/stays slashable/);
    await send(staker, dmAddr, data); // the next tests complete this withdrawal
  });

  it('completeQueuedWithdrawal: not completable before startBlock + minWithdrawalDelayBlocks + 1; after mining, paid out as tokens (the balance grows by the amount shown), and staker-3\'s re-staked under operator-1', async () => {
    const dmAddr = m.contracts.eigenlayer.delegationManager;
    const t = stETH();
    const delay = BigInt(await raw.readContract({ address: dmAddr, abi: dm, functionName: 'minWithdrawalDelayBlocks' }));
    const [[mine]] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getQueuedWithdrawals', args: [staker] });
    const own = encodeFunctionData({ abi: dm, functionName: 'completeQueuedWithdrawal', args: [mine!, [t.address], true] });
    const early = await delta(dmAddr, own);
    const completableAt = BigInt(mine!.startBlock) + delay + 1n;
    expect(early.blockNumber).toBeLessThan(completableAt);
    expect(early.completions).toEqual([expect.objectContaining({ status: 'not-yet', completableAt: { value: completableAt, unit: 'block' }, slashableNow: true })]);
    expect(early.moving).toEqual([]);
    expect(early.notes.join(' ')).toMatch(new RegExp(`before block ${completableAt} .*the wallet would revert`));

    // staker-3's withdrawal from the manifest, found by the chain's own root.
    const s3 = actor('staker-3');
    const mq = m.scenario.queuedWithdrawals.find((q) => q.staker === s3)!;
    const [s3ws, s3shares] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getQueuedWithdrawals', args: [s3] });
    const roots = await Promise.all(s3ws.map((w) => raw.readContract({ address: dmAddr, abi: dm, functionName: 'calculateWithdrawalRoot', args: [w] })));
    const k = roots.indexOf(mq.root);
    expect(k).toBeGreaterThanOrEqual(0);
    const theirs = s3ws[k]!;

    const snap = await test.snapshot();
    try {
      const now = await raw.getBlockNumber();
      const s3At = BigInt(theirs.startBlock) + delay + 1n;
      const until = completableAt > s3At ? completableAt : s3At;
      if (until > now) await test.mine({ blocks: Number(until - now) });
      // As tokens: the amount is the withdrawal's shares in underlying now; the wallet pays exactly that.
      const d = await delta(dmAddr, own);
      const [[w], [shares]] = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'getQueuedWithdrawals', args: [staker], blockNumber: d.blockNumber });
      const amount = await raw.readContract({ address: t.strategy, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [shares![0]!], blockNumber: d.blockNumber });
      expect(w).toEqual(mine);
      expect(d.completions).toEqual([expect.objectContaining({ status: 'completable', slashableNow: false, amounts: [{ asset: expect.objectContaining({ symbol: 'stETH' }), amount }] })]);
      expect(d.moving).toEqual([{ asset: expect.objectContaining({ symbol: 'stETH' }), amount, direction: 'receive' }]);
      expect(d.after).toEqual([]);
      const balance = () => raw.readContract({ address: t.address, abi: erc20Read, functionName: 'balanceOf', args: [staker] });
      const before = await balance();
      await send(staker, dmAddr, own);
      expect((await balance()) - before).toBe(amount);

      // As shares, staker-3: credited to its current operator; each set adds amount x magnitude / max.
      const rETH = m.contracts.tokens.find((x) => x.strategy === theirs.strategies[0])!;
      const data = encodeFunctionData({ abi: dm, functionName: 'completeQueuedWithdrawal', args: [theirs, [rETH.address], false] });
      const d3 = await delta(dmAddr, data, s3);
      const op = await raw.readContract({ address: dmAddr, abi: dm, functionName: 'delegatedTo', args: [s3], blockNumber: d3.blockNumber });
      expect(op).toBe(actor('operator-1'));
      const back = await raw.readContract({ address: rETH.strategy, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [s3shares[k]![0]!], blockNumber: d3.blockNumber });
      expect(d3.moving).toEqual([{ asset: expect.objectContaining({ symbol: 'rETH' }), amount: back, direction: 'restake' }]);
      const [max] = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getMaxMagnitudes', args: [op, [rETH.strategy]], blockNumber: d3.blockNumber });
      const sets = m.scenario.operatorSets.filter((x) => x.members.includes(op) && x.strategies.includes(rETH.strategy));
      expect(sets.length).toBeGreaterThan(0);
      let checked = 0;
      for (const set of sets) {
        const a = await raw.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocation', args: [op, { avs: set.avs, id: set.id }, rETH.strategy], blockNumber: d3.blockNumber });
        if (a.currentMagnitude === 0n) continue;
        const match = (e: TxDelta['after'][number]) => e.service === set.avs && e.serviceSetId === set.id && e.strategy === rETH.strategy;
        expect(d3.after.find(match)!.amount - (d3.before.find(match)?.amount ?? 0n)).toBe((back * a.currentMagnitude) / max!);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
      expect(d3.grade?.entity).toEqual({ kind: 'eigenlayer-operator', address: op });
    } finally {
      await test.revert({ id: snap });
    }
  });
});

describe('Karak V1 finishWithdraw', () => {
  it("staker-3's V1 withdrawal: not before start + withdrawalDelay, then convertToAssets(shares) paid, and nothing slashable changes", async () => {
    const dsAddr = m.contracts.karak!.delegationSupervisor;
    const s3 = actor('staker-3');
    const mv = m.scenario.karak!.v1Withdrawals.find((w) => w.staker === s3)!;
    const [w] = (await raw.readContract({ address: dsAddr, abi: ds, functionName: 'fetchQueuedWithdrawals', args: [s3] })).filter((x) => x.request.vaults[0] === mv.vaults[0]);
    const wDelay = await raw.readContract({ address: dsAddr, abi: ds, functionName: 'withdrawalDelay' });
    const data = encodeFunctionData({ abi: ds, functionName: 'finishWithdraw', args: [[w!]] });
    const snap = await test.snapshot();
    try {
      const { timestamp } = await raw.getBlock();
      const at = w!.start + wDelay;
      if (timestamp < at) {
        const d = await delta(dsAddr, data, s3);
        expect(d.completions![0]).toMatchObject({ status: 'not-yet', completableAt: { value: at, unit: 'timestamp' } });
        expect(d.notes.join(' ')).toMatch(/the wallet would revert/);
        await test.setNextBlockTimestamp({ timestamp: at });
        await test.mine({ blocks: 1 });
      }
      const d = await delta(dsAddr, data, s3);
      const amount = await raw.readContract({ address: w!.request.vaults[0]!, abi: v1Vault, functionName: 'convertToAssets', args: [w!.request.shares[0]!], blockNumber: d.blockNumber });
      expect(BigInt(mv.shares[0]!)).toBe(w!.request.shares[0]);
      expect(d.completions![0]).toMatchObject({ id: mv.root, status: 'completable', slashableNow: false, amounts: [{ amount }] });
      expect(d.moving).toEqual([expect.objectContaining({ amount, direction: 'receive' })]);
      expect(d.before).toEqual([]);
      expect(d.after).toEqual([]);
      expect(d.notes.join(' ')).toMatch(/Karak V1 has no slashing: nothing that can be slashed changes/);
      expect(d.grade).toBeNull();
      await send(s3, dsAddr, data);
    } finally {
      await test.revert({ id: snap });
    }
  });
});

describe('Symbiotic vault deposit', () => {
  it('vault B (veto slasher): each network/operator pair can slash deposit x stake / activeStake, with the veto window', async () => {
    const v = m.scenario.symbiotic!.vaults.find((x) => x.name === 'B')!;
    await send(staker, v.collateral, encodeFunctionData({ abi: erc20, functionName: 'approve', args: [v.address, parseEther('1000')] }));
    const amount = parseEther('25');
    const data = encodeFunctionData({ abi: symVault, functionName: 'deposit', args: [staker, amount] });
    const d = await delta(v.address, data);
    const block = d.blockNumber;
    const activeStake = await raw.readContract({ address: v.address, abi: symVault, functionName: 'activeStake', blockNumber: block });
    const expected: string[] = [];
    for (const n of v.networks) {
      for (const op of Object.keys(n.operators)) {
        const stake = await raw.readContract({ address: v.delegator, abi: delegatorAbi, functionName: 'stake', args: [n.subnetwork, getAddress(op)], blockNumber: block });
        if (stake > 0n) expected.push(`${n.network}:${n.identifier}:${getAddress(op)}:${v.collateralSymbol}:${(amount * stake) / activeStake}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(d.after.map(line))).toEqual(sorted(expected));
    expect(d.after.every((e) => e.veto.mode === 'veto' && e.veto.windowSeconds === v.vetoDuration)).toBe(true);
    expect(d.exitDelay).toEqual({ value: 2 * v.epochDuration, unit: 'seconds' });
    expect(d.grade?.entity).toEqual({ kind: 'symbiotic-vault', address: v.address });
    await send(staker, v.address, data);
  });
});

describe('Karak V2 vault deposit', () => {
  it("operator-1's stETH vault: each DSS it is staked to can slash its max percentage; committee veto window", async () => {
    const v = m.scenario.karak!.vaults.find((x) => x.dss.length === 2)!;
    await send(staker, v.asset, encodeFunctionData({ abi: erc20, functionName: 'approve', args: [v.address, parseEther('1000')] }));
    const amount = parseEther('8');
    const data = encodeFunctionData({ abi: karakVault, functionName: 'deposit', args: [amount, staker] });
    const d = await delta(v.address, data);
    const expected: string[] = [];
    for (const dss of v.dss) {
      const pct = await raw.readContract({ address: m.contracts.karak!.core!, abi: core, functionName: 'getDssMaxSlashablePercentageWad', args: [dss], blockNumber: d.blockNumber });
      expected.push(`${dss}:0:${v.operator}:stETH:${(amount * pct) / (100n * 10n ** 18n)}`);
    }
    expect(sorted(d.after.filter((e) => e.amount > 0n).map(line))).toEqual(sorted(expected));
    expect(d.after.every((e) => e.veto.mode === 'committee' && e.veto.windowSeconds === m.scenario.karak!.parameters.slashingVetoWindow)).toBe(true);
    expect(d.exitDelay).toEqual({ value: m.scenario.karak!.parameters.minWithdrawalDelay, unit: 'seconds' });
    expect(d.grade?.entity).toEqual({ kind: 'karak-vault', address: v.address });
    await send(staker, v.address, data);
  });
});
