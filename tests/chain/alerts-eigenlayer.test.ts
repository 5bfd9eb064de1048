// The alert engine against the real devnet. Every alert amount is compared with a figure this test
// derives on its own from the event's inputs (wadsToSlash, magnitudes before the block) and the
// staker's primitives (deposit shares, scaling factor, queued scaled shares) read with plain viem
// calls at block-1 — never from the engine's reads. The scanner's state is serialized to JSON
// between scans, as the extension persists it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, keccak256, parseAbi, stringToHex, type Address, type Hash } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { scanOnce, type ScanResult } from '../../lib/alerts/scan.js';
import { eigenLayerDetector } from '../../lib/alerts/eigenlayer/detector.js';
/** This file checks the EigenLayer detector; Symbiotic/Karak alerts of the seeded devnet are tests/chain/alerts-symbiotic-karak.test.ts'. */
const EL = [eigenLayerDetector];
import { initialScanState, scanStateFromPlain, type ScanState } from '../../lib/alerts/scan-state.js';
import type { Alert } from '../../lib/alerts/types.js';
import { amAbi, BEACON, chainClient, dmAbi, mulWad, underlyingOf, WAD, withdrawableOf, type ChainClient, type Manifest } from './support/chain-reads.js';
import { startLogsLimitProxy } from './support/logs-limit-proxy.js';
import { alertsCommand } from '../../lib/cli/alerts-command.js';
import { alertsFromJson } from '../../lib/alerts/codec.js';
import { main } from '../../lib/cli/main.js';

const writeAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct AllocateParams { OperatorSet operatorSet; address[] strategies; uint64[] newMagnitudes; }',
  'struct RegisterParams { address avs; uint32[] operatorSetIds; bytes data; }',
  'struct CreateSetParamsV2 { uint32 operatorSetId; address[] strategies; address slasher; }',
  'function modifyAllocations(address operator, AllocateParams[] params)',
  'function registerForOperatorSets(address operator, RegisterParams params)',
  'function createOperatorSets(address avs, CreateSetParamsV2[] params)',
  'function createRedistributingOperatorSets(address avs, CreateSetParamsV2[] params, address[] redistributionRecipients)',
  'function updateSlasher(OperatorSet operatorSet, address slasher)',
  'function undelegate(address staker) returns (bytes32[])',
  'function devnetCheckpointValidator(bytes32 pubkeyHash, uint64 newBalanceGwei)',
]);
const GAS = 3_000_000n;
const NOBODY = getAddress('0x00000000000000000000000000000000deadbeef');

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: Manifest & { contracts: { pods: { owner: Address; pod: Address }[] }; scenario: { slashes: { block: number; operator: Address; avs: Address; operatorSetId: number; strategies: Address[]; wadsToSlash: string[] }[]; pendingAllocations: { operator: Address; effectBlock: number; strategy: Address; magnitude: string }[] } };
let c: ChainClient;
let deployments: Deployments;
let engine: ReturnType<typeof createChainClient>;
let actor: (name: string) => Address;
let tracked: Address[];
let stETH: Address;
let rETH: Address;
let minDelay: bigint;

/** The inbox of this test: every alert by id; a second "new" with a known id is a duplicate. */
const inbox = new Map<string, Alert>();
let state: ScanState;

async function scan(addresses: Address[] = tracked): Promise<ScanResult> {
  const r = await scanOnce(state, { client: engine, deployments, addresses, detectors: EL });
  state = scanStateFromPlain(JSON.parse(JSON.stringify(r.state))); // persisted and reloaded, as the extension does
  for (const a of r.newAlerts) {
    expect(inbox.has(a.id), `duplicate alert ${a.id}`).toBe(false);
    inbox.set(a.id, a);
  }
  for (const a of r.changedAlerts) {
    expect(inbox.has(a.id), `change of an unknown alert ${a.id}`).toBe(true);
    inbox.set(a.id, a);
  }
  for (const a of [...r.newAlerts, ...r.changedAlerts]) expect(addresses).toContain(a.address);
  return r;
}

async function send(from: Address, address: Address, functionName: string, args: readonly unknown[], abi: typeof writeAbi | typeof amAbi = writeAbi) {
  await c.impersonateAccount({ address: from });
  await c.setBalance({ address: from, value: 10n ** 20n });
  const hash = await c.writeContract({ account: from, chain: null, address, abi: abi as typeof writeAbi, functionName: functionName as never, args: args as never, gas: GAS });
  const receipt = await c.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  expect(receipt.status).toBe('success');
  return receipt;
}

async function slash(operator: Address, set: { avs: Address; id: number }, strategy: Address, wadsToSlash: bigint) {
  const slasher = await c.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: amAbi, functionName: 'getSlasher', args: [set] });
  return send(slasher, m.contracts.eigenlayer.allocationManager, 'slashOperator', [set.avs, { operator, operatorSetId: set.id, strategies: [strategy], wadsToSlash: [wadsToSlash], description: 'alerts chain test' }], amAbi);
}

/** Independent expectation of a slash's impact on one staker, from the slash inputs (§6.1). */
async function expectedSlash(staker: Address, operator: Address, set: { avs: Address; id: number }, strategy: Address, wadsToSlash: bigint, B: bigint) {
  const el = m.contracts.eigenlayer;
  const prev = B - 1n;
  const alloc = await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getAllocation', args: [operator, set, strategy], blockNumber: prev });
  const [prevMax] = (await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getMaxMagnitudes', args: [operator, [strategy]], blockNumber: prev })) as [bigint];
  const newMax = prevMax - (alloc.currentMagnitude * wadsToSlash + WAD - 1n) / WAD;
  const out: { source: 'position' | 'withdrawal'; lost: bigint; sharesLost: bigint }[] = [];
  const delegated = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'delegatedTo', args: [staker], blockNumber: prev });
  if (getAddress(delegated) === operator) {
    const [strategies, deposits] = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [staker], blockNumber: prev });
    const i = strategies.findIndex((s) => getAddress(s) === strategy);
    if (i >= 0) {
      const dsf = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'depositScalingFactor', args: [staker, strategy], blockNumber: prev });
      const before = mulWad(mulWad(deposits[i]!, dsf), prevMax);
      const after = mulWad(mulWad(deposits[i]!, dsf), newMax);
      out.push({ source: 'position', sharesLost: before - after, lost: (await underlyingOf(c, strategy, before, prev)) - (await underlyingOf(c, strategy, after, B)) });
    }
  }
  const [withdrawals] = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getQueuedWithdrawals', args: [staker], blockNumber: prev });
  for (const w of withdrawals) {
    if (getAddress(w.delegatedTo) !== operator || B > BigInt(w.startBlock) + minDelay) continue;
    const j = w.strategies.findIndex((s) => getAddress(s) === strategy);
    if (j < 0) continue;
    const before = mulWad(w.scaledShares[j]!, prevMax);
    const after = mulWad(w.scaledShares[j]!, newMax);
    out.push({ source: 'withdrawal', sharesLost: before - after, lost: (await underlyingOf(c, strategy, before, prev)) - (await underlyingOf(c, strategy, after, B)) });
  }
  return out;
}

async function expectSlashAlert(alerts: Alert[], staker: Address, operator: Address, set: { avs: Address; id: number }, strategy: Address, wadsToSlash: bigint, B: bigint) {
  const a = alerts.find((x) => x.kind === 'slash' && x.address === staker && x.blockNumber === B);
  expect(a, `slash alert for ${staker}`).toBeDefined();
  expect(a).toMatchObject({ severity: 'critical', operator, service: set.avs, setId: set.id, protocol: 'eigenlayer' });
  const expected = await expectedSlash(staker, operator, set, strategy, wadsToSlash, B);
  expect(expected.length).toBeGreaterThan(0);
  expect(a!.assets.map((x) => ({ source: x.source, lost: x.amountLost, sharesLost: x.sharesLost }))).toEqual(expected);
  expect(a!.assets.every((x) => x.strategy === strategy)).toBe(true);
  return a!;
}

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest as unknown as typeof m;
  c = chainClient(devnet.rpcUrl);
  deployments = parseDeployments(devnet.manifest);
  engine = createChainClient({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments });
  actor = (name) => m.actors.find((a) => a.name === name)!.address;
  tracked = [actor('staker-1'), actor('staker-2'), actor('staker-3'), NOBODY];
  stETH = m.contracts.tokens.find((t) => t.symbol === 'stETH')!.strategy;
  rETH = m.contracts.tokens.find((t) => t.symbol === 'rETH')!.strategy;
  minDelay = BigInt(m.parameters.minWithdrawalDelayBlocks!);
  state = initialScanState(m.chainId, 0);
});
afterAll(async () => devnet?.stop());

describe('EigenLayer alerts on the devnet', () => {
  it('the seeded history: the slash hits exactly operator-1\'s delegators, with their own losses; the pending allocation is flagged', async () => {
    // Tracking only addresses the slash did not touch raises no slash alert at all.
    const other = await scanOnce(initialScanState(m.chainId, 0), { client: engine, deployments, addresses: [actor('staker-2'), NOBODY], detectors: EL });
    expect(other.newAlerts.filter((a) => a.kind === 'slash')).toEqual([]);

    const r = await scan();
    const s = m.scenario.slashes[0]!;
    const set = { avs: s.avs, id: s.operatorSetId };
    const slashes = r.newAlerts.filter((a) => a.kind === 'slash');
    expect(slashes.map((a) => a.address).sort()).toEqual([actor('staker-1'), actor('staker-3')].sort());
    for (const staker of [actor('staker-1'), actor('staker-3')]) {
      await expectSlashAlert(r.newAlerts, staker, s.operator, set, s.strategies[0]!, BigInt(s.wadsToSlash[0]!), BigInt(s.block));
    }
    expect(r.newAlerts.filter((a) => a.address === NOBODY)).toEqual([]);

    const p = m.scenario.pendingAllocations[0]!;
    const raised = r.newAlerts.find((a) => a.kind === 'allocation-raised' && a.address === actor('staker-2') && a.effectBlock === BigInt(p.effectBlock))!;
    expect(raised).toMatchObject({ severity: 'warning', operator: p.operator, canExitBefore: false });
    const B = raised.blockNumber;
    const [deps] = [await c.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [actor('staker-2')], blockNumber: B })];
    const w = await withdrawableOf(c, m, actor('staker-2'), p.strategy, deps[1][deps[0].findIndex((x) => getAddress(x) === p.strategy)]!, B);
    const [max] = (await c.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: amAbi, functionName: 'getMaxMagnitudes', args: [p.operator, [p.strategy]], blockNumber: B })) as [bigint];
    expect(raised.assets[0]!.amountAtRisk).toBe(await underlyingOf(c, p.strategy, (w * BigInt(p.magnitude)) / max, B));
    // Status follows finality: anvil's finalized block lags the head by 64.
    for (const a of r.newAlerts) expect(a.status).toBe(a.blockNumber <= r.finalized ? 'confirmed' : 'unconfirmed');
  });

  it('the CLI prints the same alerts (same model) as JSON and as a table; bad input exits 2', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t) };
    const who = [actor('staker-1'), actor('staker-2')];
    await alertsCommand(['--deployments', devnet.manifestPath, '--from-block', '0', '--json', ...who], io);
    const json = JSON.parse(out[0]!) as { chainId: number; alerts: unknown[] };
    expect(json.chainId).toBe(m.chainId);
    const fromCli = alertsFromJson(JSON.stringify(json.alerts)).filter((a) => a.protocol === 'eigenlayer'); // the CLI runs every detector
    const fromScan = [...inbox.values()].filter((a) => who.includes(a.address));
    expect(fromCli.map((a) => [a.id, a.kind, a.assets])).toEqual(
      fromScan.sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex).map((a) => [a.id, a.kind, a.assets]),
    );
    await alertsCommand(['--deployments', devnet.manifestPath, '--from-block', '0', actor('staker-1')], io);
    expect(out[1]).toMatch(/critical\s+slash\s+0x9965…A4dc\s+lost 13\.12\d* stETH/);
    expect(await main(['alerts', '--deployments', devnet.manifestPath, '0x123'])).toBe(2);
    expect(await main(['alerts', '--rpc', 'http://127.0.0.1:9', actor('staker-1')])).toBe(3);
  });

  it('a new slash: active stake and a still-slashable queued withdrawal lose exactly the slashed fraction', async () => {
    const op1 = actor('operator-1');
    const set = { avs: actor('avs-1'), id: 0 };
    const wads = WAD / 10n;
    const receipt = await slash(op1, set, rETH, wads);
    const r = await scan();
    const B = receipt.blockNumber;
    expect(r.newAlerts.map((a) => a.address).sort()).toEqual([actor('staker-1'), actor('staker-3')].sort());
    await expectSlashAlert(r.newAlerts, actor('staker-1'), op1, set, rETH, wads, B);
    const s3 = await expectSlashAlert(r.newAlerts, actor('staker-3'), op1, set, rETH, wads, B);
    expect(s3.assets.map((a) => a.source).sort()).toEqual(['position', 'withdrawal']);
    expect(s3.id).toBe(`${m.chainId}:${receipt.transactionHash}:${r.newAlerts[0]!.logIndex}:${actor('staker-3').toLowerCase()}`);
  });

  it('a beacon-chain balance drop hits the pod owner only, by new/prev of its beacon shares', async () => {
    const s1 = actor('staker-1');
    const pod = m.contracts.pods.find((p) => p.owner === s1)!.pod;
    const receipt = await send(actor('deployer'), pod, 'devnetCheckpointValidator', [keccak256(stringToHex('staker-1/validator-0')), 24_000_000_000n]);
    const r = await scan();
    const B = receipt.blockNumber;
    expect(r.newAlerts).toHaveLength(1);
    const a = r.newAlerts[0]!;
    expect(a).toMatchObject({ kind: 'beacon-slash', severity: 'critical', address: s1, operator: actor('operator-1') });
    const [strategies, deposits] = await c.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [s1], blockNumber: B - 1n });
    const deposit = deposits[strategies.findIndex((s) => getAddress(s) === BEACON)]!;
    const before = await withdrawableOf(c, m, s1, BEACON, deposit, B - 1n);
    const after = await withdrawableOf(c, m, s1, BEACON, deposit, B);
    expect(a.assets[0]!.amountLost).toBe(before - after);
    expect(before - after).toBeGreaterThan((before * 24n) / 100n); // ≈ 25 % (32 -> 24 ETH)
  });

  it('allocation increases alert the operator\'s delegators with effect block and exit window; decreases do not', async () => {
    const op1 = actor('operator-1');
    const op2 = actor('operator-2');
    const am = m.contracts.eigenlayer.allocationManager;
    const redistSet = { avs: actor('avs-2'), id: 1 };
    const up = await send(op1, am, 'modifyAllocations', [op1, [{ operatorSet: redistSet, strategies: [rETH], newMagnitudes: [(WAD * 3n) / 10n] }]]);
    const down = await send(op1, am, 'modifyAllocations', [op1, [{ operatorSet: { avs: actor('avs-1'), id: 0 }, strategies: [stETH], newMagnitudes: [(WAD * 3n) / 10n] }]]);
    const up2 = await send(op2, am, 'modifyAllocations', [op2, [{ operatorSet: { avs: actor('avs-1'), id: 0 }, strategies: [stETH], newMagnitudes: [(WAD * 45n) / 100n] }]]);
    const r = await scan();
    expect(r.newAlerts.filter((a) => a.txHash === down.transactionHash)).toEqual([]);
    const ups = r.newAlerts.filter((a) => a.txHash === up.transactionHash);
    expect(ups.map((a) => a.address).sort()).toEqual([actor('staker-1'), actor('staker-3')].sort());
    for (const a of ups) {
      expect(a).toMatchObject({ kind: 'allocation-raised', operator: op1, service: redistSet.avs, setId: 1, effectBlock: up.blockNumber, canExitBefore: false });
      const [strategies, deposits] = await c.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [a.address], blockNumber: up.blockNumber });
      const w = await withdrawableOf(c, m, a.address, rETH, deposits[strategies.findIndex((s) => getAddress(s) === rETH)]!, up.blockNumber);
      const [max] = (await c.readContract({ address: am, abi: amAbi, functionName: 'getMaxMagnitudes', args: [op1, [rETH]], blockNumber: up.blockNumber })) as [bigint];
      expect(a.assets[0]!.amountAtRisk).toBe(await underlyingOf(c, rETH, (w * ((WAD * 3n) / 10n)) / max, up.blockNumber));
    }
    const delayed = r.newAlerts.filter((a) => a.txHash === up2.transactionHash);
    expect(delayed.map((a) => a.address)).toEqual([actor('staker-2')]);
    // operator-2's allocation delay is 25 blocks; the withdrawal delay is 50: too late to exit.
    expect(delayed[0]).toMatchObject({ effectBlock: up2.blockNumber + 25n, canExitBefore: false });
  });

  it('new operator sets: creating sets raises nothing; the operator joining them does (warning + recipient when redistributing)', async () => {
    const avs2 = actor('avs-2');
    const am = m.contracts.eigenlayer.allocationManager;
    const created = await send(avs2, am, 'createOperatorSets', [avs2, [{ operatorSetId: 2, strategies: [stETH], slasher: avs2 }]]);
    const createdR = await send(avs2, am, 'createRedistributingOperatorSets', [avs2, [{ operatorSetId: 3, strategies: [rETH], slasher: avs2 }], [actor('redistribution-recipient')]]);
    const joined = await send(actor('operator-1'), am, 'registerForOperatorSets', [actor('operator-1'), { avs: avs2, operatorSetIds: [2, 3], data: '0x' }]);
    const r = await scan();
    expect(r.newAlerts.filter((a) => a.txHash === created.transactionHash || a.txHash === createdR.transactionHash)).toEqual([]);
    const joins = r.newAlerts.filter((a) => a.txHash === joined.transactionHash);
    expect(joins).toHaveLength(4);
    for (const staker of [actor('staker-1'), actor('staker-3')]) {
      expect(joins.find((a) => a.address === staker && a.setId === 2)).toMatchObject({ kind: 'new-operator-set', severity: 'info', service: avs2 });
      const redist = joins.find((a) => a.address === staker && a.setId === 3)!;
      expect(redist).toMatchObject({ kind: 'new-operator-set', severity: 'warning', redistributionRecipient: actor('redistribution-recipient') });
      expect(redist.assets).toEqual([expect.objectContaining({ strategy: rETH, amountAtRisk: 0n })]); // nothing allocated yet
    }
  });

  it('a slasher change on a set the operators are in is scheduled for every delegator, with its effect block', async () => {
    const receipt = await send(actor('avs-1'), m.contracts.eigenlayer.allocationManager, 'updateSlasher', [{ avs: actor('avs-1'), id: 0 }, actor('deployer')]);
    const r = await scan();
    expect(r.newAlerts.map((a) => a.address).sort()).toEqual([actor('staker-1'), actor('staker-2'), actor('staker-3')].sort());
    for (const a of r.newAlerts) {
      expect(a).toMatchObject({ kind: 'slasher-scheduled', severity: 'warning', slasher: actor('deployer'), effectBlock: receipt.blockNumber + BigInt(m.parameters.slasherConfigurationDelay!) + 1n });
    }
  });

  it('force-undelegation alerts the staker; a later slash still reaches it through its queued withdrawals', async () => {
    const s2 = actor('staker-2');
    const op2 = actor('operator-2');
    const kicked = await send(op2, m.contracts.eigenlayer.delegationManager, 'undelegate', [s2]);
    let r = await scan();
    expect(r.newAlerts).toHaveLength(1);
    const a = r.newAlerts[0]!;
    expect(a).toMatchObject({ kind: 'force-undelegated', address: s2, operator: op2, severity: 'warning' });
    const prev = kicked.blockNumber - 1n;
    const [strategies, deposits] = await c.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [s2], blockNumber: prev });
    const expected = await Promise.all(strategies.map(async (s, i) => underlyingOf(c, getAddress(s), await withdrawableOf(c, m, s2, getAddress(s), deposits[i]!, prev), prev)));
    expect(a.assets.map((x) => x.amountAtRisk)).toEqual(expected);

    const set = { avs: actor('avs-1'), id: 0 };
    const hit = await slash(op2, set, stETH, WAD / 5n);
    r = await scan();
    expect(r.newAlerts.map((x) => x.address)).toEqual([s2]);
    const loss = await expectSlashAlert(r.newAlerts, s2, op2, set, stETH, WAD / 5n, hit.blockNumber);
    expect(loss.assets.every((x) => x.source === 'withdrawal')).toBe(true);
  });

  it('a reorg that drops the slash retracts its alerts (once); nothing is raised twice', async () => {
    await slash(actor('operator-1'), { avs: actor('avs-2'), id: 1 }, rETH, WAD / 20n);
    const r1 = await scan();
    expect(r1.newAlerts.map((a) => a.kind)).toEqual(['slash', 'slash']);
    expect(r1.newAlerts.every((a) => a.status === 'unconfirmed')).toBe(true);
    await c.request({ method: 'anvil_reorg', params: [1, []] } as never);
    const r2 = await scan();
    expect(r2.newAlerts).toEqual([]);
    expect(r2.changedAlerts.map((a) => [a.id, a.status])).toEqual(r1.newAlerts.map((a) => [a.id, 'retracted']));
    await c.mine({ blocks: 2 });
    const r3 = await scan();
    expect([...r3.newAlerts, ...r3.changedAlerts]).toEqual([]);
  });

  it('a reorg that re-includes the same transaction in another block updates the alert, never duplicates it', async () => {
    const set = { avs: actor('avs-2'), id: 1 };
    const slasher = await c.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: amAbi, functionName: 'getSlasher', args: [set] });
    await c.impersonateAccount({ address: slasher });
    const nonce = await c.getTransactionCount({ address: slasher });
    const tx = {
      account: slasher, chain: null, address: m.contracts.eigenlayer.allocationManager, abi: amAbi, functionName: 'slashOperator' as const,
      args: [set.avs, { operator: actor('operator-1'), operatorSetId: set.id, strategies: [rETH], wadsToSlash: [WAD / 20n], description: 'reorg test' }] as const,
      gas: GAS, nonce, maxFeePerGas: 10n ** 11n, maxPriorityFeePerGas: 10n ** 9n,
    };
    const snap = await c.snapshot();
    const first: Hash = await c.writeContract(tx);
    const firstBlock = (await c.waitForTransactionReceipt({ hash: first, pollingInterval: 20 })).blockNumber;
    const r1 = await scan();
    expect(r1.newAlerts).toHaveLength(2);
    await c.revert({ id: snap });
    await c.mine({ blocks: 1 });
    const again: Hash = await c.writeContract(tx);
    expect(again).toBe(first);
    const secondBlock = (await c.waitForTransactionReceipt({ hash: again, pollingInterval: 20 })).blockNumber;
    expect(secondBlock).toBe(firstBlock + 1n);
    const r2 = await scan();
    expect(r2.newAlerts).toEqual([]);
    expect(r2.changedAlerts.map((a) => a.id).sort()).toEqual(r1.newAlerts.map((a) => a.id).sort());
    expect(r2.changedAlerts.every((a) => a.blockNumber === secondBlock && a.status === 'unconfirmed')).toBe(true);
  });

  it('alerts are confirmed once their block is final', async () => {
    const open = [...inbox.values()].filter((a) => a.status === 'unconfirmed');
    expect(open.length).toBeGreaterThan(0);
    await c.mine({ blocks: 70 });
    const r = await scan();
    expect(r.changedAlerts.map((a) => a.id).sort()).toEqual(open.map((a) => a.id).sort());
    expect(r.changedAlerts.every((a) => a.status === 'confirmed')).toBe(true);
  });

  it('restart: half a scan, state through JSON, a kill before one chunk was saved, then resume: nothing missed, nothing twice', async () => {
    const deps = { client: engine, deployments, addresses: tracked };
    const full = await scanOnce(initialScanState(m.chainId, 0, { size: 16 }), deps);
    const expectedIds = full.newAlerts.map((a) => a.id).sort();
    expect(expectedIds.length).toBeGreaterThan(10);

    let saved = JSON.stringify(initialScanState(m.chainId, 0, { size: 16 }));
    const persisted: Alert[] = [];
    const persist = (step: ScanResult) => {
      saved = JSON.stringify(step.state);
      persisted.push(...step.newAlerts);
    };
    await scanOnce(JSON.parse(saved), { ...deps, maxChunks: 4, onChunk: persist });
    let calls = 0;
    await expect(
      scanOnce(JSON.parse(saved), {
        ...deps,
        onChunk: (step) => {
          if (++calls === 3) throw new Error('service worker killed before saving'); // this chunk's work is lost
          persist(step);
        },
      }),
    ).rejects.toThrow(/killed/);
    const last = await scanOnce(scanStateFromPlain(JSON.parse(saved)), { ...deps, onChunk: persist });
    expect(last.done).toBe(true);
    const ids = persisted.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(expectedIds);
  });

  it('adapts the log range to a provider that caps eth_getLogs, with O(blocks / range) requests', async () => {
    for (let i = 0; i < 3; i++) await c.mine({ blocks: 100 }); // anvil_mine is superlinear in one big batch
    const direct = await scanOnce(initialScanState(m.chainId, 0), { client: engine, deployments, addresses: tracked });
    const head = Number(direct.head);
    const CAP = 50;
    for (const message of ['query exceeds max block range', `block range too large, maximum block range: ${CAP}`]) {
      const proxy = await startLogsLimitProxy(devnet.rpcUrl, CAP, message);
      try {
        const client = createChainClient({ chainId: m.chainId, rpcUrls: [proxy.url], deployments });
        const r = await scanOnce(initialScanState(m.chainId, 0), { client, deployments, addresses: tracked });
        expect(r.newAlerts.map((a) => a.id).sort()).toEqual(direct.newAlerts.map((a) => a.id).sort());
        const ceiling = r.state.chunk.ceiling!;
        // Halving lands between CAP/2 and CAP; a stated maximum is used as is.
        if (message.includes('maximum')) expect(ceiling).toBe(CAP);
        else expect(ceiling).toBeGreaterThan(CAP / 2);
        expect(ceiling).toBeLessThanOrEqual(CAP);
        expect(r.state.chunk.size).toBeLessThanOrEqual(CAP);
        const successful = proxy.getLogs - proxy.rejected;
        expect(successful).toBeLessThanOrEqual(Math.ceil((head + 1) / ceiling) + 1);
        expect(proxy.rejected).toBeLessThanOrEqual(message.includes('maximum') ? 1 : 6);
      } finally {
        await proxy.close();
      }
    }
  });
});
