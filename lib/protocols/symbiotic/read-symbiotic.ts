// Symbiotic adapter reads (reference §2.4 positions and withdrawals, §2.5 exposure). The number of
// rounds is constant; each round is one batched readCalls():
//   0. vault list (cache + AddEntity logs) and the block's timestamp; per-vault facts only for new vaults
//   1. per vault: currentEpoch, activeStake; per address × vault: slashableBalanceOf (0 ⇒ nothing there)
//   2. per address × vault with stake or older buckets: active balance/shares, withdrawal buckets;
//      meanwhile the subnetwork (SetMaxNetworkLimit) and operator (OptIn) log scans of those vaults
//   3. exposure: maxNetworkLimit, opt-ins, stake(subnetwork, operator), middleware, veto resolver
// Older unclaimed buckets come from Withdraw logs with claimer = address (best effort, cached).
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from 'viem';
import { unique } from '../../chains/read-calls.js';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { AddressReadFailure, AddressReading, ReadContext } from '../adapter.js';
import { baseDelegatorAbi, networkMiddlewareServiceAbi, optInServiceAbi, vaultAbi, vetoSlasherAbi } from './abi.js';
import { assemble, splitSubnetwork, type StakePair, type VaultFacts, type VaultReading, type WithdrawalBucket } from './assemble.js';
import { discoverVaults, readVaultFacts } from './discover-vaults.js';
import { getLogsSplitting, scanIncrementally } from './log-scan.js';
import { Round, ok } from './round.js';

const SUPPORTED_VERSIONS = new Set([1, 2]);
const event = (abi: readonly { type: string; name?: string }[], name: string) => abi.find((i) => i.type === 'event' && i.name === name) as never;

export async function readSymbiotic(
  ctx: ReadContext,
  addresses: readonly Address[],
): Promise<Map<Address, AddressReading | AddressReadFailure>> {
  const sym = ctx.deployments.symbiotic;
  if (!sym) throw new BadRpcResponseError('Symbiotic is not deployed on this chain');
  const startBlock = BigInt(sym.fromBlock ?? 0);
  const failed = new Map<Address, string>();
  const fail = (a: Address, why: string) => failed.has(a) || failed.set(a, why);

  // Round 0: vaults, their facts, the block time; older withdrawals from logs in parallel.
  const [vaults, block] = await Promise.all([discoverVaults(ctx, sym), ctx.client.getBlock({ blockNumber: ctx.blockNumber })]);
  const now = Number(block.timestamp);
  const withdrawLogsPromise = scanWithdrawals(ctx, sym, addresses, new Set(vaults), startBlock);
  const { facts, failed: factsFailed } = await readVaultFacts(ctx, sym, vaults);
  const withdrawLogs = await withdrawLogsPromise;

  // Round 1: where does each address have anything?
  const usable = vaults.filter((v) => !factsFailed.has(v) && SUPPORTED_VERSIONS.has(facts.get(v)!.version));
  const epochs = new Map<Address, number>();
  const activeStakes = new Map<Address, bigint>();
  const badVaults = new Map<Address, string>(factsFailed);
  const slashable = new Map<string, bigint>(); // `${address}:${vault}`
  const r1 = new Round();
  for (const v of usable) {
    r1.add({ address: v, abi: vaultAbi, functionName: 'currentEpoch' }, (r) => {
      const e = ok<bigint>(r);
      const f = facts.get(v)!;
      // The epoch arithmetic below must agree with the vault's own (versions 1 and 2 do).
      if (e === undefined || Number(e) !== Math.floor((now - f.epochDurationInit) / f.epochDuration)) badVaults.set(v, `currentEpoch() of vault ${v} failed or disagrees with its epoch parameters`);
      else epochs.set(v, Number(e));
    });
    r1.add({ address: v, abi: vaultAbi, functionName: 'activeStake' }, (r) => {
      const s = ok<bigint>(r);
      if (s === undefined) badVaults.set(v, `activeStake() of vault ${v} failed`);
      else activeStakes.set(v, s);
    });
  }
  const probe = [...usable, ...factsFailed.keys()];
  for (const a of addresses) {
    for (const v of probe) {
      r1.add({ address: v, abi: vaultAbi, functionName: 'slashableBalanceOf', args: [a] }, (r) => {
        const s = ok<bigint>(r);
        if (s === undefined) fail(a, `slashableBalanceOf failed on vault ${v}`);
        else if (s > 0n) slashable.set(`${a}:${v}`, s);
      });
    }
  }
  await r1.run(ctx);
  for (const a of addresses) {
    for (const v of probe) {
      if (slashable.has(`${a}:${v}`) && badVaults.has(v)) fail(a, badVaults.get(v)!);
    }
  }

  // Which (address, vault) pairs need details: stake now, or older buckets found in logs.
  const older = (a: Address, v: Address): number[] => {
    const f = facts.get(v);
    const cur = epochs.get(v);
    if (!f || cur === undefined) return [];
    const ks = (withdrawLogs.get(a) ?? []).filter((w) => w.vault === v).map((w) => Math.floor((w.timestamp - f.epochDurationInit) / f.epochDuration) + 1);
    return unique(ks.filter((k) => k < cur).map(String)).map(Number);
  };
  const pairs: { a: Address; v: Address; older: number[] }[] = [];
  for (const a of addresses) {
    if (failed.has(a)) continue;
    for (const v of usable) {
      if (badVaults.has(v)) continue;
      const o = older(a, v);
      if (slashable.has(`${a}:${v}`) || o.length > 0) pairs.push({ a, v, older: o });
    }
  }

  // Round 2 (+ exposure discovery logs in parallel).
  const relevantVaults = unique(pairs.map((p) => p.v));
  const discovery = discoverStakeGraph(ctx, sym, relevantVaults.map((v) => facts.get(v)!), startBlock).then(
    (g) => ({ ok: true as const, g }),
    (error: Error) => ({ ok: false as const, error }),
  );
  const details = new Map<string, { activeBalance?: bigint; activeShares?: bigint; buckets: WithdrawalBucket[] }>();
  const r2 = new Round();
  for (const { a, v, older: old } of pairs) {
    const d = { buckets: [] as WithdrawalBucket[] } as { activeBalance?: bigint; activeShares?: bigint; buckets: WithdrawalBucket[] };
    details.set(`${a}:${v}`, d);
    const call = (functionName: string, args: readonly unknown[], onValue: (x: never) => void) =>
      r2.add({ address: v, abi: vaultAbi, functionName, args } as never, (r) => {
        const x = ok<never>(r);
        if (x === undefined) fail(a, `${functionName} failed on vault ${v}`);
        else onValue(x);
      });
    call('activeBalanceOf', [a], (x: bigint) => (d.activeBalance = x));
    call('activeSharesOf', [a], (x: bigint) => (d.activeShares = x));
    const cur = epochs.get(v)!;
    for (const k of [cur, cur + 1]) call('withdrawalsOf', [BigInt(k), a], (x: bigint) => d.buckets.push({ epoch: k, amount: x, claimed: false }));
    for (const k of old) {
      const bucket: WithdrawalBucket = { epoch: k, amount: 0n, claimed: false };
      d.buckets.push(bucket);
      call('withdrawalsOf', [BigInt(k), a], (x: bigint) => (bucket.amount = x));
      call('isWithdrawalsClaimed', [BigInt(k), a], (x: boolean) => (bucket.claimed = x));
    }
  }
  await r2.run(ctx);
  const graph = await discovery;

  // Round 3: exposure of vaults where some address has active stake.
  const staked = unique(pairs.filter((p) => !failed.has(p.a) && (details.get(`${p.a}:${p.v}`)?.activeBalance ?? 0n) > 0n).map((p) => p.v));
  const stakePairs = new Map<Address, StakePair[]>();
  const exposureFailed = new Map<Address, string>();
  if (!graph.ok) {
    for (const v of staked) exposureFailed.set(v, `Symbiotic log scan for networks/operators failed: ${graph.error.message.split('\n')[0]}`);
  } else if (staked.length > 0) {
    await readStakePairs(ctx, sym, staked.map((v) => facts.get(v)!), graph.g, stakePairs, exposureFailed);
  }

  const out = new Map<Address, AddressReading | AddressReadFailure>();
  for (const a of addresses) {
    const readings: VaultReading[] = [];
    for (const p of pairs) {
      if (p.a !== a) continue;
      const d = details.get(`${a}:${p.v}`)!;
      if ((d.activeBalance ?? 0n) > 0n && exposureFailed.has(p.v)) fail(a, exposureFailed.get(p.v)!);
      readings.push({
        facts: facts.get(p.v)!,
        currentEpoch: epochs.get(p.v)!,
        activeStake: activeStakes.get(p.v)!,
        activeBalance: d.activeBalance ?? 0n,
        activeShares: d.activeShares ?? 0n,
        slashableBalance: slashable.get(`${a}:${p.v}`) ?? 0n,
        buckets: d.buckets.sort((x, y) => x.epoch - y.epoch),
        pairs: stakePairs.get(p.v) ?? [],
      });
    }
    const reason = failed.get(a);
    out.set(a, reason ? { error: `Symbiotic: ${reason}` } : assemble(a, readings));
  }
  return out;
}

interface StakeGraph {
  subnetworks: Map<Address, Hex[]>; // vault -> subnetworks
  operators: Map<Address, Address[]>; // vault -> candidate operators
}

/** Subnetworks from SetMaxNetworkLimit logs of each delegator; operators from OperatorVaultOptInService OptIn logs (types 0/1). */
async function discoverStakeGraph(ctx: ReadContext, sym: SymbioticAddresses, vaults: readonly VaultFacts[], startBlock: bigint): Promise<StakeGraph> {
  const chain = ctx.deployments.chainId;
  const snKey = (d: Address) => `symbiotic:subnetworks:${chain}:${d.toLowerCase()}`;
  const opKey = (v: Address) => `symbiotic:operators:${chain}:${sym.operatorVaultOptInService.toLowerCase()}:${v.toLowerCase()}`;
  const byDelegatorKey = new Map(vaults.map((f) => [snKey(f.delegator), f]));
  const multi = vaults.filter((f) => f.delegatorType === 0 || f.delegatorType === 1);
  const byOpKey = new Map(multi.map((f) => [opKey(f.vault), f]));
  const [subnets, ops] = await Promise.all([
    scanIncrementally<string>(ctx.cache, [...byDelegatorKey.keys()], startBlock, ctx.blockNumber, (x) => x, async (keys, from, to) => {
      const delegators = keys.map((k) => byDelegatorKey.get(k)!.delegator);
      const logs = await getLogsSplitting(ctx.client, { address: delegators, event: event(baseDelegatorAbi, 'SetMaxNetworkLimit') }, from, to);
      const found = new Map<string, string[]>();
      for (const log of parseEventLogs({ abi: baseDelegatorAbi, eventName: 'SetMaxNetworkLimit', logs })) {
        const k = snKey(getAddress(log.address));
        found.set(k, [...(found.get(k) ?? []), log.args.subnetwork.toLowerCase()]);
      }
      return found;
    }),
    scanIncrementally<string>(ctx.cache, [...byOpKey.keys()], startBlock, ctx.blockNumber, (x) => x, async (keys, from, to) => {
      const where = keys.map((k) => byOpKey.get(k)!.vault);
      const logs = await getLogsSplitting(ctx.client, { address: sym.operatorVaultOptInService, event: event(optInServiceAbi, 'OptIn'), args: { where } }, from, to);
      const found = new Map<string, string[]>();
      for (const log of parseEventLogs({ abi: optInServiceAbi, eventName: 'OptIn', logs })) {
        const k = opKey(getAddress(log.args.where));
        if (byOpKey.has(k)) found.set(k, [...(found.get(k) ?? []), getAddress(log.args.who)]);
      }
      return found;
    }),
  ]);
  const graph: StakeGraph = { subnetworks: new Map(), operators: new Map() };
  for (const f of vaults) {
    let sns = (subnets.get(snKey(f.delegator)) ?? []) as Hex[];
    // Type 3: only its fixed network() can set a max network limit.
    if (f.delegatorType === 3 && f.network) sns = sns.filter((sn) => splitSubnetwork(sn).network === f.network);
    graph.subnetworks.set(f.vault, [...sns].sort());
    graph.operators.set(f.vault, f.delegatorType === 2 || f.delegatorType === 3 ? (f.operator ? [f.operator] : []) : ((ops.get(opKey(f.vault)) ?? []) as Address[]).map((o) => getAddress(o)).sort());
  }
  return graph;
}

async function readStakePairs(
  ctx: ReadContext,
  sym: SymbioticAddresses,
  vaults: readonly VaultFacts[],
  graph: StakeGraph,
  out: Map<Address, StakePair[]>,
  failedVaults: Map<Address, string>,
): Promise<void> {
  const maxLimit = new Map<string, bigint>(); // `${vault}:${sn}`
  const resolvers = new Map<string, Address | null>();
  const stake = new Map<string, bigint>(); // `${vault}:${sn}:${op}`
  const vaultOptIn = new Map<string, boolean>(); // `${op}:${vault}`
  const networkOptIn = new Map<string, boolean>(); // `${op}:${network}`
  const middleware = new Map<Address, Address | null>();
  const r = new Round();
  const bad = (v: Address, why: string) => failedVaults.has(v) || failedVaults.set(v, why);
  for (const f of vaults) {
    const sns = graph.subnetworks.get(f.vault) ?? [];
    const ops = graph.operators.get(f.vault) ?? [];
    for (const sn of sns) {
      const { network } = splitSubnetwork(sn);
      r.add({ address: f.delegator, abi: baseDelegatorAbi, functionName: 'maxNetworkLimit', args: [sn] }, (x) => {
        const v = ok<bigint>(x);
        if (v === undefined) bad(f.vault, `maxNetworkLimit failed on delegator ${f.delegator}`);
        else maxLimit.set(`${f.vault}:${sn}`, v);
      });
      if (f.slasherType === 'veto' && f.slasher) {
        r.add({ address: f.slasher, abi: vetoSlasherAbi, functionName: 'resolver', args: [sn, '0x'] }, (x) => {
          const v = ok<Address>(x);
          if (v === undefined) bad(f.vault, `resolver failed on slasher ${f.slasher}`);
          else resolvers.set(`${f.vault}:${sn}`, v === zeroAddress ? null : getAddress(v));
        });
      }
      if (!middleware.has(network)) {
        middleware.set(network, null);
        r.add({ address: sym.networkMiddlewareService, abi: networkMiddlewareServiceAbi, functionName: 'middleware', args: [network] }, (x) => {
          const v = ok<Address>(x);
          if (v === undefined) for (const g of vaults) bad(g.vault, `middleware(${network}) failed`);
          else middleware.set(network, v === zeroAddress ? null : getAddress(v));
        });
      }
      for (const op of ops) {
        r.add({ address: f.delegator, abi: baseDelegatorAbi, functionName: 'stake', args: [sn, op] }, (x) => {
          const v = ok<bigint>(x);
          if (v === undefined) bad(f.vault, `stake failed on delegator ${f.delegator}`);
          else stake.set(`${f.vault}:${sn}:${op}`, v);
        });
        const key = `${op}:${network}`;
        if (!networkOptIn.has(key)) {
          networkOptIn.set(key, false);
          r.add({ address: sym.operatorNetworkOptInService, abi: optInServiceAbi, functionName: 'isOptedIn', args: [op, network] }, (x) => {
            const v = ok<boolean>(x);
            if (v === undefined) for (const g of vaults) bad(g.vault, `isOptedIn(${op}, ${network}) failed`);
            else networkOptIn.set(key, v);
          });
        }
      }
    }
    for (const op of ops) {
      r.add({ address: sym.operatorVaultOptInService, abi: optInServiceAbi, functionName: 'isOptedIn', args: [op, f.vault] }, (x) => {
        const v = ok<boolean>(x);
        if (v === undefined) bad(f.vault, `isOptedIn(${op}, ${f.vault}) failed`);
        else vaultOptIn.set(`${op}:${f.vault}`, v);
      });
    }
  }
  await r.run(ctx);
  for (const f of vaults) {
    const list: StakePair[] = [];
    for (const sn of graph.subnetworks.get(f.vault) ?? []) {
      if ((maxLimit.get(`${f.vault}:${sn}`) ?? 0n) === 0n) continue;
      const { network, identifier } = splitSubnetwork(sn);
      for (const op of graph.operators.get(f.vault) ?? []) {
        if (!vaultOptIn.get(`${op}:${f.vault}`) || !networkOptIn.get(`${op}:${network}`)) continue;
        list.push({
          subnetwork: sn, network, identifier, operator: op,
          stake: stake.get(`${f.vault}:${sn}:${op}`) ?? 0n,
          middleware: middleware.get(network) ?? null,
          ...(f.slasherType === 'veto' ? { resolver: resolvers.get(`${f.vault}:${sn}`) ?? null } : {}),
        });
      }
    }
    out.set(f.vault, list);
  }
}

interface WithdrawSeen {
  vault: Address;
  /** Block timestamp of the Withdraw: the bucket is epochAt(timestamp) + 1. */
  timestamp: number;
}

/**
 * Withdraw logs with claimer = address (reference §2.4 step 3), cached per address with a cursor.
 * Best effort: a failing scan only hides buckets older than the current epoch (the current and next
 * buckets are always read directly), so it does not fail the address.
 */
async function scanWithdrawals(ctx: ReadContext, sym: SymbioticAddresses, addresses: readonly Address[], vaults: Set<Address>, startBlock: bigint): Promise<Map<Address, WithdrawSeen[]>> {
  const key = (a: Address) => `symbiotic:withdrawals:${ctx.deployments.chainId}:${sym.vaultFactory.toLowerCase()}:${a.toLowerCase()}`;
  const byKey = new Map(addresses.map((a) => [key(a), a]));
  try {
    const found = await scanIncrementally<WithdrawSeen>(ctx.cache, [...byKey.keys()], startBlock, ctx.blockNumber, (w) => `${w.vault}:${w.timestamp}`, async (keys, from, to) => {
      const claimers = keys.map((k) => byKey.get(k)!);
      const logs = await getLogsSplitting(ctx.client, { event: event(vaultAbi, 'Withdraw'), args: { claimer: claimers } }, from, to);
      const parsed = parseEventLogs({ abi: vaultAbi, eventName: 'Withdraw', logs }).filter((l) => vaults.has(getAddress(l.address)));
      const blocks = unique(parsed.map((l) => String(l.blockNumber)));
      const times = new Map(await Promise.all(blocks.map(async (b) => [b, Number((await ctx.client.getBlock({ blockNumber: BigInt(b) })).timestamp)] as const)));
      const out = new Map<string, WithdrawSeen[]>();
      for (const l of parsed) {
        const k = key(getAddress(l.args.claimer));
        out.set(k, [...(out.get(k) ?? []), { vault: getAddress(l.address), timestamp: times.get(String(l.blockNumber))! }]);
      }
      return out;
    });
    return new Map([...found].map(([k, v]) => [byKey.get(k)!, v]));
  } catch {
    return new Map();
  }
}
