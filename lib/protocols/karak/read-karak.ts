// Karak V2 reads (reference §3.3), after discovery from Core logs (discovery.ts), in three rounds of
// batched calls whose count does not depend on the number of addresses:
//   1. per address x vault: balanceOf, getNextWithdrawNonce; per vault: getLeverage; per asset:
//      symbol/decimals; per registered (operator, DSS): fetchVaultsStakedInDSS, per DSS its max %
//   2. per (vault, shares): convertToAssets; per pending nonce: isWithdrawalPending, getQueuedWithdrawal
//   3. convertToAssets of the queued redeem shares
import { erc20Abi, getAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset } from '../../portfolio/types.js';
import type { AddressReading, AddressReadFailure, ReadContext } from '../adapter.js';
import { coreAbi, vaultAbi } from './abi.js';
import { assembleV2, type V2Holding, type V2Redeem } from './assemble.js';
import { addBlockTime } from './block-time.js';
import { discover } from './discovery.js';
import { ok, Round, sanitizeSymbol, why } from '../round.js';
import { verifyUnconfirmed } from './verify.js';

type Result = Map<Address, AddressReading | AddressReadFailure>;

export async function readKarakV2(ctx: ReadContext, addresses: readonly Address[]): Promise<Result> {
  const core = ctx.deployments.karak?.core;
  if (!core) throw new BadRpcResponseError('Karak V2 Core is not deployed on this chain');
  const out: Result = new Map();
  const disabled = await verifyUnconfirmed(ctx, {
    key: 'karak.core', label: 'Karak V2 Core', address: core, abi: coreAbi, functionName: 'VERSION',
    accept: (v) => typeof v === 'string' && v.length > 0,
  });
  if (disabled) {
    for (const a of addresses) out.set(a, { error: disabled });
    return out;
  }
  const { vaults, registrations, pendingStakeUpdates } = await discover(ctx, core);
  const c = { address: core, abi: coreAbi } as const;
  const failed = new Map<Address, string>();
  const fail = (a: Address, what: string) => failed.has(a) || failed.set(a, what);

  // Round 1
  const r1 = new Round();
  const time = addBlockTime(r1, ctx);
  const assets = new Map<Address, Asset>();
  for (const token of new Set(vaults.map((v) => v.asset))) {
    const meta: { symbol?: string } = {};
    r1.add({ address: token, abi: erc20Abi, functionName: 'symbol' }, (r) => void (meta.symbol = ok<string>(r)));
    r1.add({ address: token, abi: erc20Abi, functionName: 'decimals' }, (r) => {
      const d = ok<number>(r);
      if (d !== undefined && d <= 77) assets.set(token, { address: token, symbol: sanitizeSymbol(meta.symbol, token), decimals: d });
    });
  }
  const leverage = new Map<Address, bigint>();
  for (const v of vaults) r1.add({ ...c, functionName: 'getLeverage', args: [v.vault] }, (r) => void (ok<bigint>(r) !== undefined && leverage.set(v.vault, ok<bigint>(r)!)));
  const operators = new Set(vaults.map((v) => v.operator));
  const staked = new Map<string, Set<Address>>(); // `${operator}:${dss}` -> vaults
  const maxPct = new Map<Address, bigint>();
  const unknownStake = new Set<Address>(); // operators with an unreadable fetchVaultsStakedInDSS: never guess "not staked"
  const dssOfInterest = new Set<Address>(pendingStakeUpdates.map((u) => u.dss));
  for (const reg of registrations.filter((x) => operators.has(x.operator))) {
    dssOfInterest.add(reg.dss);
    r1.add({ ...c, functionName: 'fetchVaultsStakedInDSS', args: [reg.operator, reg.dss] }, (r) => {
      const v = ok<readonly Address[]>(r);
      if (v) staked.set(`${reg.operator}:${reg.dss}`, new Set(v.map((x) => getAddress(x))));
      else unknownStake.add(reg.operator);
    });
  }
  for (const dss of dssOfInterest) r1.add({ ...c, functionName: 'getDssMaxSlashablePercentageWad', args: [dss] }, (r) => void (ok<bigint>(r) !== undefined && maxPct.set(dss, ok<bigint>(r)!)));
  const shares = new Map<string, bigint>(); // `${address}:${vault}`
  const nonces = new Map<string, bigint>();
  for (const a of addresses) {
    for (const v of vaults) {
      const key = `${a}:${v.vault}`;
      r1.add({ address: v.vault, abi: vaultAbi, functionName: 'balanceOf', args: [a] }, (r) => {
        const s = ok<bigint>(r);
        if (s === undefined) fail(a, `balanceOf failed on Karak vault ${v.vault}${why(r)}`);
        else shares.set(key, s);
      });
      r1.add({ address: v.vault, abi: vaultAbi, functionName: 'getNextWithdrawNonce', args: [a] }, (r) => {
        const n = ok<bigint>(r);
        if (n === undefined) fail(a, `getNextWithdrawNonce failed on Karak vault ${v.vault}${why(r)}`);
        else nonces.set(key, n);
      });
    }
  }
  await r1.run(ctx);
  const now = time.value();
  if (now === undefined) throw new BadRpcResponseError('Karak: block timestamp unreadable (Multicall3.getCurrentBlockTimestamp failed)');

  // Round 2
  const live = () => addresses.filter((a) => !failed.has(a));
  const converted = new Map<string, bigint>(); // `${vault}:${shares}`
  const convert = (round: Round, vault: Address, s: bigint) => {
    const key = `${vault}:${s}`;
    if (converted.has(key) || s === 0n) return;
    converted.set(key, -1n);
    round.add({ address: vault, abi: vaultAbi, functionName: 'convertToAssets', args: [s] }, (r) => {
      const v = ok<bigint>(r);
      if (v === undefined) converted.delete(key);
      else converted.set(key, v);
    });
  };
  const r2 = new Round();
  const redeems = new Map<Address, Omit<V2Redeem, 'amount' | 'asset'>[]>();
  for (const a of live()) {
    redeems.set(a, []);
    for (const v of vaults) {
      convert(r2, v.vault, shares.get(`${a}:${v.vault}`) ?? 0n);
      const next = nonces.get(`${a}:${v.vault}`) ?? 0n;
      for (let k = 0n; k < next; k++) {
        let pending: boolean | undefined;
        r2.add({ address: v.vault, abi: vaultAbi, functionName: 'isWithdrawalPending', args: [a, k] }, (r) => {
          pending = ok<boolean>(r);
          if (pending === undefined) fail(a, `isWithdrawalPending failed on Karak vault ${v.vault}${why(r)}`);
        });
        r2.add({ address: v.vault, abi: vaultAbi, functionName: 'getQueuedWithdrawal', args: [a, k] }, (r) => {
          const w = ok<{ staker: Address; start: bigint; shares: bigint; beneficiary: Address }>(r);
          if (!w) return void fail(a, `getQueuedWithdrawal failed on Karak vault ${v.vault}${why(r)}`);
          if (pending) redeems.get(a)!.push({ vault: v.vault, operator: v.operator, staker: a, nonce: k, shares: w.shares, start: Number(w.start) });
        });
      }
    }
  }
  await r2.run(ctx);

  // Round 3
  const r3 = new Round();
  for (const a of live()) for (const w of redeems.get(a) ?? []) convert(r3, w.vault, w.shares);
  await r3.run(ctx);

  const byVault = new Map(vaults.map((v) => [v.vault, v]));
  for (const a of addresses) {
    const reason = failed.get(a);
    if (reason) {
      out.set(a, { error: reason });
      continue;
    }
    try {
      const assetOf = (vault: Address) => {
        const asset = assets.get(byVault.get(vault)!.asset);
        if (!asset) throw new BadRpcResponseError(`asset of Karak vault ${vault} has no readable decimals()`);
        return asset;
      };
      const amountOf = (vault: Address, s: bigint) => {
        if (s === 0n) return 0n;
        const v = converted.get(`${vault}:${s}`);
        if (v === undefined || v < 0n) throw new BadRpcResponseError(`convertToAssets failed on Karak vault ${vault}`);
        return v;
      };
      const holdings: V2Holding[] = vaults
        .filter((v) => (shares.get(`${a}:${v.vault}`) ?? 0n) > 0n)
        .map((v) => {
          const s = shares.get(`${a}:${v.vault}`)!;
          const lev = leverage.get(v.vault);
          if (lev === undefined) throw new BadRpcResponseError(`getLeverage failed for Karak vault ${v.vault}`);
          if (unknownStake.has(v.operator)) throw new BadRpcResponseError(`fetchVaultsStakedInDSS failed for Karak operator ${v.operator}`);
          const pct = (dss: Address) => {
            const p = maxPct.get(dss);
            if (p === undefined) throw new BadRpcResponseError(`getDssMaxSlashablePercentageWad failed for DSS ${dss}`);
            return p;
          };
          const stakedTo = registrations
            .filter((r) => r.operator === v.operator && staked.get(`${r.operator}:${r.dss}`)?.has(v.vault))
            .map((r) => ({ dss: r.dss, maxSlashablePercentageWad: pct(r.dss) }));
          const pendingUpdates = pendingStakeUpdates
            .filter((u) => u.vault === v.vault)
            .map((u) => ({ dss: u.dss, toStake: u.toStake, startTimestamp: u.startTimestamp, maxSlashablePercentageWad: pct(u.dss) }));
          return { vault: v.vault, operator: v.operator, asset: assetOf(v.vault), shares: s, amount: amountOf(v.vault, s), leverage: lev, stakedTo, pendingUpdates };
        });
      const queued = (redeems.get(a) ?? []).map((w) => ({ ...w, asset: assetOf(w.vault), amount: amountOf(w.vault, w.shares) }));
      out.set(a, assembleV2(holdings, queued, now));
    } catch (error) {
      out.set(a, { error: (error as Error).message });
    }
  }
  return out;
}
