// EigenLayer adapter reads (reference §1.3 positions, §1.4 exposure), in three rounds of batched
// calls whose count does not depend on the number of addresses:
//   1. per address: delegatedTo, getDepositedShares, getQueuedWithdrawals (+ withdrawal delay)
//   2. per address: getWithdrawableShares; per strategy: underlyingToken; per operator: getAllocatedSets
//   3. per token: symbol/decimals; share -> underlying conversions; per operator/set/strategy:
//      allocation, max magnitudes, slasher, redistribution, slashability
import { erc20Abi, getAddress, zeroAddress, type Address } from 'viem';
import { BEACON_CHAIN_ETH_STRATEGY } from '../../chains/deployments.js';
import { unique, type CallResult } from '../../chains/read-calls.js';
import { Round, sanitizeSymbol } from '../round.js';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset } from '../../portfolio/types.js';
import type { AddressReadFailure, AddressReading, ReadContext } from '../adapter.js';
import { allocationManagerAbi, delegationManagerAbi, strategyAbi } from './abi.js';
import { assemble, type Raw } from './assemble.js';
import type { EigenWithdrawal } from './withdrawal-root.js';

const ETH: Asset = { address: null, symbol: 'ETH', decimals: 18 };
const isBeacon = (s: Address) => s.toLowerCase() === BEACON_CHAIN_ETH_STRATEGY.toLowerCase();
const setKey = (avs: Address, id: number) => `${avs.toLowerCase()}:${id}`;

export async function readEigenLayer(
  ctx: ReadContext,
  addresses: readonly Address[],
): Promise<Map<Address, AddressReading | AddressReadFailure>> {
  const el = ctx.deployments.eigenlayer;
  if (!el) throw new BadRpcResponseError("EigenLayer is not deployed on this chain");
  const dm = { address: el.delegationManager, abi: delegationManagerAbi } as const;
  const am = { address: el.allocationManager, abi: allocationManagerAbi } as const;
  const raw = new Map<Address, Raw>();
  const failed = new Map<Address, string>();
  const fail = (a: Address, what: string, r?: CallResult) =>
    failed.has(a) || failed.set(a, `${what}${r?.status === 'failure' ? `: ${r.error.message.split('\n')[0]}` : ''}`);
  const ok = <T>(r: CallResult): T | undefined => (r.status === 'success' ? (r.result as T) : undefined);

  // Round 1
  let minDelay: bigint | undefined;
  const r1 = new Round();
  r1.add({ ...dm, functionName: 'minWithdrawalDelayBlocks' }, (r) => {
    const v = ok<number>(r);
    if (v !== undefined) minDelay = BigInt(v);
  });
  for (const a of addresses) {
    const entry: Raw = { operator: null, strategies: [], depositShares: [], withdrawable: [], withdrawals: [], withdrawalShares: [] };
    raw.set(a, entry);
    r1.add({ ...dm, functionName: 'delegatedTo', args: [a] }, (r) => {
      const op = ok<Address>(r);
      if (op === undefined) return fail(a, 'delegatedTo failed', r);
      entry.operator = op === zeroAddress ? null : getAddress(op);
    });
    r1.add({ ...dm, functionName: 'getDepositedShares', args: [a] }, (r) => {
      const v = ok<[readonly Address[], readonly bigint[]]>(r);
      if (!v || v[0].length !== v[1].length) return fail(a, 'getDepositedShares failed', r);
      entry.strategies = v[0].map((s) => getAddress(s));
      entry.depositShares = [...v[1]];
    });
    r1.add({ ...dm, functionName: 'getQueuedWithdrawals', args: [a] }, (r) => {
      const v = ok<[readonly EigenWithdrawal[], readonly (readonly bigint[])[]]>(r);
      if (!v || v[0].length !== v[1].length || v[0].some((w, i) => w.strategies.length !== v[1][i]!.length))
        return fail(a, 'getQueuedWithdrawals failed', r);
      entry.withdrawals = [...v[0]];
      entry.withdrawalShares = v[1].map((s) => [...s]);
    });
  }
  await r1.run(ctx);
  if (minDelay === undefined) throw new BadRpcResponseError('EigenLayer: minWithdrawalDelayBlocks() could not be read; check the DelegationManager address for this chain');

  // Round 2
  const live = () => addresses.filter((a) => !failed.has(a));
  const tokens = new Map<Address, Address>(); // strategy -> underlying token
  const allocatedSets = new Map<Address, { avs: Address; id: number }[]>(); // operator -> sets
  const r2 = new Round();
  for (const a of live()) {
    const entry = raw.get(a)!;
    if (entry.strategies.length > 0) {
      r2.add({ ...dm, functionName: 'getWithdrawableShares', args: [a, entry.strategies] }, (r) => {
        const v = ok<[readonly bigint[], readonly bigint[]]>(r);
        if (!v || v[0].length !== entry.strategies.length) return fail(a, 'getWithdrawableShares failed', r);
        entry.withdrawable = [...v[0]];
      });
    }
  }
  const strategies = unique(live().flatMap((a) => [...raw.get(a)!.strategies, ...raw.get(a)!.withdrawals.flatMap((w) => w.strategies.map((s) => getAddress(s)))])).filter((s) => !isBeacon(s));
  const badStrategies = new Set<Address>();
  for (const s of strategies) {
    r2.add({ address: s, abi: strategyAbi, functionName: 'underlyingToken' }, (r) => {
      const t = ok<Address>(r);
      if (t === undefined) badStrategies.add(s);
      else tokens.set(s, getAddress(t));
    });
  }
  const operators = unique(live().map((a) => raw.get(a)!.operator).filter((o): o is Address => o !== null));
  for (const o of operators) {
    r2.add({ ...am, functionName: 'getAllocatedSets', args: [o] }, (r) => {
      const v = ok<readonly { avs: Address; id: number }[]>(r);
      allocatedSets.set(o, v ? v.map((s) => ({ avs: getAddress(s.avs), id: s.id })) : []);
      if (!v) for (const a of live()) if (raw.get(a)!.operator === o) fail(a, 'getAllocatedSets failed', r);
    });
  }
  await r2.run(ctx);
  for (const a of live()) {
    const held = [...raw.get(a)!.strategies, ...raw.get(a)!.withdrawals.flatMap((w) => w.strategies)];
    const bad = held.find((s) => badStrategies.has(getAddress(s)));
    if (bad) fail(a, `strategy ${bad} has no readable underlyingToken()`);
  }

  // Round 3
  const assets = new Map<Address, Asset>(); // token -> asset
  const toUnderlying = new Map<string, bigint>(); // `${strategy}:${shares}` -> amount
  const allocations = new Map<string, { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>();
  const maxMagnitudes = new Map<string, bigint>(); // `${operator}:${strategy}`
  const setInfo = new Map<string, { slasher: Address | null; redistributes: boolean }>();
  const slashable = new Map<string, boolean>(); // `${operator}:${setKey}`
  const r3 = new Round();
  for (const t of unique(tokens.values())) {
    const meta: { symbol?: string; decimals?: number } = {};
    r3.add({ address: t, abi: erc20Abi, functionName: 'symbol' }, (r) => {
      meta.symbol = ok<string>(r);
    });
    r3.add({ address: t, abi: erc20Abi, functionName: 'decimals' }, (r) => {
      const d = ok<number>(r);
      meta.decimals = d;
      if (d !== undefined && d <= 77) assets.set(t, { address: t, symbol: sanitizeSymbol(meta.symbol, t), decimals: d });
    });
  }
  const conversions = new Set<string>();
  for (const a of live()) {
    const e = raw.get(a)!;
    e.strategies.forEach((s, i) => isBeacon(s) || conversions.add(`${s}:${e.withdrawable[i] ?? 0n}`));
    e.withdrawals.forEach((w, i) => w.strategies.forEach((s, j) => isBeacon(s) || conversions.add(`${getAddress(s)}:${e.withdrawalShares[i]![j]}`)));
  }
  for (const key of conversions) {
    const [s, shares] = key.split(':') as [Address, string];
    r3.add({ address: s, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [BigInt(shares)] }, (r) => {
      const v = ok<bigint>(r);
      if (v !== undefined) toUnderlying.set(key, v);
    });
  }
  for (const o of operators) {
    const held = unique(live().filter((a) => raw.get(a)!.operator === o).flatMap((a) => raw.get(a)!.strategies));
    if (held.length === 0) continue;
    r3.add({ ...am, functionName: 'getMaxMagnitudes', args: [o, held] }, (r) => {
      const v = ok<readonly bigint[]>(r);
      if (v && v.length === held.length) held.forEach((s, i) => maxMagnitudes.set(`${o}:${s}`, v[i]!));
    });
    for (const set of allocatedSets.get(o) ?? []) {
      const k = setKey(set.avs, set.id);
      r3.add({ ...am, functionName: 'isOperatorSlashable', args: [o, set] }, (r) => slashable.set(`${o}:${k}`, ok<boolean>(r) ?? true));
      for (const s of held) {
        r3.add({ ...am, functionName: 'getAllocation', args: [o, set, s] }, (r) => {
          const v = ok<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>(r);
          if (v) allocations.set(`${o}:${k}:${s}`, v);
        });
      }
      if (!setInfo.has(k)) {
        const info = { slasher: null as Address | null, redistributes: false };
        setInfo.set(k, info);
        r3.add({ ...am, functionName: 'getSlasher', args: [set] }, (r) => {
          const v = ok<Address>(r);
          info.slasher = v && v !== zeroAddress ? getAddress(v) : null;
        });
        r3.add({ ...am, functionName: 'isRedistributingOperatorSet', args: [set] }, (r) => {
          info.redistributes = ok<boolean>(r) ?? false;
        });
      }
    }
  }
  await r3.run(ctx);

  const out = new Map<Address, AddressReading | AddressReadFailure>();
  for (const a of addresses) {
    const reason = failed.get(a);
    if (reason) {
      out.set(a, { error: reason });
      continue;
    }
    try {
      out.set(
        a,
        assemble(raw.get(a)!, {
          blockNumber: ctx.blockNumber,
          minDelay,
          assetOf: (s) => {
            if (isBeacon(s)) return ETH;
            const asset = assets.get(tokens.get(s)!);
            if (!asset) throw new BadRpcResponseError(`token of strategy ${s} has no readable decimals()`);
            return asset;
          },
          underlying: (s, shares) => {
            if (isBeacon(s)) return shares; // 1 beacon-chain share = 1 wei
            const v = toUnderlying.get(`${s}:${shares}`);
            if (v === undefined) throw new BadRpcResponseError(`sharesToUnderlyingView failed on strategy ${s}`);
            return v;
          },
          sets: (o) => allocatedSets.get(o) ?? [],
          allocation: (o, set, s) => allocations.get(`${o}:${setKey(set.avs, set.id)}:${s}`),
          maxMagnitude: (o, s) => maxMagnitudes.get(`${o}:${s}`),
          setInfo: (set) => setInfo.get(setKey(set.avs, set.id)) ?? { slasher: null, redistributes: false },
          isSlashable: (o, set) => slashable.get(`${o}:${setKey(set.avs, set.id)}`) ?? true,
        }),
      );
    } catch (error) {
      out.set(a, { error: (error as Error).message });
    }
  }
  return out;
}
