// Symbiotic adapter reads (reference §2.4 positions and withdrawals, §2.5 exposure). The number of
// rounds is constant; each round is one batched readCalls():
//   0. vault list (cache + AddEntity logs) and the block's timestamp; per-vault facts only for new vaults
//   1. per vault: currentEpoch, activeStake; per address × vault: slashableBalanceOf (0 ⇒ nothing there)
//   2. per address × vault with stake or older buckets: active balance/shares, withdrawal buckets;
//      meanwhile the subnetwork (SetMaxNetworkLimit) and operator (OptIn) log scans of those vaults
//   3. exposure: maxNetworkLimit, opt-ins, stake(subnetwork, operator), middleware, veto resolver
// Older unclaimed buckets come from Withdraw logs with claimer = address (best effort, cached).
import type { Address } from 'viem';
import { unique } from '../../chains/read-calls.js';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { AddressReadFailure, AddressReading, ReadContext } from '../adapter.js';
import { vaultAbi } from './abi.js';
import { assemble, type StakePair, type VaultReading, type WithdrawalBucket } from './assemble.js';
import { discoverVaults } from './discover-vaults.js';
import { discoverStakeGraph, readStakePairs } from './read-exposure.js';
import { readVaultFacts } from './read-vault-facts.js';
import { Round, ok } from '../round.js';
import { scanWithdrawals } from './scan-withdrawals.js';

const SUPPORTED_VERSIONS = new Set([1, 2]);

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
