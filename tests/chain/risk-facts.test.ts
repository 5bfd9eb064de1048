// The risk engine against the real devnet: facts gathered by lib/risk must equal what this test reads
// on its own (plain viem calls with fragments written here) and what the manifest says was seeded;
// then the grades those facts produce are checked. No hard-coded addresses or blocks: the devnet is
// being extended by other seeders, so everything comes from the manifest and raw reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, getAddress, http, parseAbi, toEventSelector, type Address } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments } from '../../lib/chains/deployments.js';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { memoryCache } from '../../lib/protocols/adapter.js';
import { createRegistry } from '../../lib/registry/registry.js';
import { assessEntity, type Assessment } from '../../lib/risk/assess.js';
import type { RiskContext } from '../../lib/risk/gather/context.js';
import type { EntityKind } from '../../lib/risk/entity.js';
import type { EntityFactsOf } from '../../lib/risk/facts/entity-facts.js';
import { resolveEntities, resolveEntity } from '../../lib/risk/resolve-entity.js';

const am = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'function getAllocation(address, OperatorSet, address) view returns (Allocation)',
  'function getSlashCount(OperatorSet) view returns (uint256)',
  'function getAllocationDelay(address) view returns (bool, uint32)',
]);
const dm = parseAbi(['function minWithdrawalDelayBlocks() view returns (uint32)']);
const finalized = 'event FinalizedSlashing(address finisher, (address dss, uint96 timestamp, address operator, address[] vaults, uint96[] slashPercentagesWad, uint256 nonce) queuedSlashing)';
const core = parseAbi(['function getLeverage(address) view returns (uint256)', 'function isVaultQueuedForSlashing(address) view returns (bool)']);

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: DevnetManifest;
let ctx: RiskContext;
let client: ReturnType<typeof createPublicClient>;
const actor = (name: string) => m.actors.find((a) => a.name === name)!.address;
const details = <K extends EntityKind>(a: Assessment, kind: K) => {
  expect(a.facts!.kind).toBe(kind);
  return (a.facts as EntityFactsOf<K>).details;
};
const byRule = (a: Assessment) => Object.fromEntries(a.verdict!.results.map((r) => [r.ruleId, r]));
const known = <T>(f: { status: string; value?: T } | undefined): T => {
  expect(f?.status).toBe('known');
  return (f as { value: T }).value;
};

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest;
  client = createPublicClient({ transport: http(devnet.rpcUrl), cacheTime: 0 });
  const blockNumber = await client.getBlockNumber();
  const deployments = parseDeployments(m);
  // The engine reads through the project's client (Multicall3 + batching); the test's own reads use `client`.
  const engine = createChainClient({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments });
  ctx = { client: engine, deployments, blockNumber, batch: true, cache: memoryCache(), registry: createRegistry() };
});
afterAll(async () => devnet?.stop());

describe('EigenLayer risk facts', () => {
  it('operator-1: EOA slashers, redistribution, one slash, exit slower than allocation, two sets sharing stETH', async () => {
    const op1 = actor('operator-1');
    const a = await assessEntity(ctx, op1);
    expect(a.entity.kind).toBe('eigenlayer-operator');
    const s = a.facts!.signals;
    const sets = m.scenario.operatorSets.filter((x) => x.members.includes(op1));
    // Slashers are the AVS EOAs (manifest), and getCode says EOA.
    const paths = known(s.slashing);
    expect(paths.map((p) => p.slasher).sort()).toEqual(sets.map((x) => x.slasher).sort());
    for (const p of paths) expect(await client.getCode({ address: p.slasher!, blockNumber: ctx.blockNumber })).toBeUndefined();
    expect(paths.every((p) => p.slasherCode === 'eoa')).toBe(true);
    const redistributing = sets.find((x) => x.redistributing)!;
    expect(known(s.destination).find((d) => d.mode === 'redistribute')!.recipient).toBe(redistributing.redistributionRecipient);
    // Slash history: the manifest's slashes of operator-1, with the tx as evidence.
    const slashes = m.scenario.slashes.filter((x) => x.operator === op1);
    expect(known(s.slashHistory)).toEqual({ count: slashes.length, atLeast: false });
    expect(s.slashHistory!.evidence.map((e) => e.txHash)).toEqual(slashes.map((x) => x.txHash));
    // Exit versus allocation delay, from raw reads.
    const wd = await client.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: dm, functionName: 'minWithdrawalDelayBlocks', blockNumber: ctx.blockNumber });
    const [, delay] = await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocationDelay', args: [op1], blockNumber: ctx.blockNumber });
    expect(known(s.exitDelay)).toMatchObject({ slashable: true, exit: Number(wd), exposure: Number(delay), unit: 'blocks' });
    // Shared stake: per strategy, sets with a non-zero allocation, read raw.
    let most = 0;
    for (const strategy of new Set(sets.flatMap((x) => x.strategies))) {
      let n = 0;
      for (const set of sets.filter((x) => x.strategies.includes(strategy))) {
        const al = await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocation', args: [op1, { avs: set.avs, id: set.id }, strategy], blockNumber: ctx.blockNumber });
        if (al.currentMagnitude > 0n || al.pendingDiff > 0n) n++;
      }
      most = Math.max(most, n);
    }
    expect(known(s.sharedStake).services).toBe(most);
    expect(known(s.tenure).registeredAtBlock).toBeGreaterThan(0n);

    const r = byRule(a);
    expect(r['slashing-authority']!.grade).toBe('high');
    expect(r['slashing-authority']!.sentence).toMatch(/^Funds can be lost if a single key signs a slash/);
    expect(r['slashing-veto']!.grade).toBe('high');
    expect(r['slashing-redistribution']!.grade).toBe('high');
    expect(r['slashing-history']!.grade).toBe(slashes.length >= 3 ? 'high' : 'medium');
    expect(r['exit-delay']!.grade).toBe(Number(delay) < Number(wd) ? 'high' : 'low');
    expect(r['shared-stake']!.grade).toBe(most >= 4 ? 'high' : most >= 2 ? 'medium' : 'low');
    expect(r['operator-tenure']!.grade).toBe('high'); // registered minutes ago
    expect(a.verdict!.overall).toBe('high');
    expect(a.verdict!.incomplete).toBe(false);
  });

  it('avs-2 set 1 redistributes to the manifest recipient; avs-1 slash count equals getSlashCount', async () => {
    const red = m.scenario.operatorSets.find((x) => x.redistributing)!;
    const set = await assessEntity(ctx, { kind: 'eigenlayer-operator-set', address: red.avs, operatorSetId: red.id });
    expect(known(set.facts!.signals.destination)).toEqual([{ service: expect.stringContaining(`set ${red.id}`), mode: 'redistribute', recipient: red.redistributionRecipient }]);
    expect(byRule(set)['slashing-redistribution']!.grade).toBe('high');

    const slash = m.scenario.slashes[0]!;
    const avs = await assessEntity(ctx, { kind: 'eigenlayer-avs', address: slash.avs });
    let total = 0n;
    for (const x of m.scenario.operatorSets.filter((s) => s.avs === slash.avs)) {
      total += await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getSlashCount', args: [{ avs: x.avs, id: x.id }], blockNumber: ctx.blockNumber });
    }
    expect(known(avs.facts!.signals.slashHistory).count).toBe(Number(total));
    expect(byRule(avs)['slashing-history']!.grade).toBe(total >= 3n ? 'high' : total >= 1n ? 'medium' : 'low');
  });

  it('a scheduled allocation increase shows as a pending change while its effect block is ahead', async () => {
    const p = m.scenario.pendingAllocations[0]!;
    const al = await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getAllocation', args: [p.operator, { avs: p.avs, id: p.operatorSetId }, p.strategy], blockNumber: ctx.blockNumber });
    const a = await assessEntity(ctx, { kind: 'eigenlayer-operator', address: p.operator });
    const pending = known(a.facts!.signals.pending);
    const stillPending = BigInt(al.effectBlock) > ctx.blockNumber && al.pendingDiff !== 0n;
    expect(pending.some((c) => c.kind === 'allocation-increase' && c.effective === `block ${al.effectBlock}`)).toBe(stillPending && al.pendingDiff > 0n);
  });
});

describe('Symbiotic risk facts', () => {
  const vault = (name: string) => m.scenario.symbiotic!.vaults.find((v) => v.name === name)!;
  it('vault B: veto slasher with the manifest resolver on network-1/0 and the manifest veto window', async () => {
    const B = vault('B');
    const a = await assessEntity(ctx, B.address);
    expect(a.entity.kind).toBe('symbiotic-vault');
    const resolver = m.scenario.symbiotic!.networks.flatMap((n) => n.resolvers.map((r) => ({ ...r, network: n.address }))).find((r) => r.vault === B.address)!;
    const veto = known(a.facts!.signals.veto);
    expect(veto.every((v) => v.mode === 'veto' && v.windowSeconds === B.vetoDuration)).toBe(true);
    const withResolver = veto.filter((v) => v.resolver !== null);
    expect(withResolver.map((v) => v.resolver)).toEqual([resolver.resolver]);
    expect(withResolver[0]!.service).toContain(`/${resolver.identifier}`);
    expect(known(details(a, 'symbiotic-vault').slasherType)).toBe('veto');
    // Grade: a subnetwork without resolver -> high; otherwise the window decides.
    const noResolver = veto.length > withResolver.length;
    expect(byRule(a)['slashing-veto']!.grade).toBe(noResolver ? 'high' : B.vetoDuration! < 86_400 ? 'medium' : 'low');
    expect(known(a.facts!.signals.exitDelay)).toMatchObject({ exit: B.epochDuration, exposure: B.vetoDuration, unit: 'seconds' });
  });
  it('vault A: its executed slash is in the history; vault D without slasher grades low on slashing', async () => {
    const A = vault('A');
    const a = await assessEntity(ctx, { kind: 'symbiotic-vault', address: A.address });
    const slashes = m.scenario.symbiotic!.slashes.filter((s) => s.vault === A.address);
    expect(known(a.facts!.signals.slashHistory).count).toBe(slashes.length);
    expect(a.facts!.signals.slashHistory!.evidence.map((e) => e.txHash)).toEqual(slashes.map((s) => s.txHash));
    expect(byRule(a)['slashing-history']!.grade).toBe('medium');
    expect(known(a.facts!.signals.slashing).every((p) => p.slasherCode !== null)).toBe(true);

    const d = await assessEntity(ctx, { kind: 'symbiotic-vault', address: vault('D').address });
    expect(known(d.facts!.signals.slashing)).toEqual([]);
    expect(byRule(d)['slashing-authority']!.grade).toBe('low');
    expect(byRule(d)['exit-delay']!.grade).toBe('low');
  });
});

describe('Karak risk facts', () => {
  const k = () => m.scenario.karak!;
  const op1 = () => actor('operator-1');
  const vaultOf = (symbol: string) => {
    const token = m.contracts.tokens.find((t) => t.symbol === symbol)!;
    return k().vaults.find((v) => v.operator === op1() && v.asset === token.address)!;
  };
  it("operator-1's stETH vault is staked to two DSSs: leverage 2, medium", async () => {
    const v = vaultOf('stETH');
    const leverage = await client.readContract({ address: m.contracts.karak!.core, abi: core, functionName: 'getLeverage', args: [v.address], blockNumber: ctx.blockNumber });
    const a = await assessEntity(ctx, v.address);
    expect(a.entity.kind).toBe('karak-vault');
    expect(known(a.facts!.signals.sharedStake).services).toBe(Number(leverage / 10n ** 20n));
    expect(known(a.facts!.signals.sharedStake).services).toBe(v.dss.length);
    expect(known<Address[]>(details(a, 'karak-vault').dss).sort()).toEqual([...v.dss].sort());
    expect(byRule(a)['shared-stake']!.grade).toBe(v.dss.length >= 4 ? 'high' : v.dss.length >= 2 ? 'medium' : 'low');
    // A requested, unfinalized slash on this vault is pending (manifest + the Core's own flag).
    const queued = await client.readContract({ address: m.contracts.karak!.core, abi: core, functionName: 'isVaultQueuedForSlashing', args: [v.address], blockNumber: ctx.blockNumber });
    const requested = k().slashes.some((s) => s.status === 'requested' && s.vaults.includes(v.address));
    expect(queued).toBe(requested);
    expect(byRule(a)['pending-changes']!.grade).toBe(requested ? 'high' : 'low');
  });
  it("operator-1's rETH vault was slashed 20 %: one finalized slash with its tx as evidence", async () => {
    const v = vaultOf('rETH');
    const slashes = k().slashes.filter((s) => s.status === 'finalized' && s.vaults.includes(v.address));
    expect(slashes.map((s) => s.slashPercentagesWad[s.vaults.indexOf(v.address)])).toEqual([(20n * 10n ** 18n).toString()]);
    const a = await assessEntity(ctx, { kind: 'karak-vault', address: v.address });
    expect(known(a.facts!.signals.slashHistory).count).toBe(slashes.length);
    // The manifest records the request tx; the evidence is the finalize tx, at the manifest's finalizedAt.
    const [e] = a.facts!.signals.slashHistory!.evidence;
    expect(e).toMatchObject({ kind: 'log', contract: m.contracts.karak!.core, event: 'FinalizedSlashing' });
    const receipt = await client.getTransactionReceipt({ hash: e!.txHash! });
    expect(receipt.logs.some((l) => l.address.toLowerCase() === m.contracts.karak!.core.toLowerCase() && l.topics[0] === toEventSelector(finalized))).toBe(true);
    expect(Number((await client.getBlock({ blockNumber: receipt.blockNumber })).timestamp)).toBe(slashes[0]!.finalizedAt);
    expect(byRule(a)['slashing-history']!.grade).toBe('medium');
    expect(known(a.facts!.signals.veto).every((x) => x.mode === 'committee')).toBe(true);
    const pendingAdd = k().stakeUpdates.some((u) => u.vault === v.address && u.toStake);
    expect(known(a.facts!.signals.pending).some((c) => c.kind === 'stake-add')).toBe(pendingAdd);
  });
  it('a DSS resolves from chain and carries its finalized slashes', async () => {
    const dss = k().dss[0]!;
    const a = await assessEntity(ctx, dss.address);
    expect(a.entity.kind).toBe('karak-dss');
    const finalized = k().slashes.filter((s) => s.status === 'finalized' && s.dss === dss.address);
    expect(known(a.facts!.signals.slashHistory).count).toBe(finalized.length);
    expect(known(a.facts!.signals.slashing)[0]!.slasherCode).toBe('contract');
  });
});

describe('entity resolution', () => {
  it('operator-1 is an operator on all three protocols; a fresh address is unknown', async () => {
    const kinds = (await resolveEntities(ctx, actor('operator-1').toLowerCase())).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['eigenlayer-operator', 'symbiotic-operator', 'karak-operator']));
    expect((await resolveEntity(ctx, getAddress('0x000000000000000000000000000000000000bEEF'))).kind).toBe('unknown');
    const n1 = m.scenario.symbiotic!.networks[0]!.address as Address;
    expect((await resolveEntity(ctx, n1)).kind).toBe('symbiotic-network');
  });
  it('the registry answers first when it names the address', async () => {
    const n1 = m.scenario.symbiotic!.networks[0]!.address;
    const registry = createRegistry({ entries: [{ chainId: m.chainId, address: n1, kind: 'symbiotic-network', name: 'Devnet network', category: null, website: null, description: null, sources: ['test'], confidence: 'high', origin: 'test' }] });
    const e = await resolveEntity({ ...ctx, registry }, n1);
    expect(e).toMatchObject({ kind: 'symbiotic-network', via: 'registry', registry: { name: 'Devnet network' } });
  });
  it('Symbiotic operator and network facts', async () => {
    const op = await assessEntity(ctx, { kind: 'symbiotic-operator', address: actor('operator-1') });
    const optedVaults = m.scenario.symbiotic!.vaults.filter((v) => v.operators.includes(actor('operator-1'))).map((v) => v.address);
    expect(known<Address[]>(details(op, 'symbiotic-operator').vaults).sort()).toEqual(optedVaults.sort());
    const mySlashes = m.scenario.symbiotic!.slashes.filter((s) => s.operator === actor('operator-1'));
    expect(known(op.facts!.signals.slashHistory).count).toBe(mySlashes.length);
    const net = m.scenario.symbiotic!.networks[0]!;
    const n = await assessEntity(ctx, { kind: 'symbiotic-network', address: net.address });
    expect(known(n.facts!.signals.slashing).map((p) => p.slasher)).toEqual([net.middleware]);
  });
});
