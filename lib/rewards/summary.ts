// Per-address rewards summary shared by the popup, the CLI and the CSV export: base yield per held
// LST beside restaking rewards (claimable, claimed), each with its ETH/USD value when a price path
// exists. Values are bigint with 18 decimals (ETH, USD); null = unknown, never 0.
import type { Address } from 'viem';
import type { Asset, Snapshot } from '../portfolio/types.js';
import { isReadError, yearlyYield } from './describe.js';
import type { BaseYield, RewardsSnapshot } from './types.js';

export interface Valued {
  eth: bigint | null;
  usd: bigint | null;
}

export type ValueOf = (amount: bigint, asset: Asset) => Valued;

export interface BaseYieldLine {
  asset: Asset;
  /** Held across protocols (positions + queued withdrawals), base units. */
  amount: bigint;
  yield: BaseYield | null;
  /** Estimated yearly base yield in the asset's units; null when the rate is unknown. */
  perYear: bigint | null;
  perYearValue: Valued;
}

export interface RewardLine {
  protocol: 'eigenlayer' | 'symbiotic';
  token: Asset;
  amount: bigint;
  value: Valued;
  /** Symbiotic: the paying network; EigenLayer: the root index. */
  source: string;
}

export interface AddressRewardsSummary {
  address: Address;
  base: BaseYieldLine[];
  claimable: RewardLine[];
  claimed: RewardLine[];
  /** Sums of the known values only; `complete` false when any line had no price path or failed. */
  totals: { claimableEth: bigint; claimableUsd: bigint; baseYearEth: bigint; complete: boolean };
}

const sameAsset = (a: Asset, b: Asset) => (a.address ?? '').toLowerCase() === (b.address ?? '').toLowerCase();

export function summarizeRewards(positions: Snapshot, rewards: RewardsSnapshot, valueOf: ValueOf): AddressRewardsSummary[] {
  const yields = rewards.baseYield.filter((y): y is BaseYield => !isReadError(y));
  return rewards.addresses.map((r) => {
    const held = new Map<string, { asset: Asset; amount: bigint }>();
    const p = positions.addresses.find((a) => a.address === r.address);
    for (const x of [...(p?.positions ?? []), ...(p?.withdrawals ?? [])]) {
      if (!x.asset.address) continue;
      const key = x.asset.address.toLowerCase();
      const prev = held.get(key);
      held.set(key, { asset: x.asset, amount: (prev?.amount ?? 0n) + x.amount });
    }
    let complete = !isReadError(rewards.prices);
    const base: BaseYieldLine[] = [...held.values()].map(({ asset, amount }) => {
      const y = yields.find((v) => sameAsset(v.token, asset)) ?? null;
      const perYear = y?.annualizedPpm == null ? null : yearlyYield(amount, y.annualizedPpm);
      if (perYear === null) complete = false;
      return { asset, amount, yield: y, perYear, perYearValue: perYear === null ? { eth: null, usd: null } : valueOf(perYear, asset) };
    });
    const claimable: RewardLine[] = [];
    const claimed: RewardLine[] = [];
    const el = r.eigenlayer;
    if (el && !isReadError(el)) {
      if (el.claimable.status === 'verified') {
        for (const t of el.claimable.tokens.filter((x) => x.claimable > 0n)) claimable.push({ protocol: 'eigenlayer', token: t.token, amount: t.claimable, value: valueOf(t.claimable, t.token), source: `root #${el.claimable.rootIndex}` });
      } else if (el.claimable.status !== 'none') complete = false;
      for (const c of el.claimed) claimed.push({ protocol: 'eigenlayer', token: c.token, amount: c.cumulativeClaimed, value: valueOf(c.cumulativeClaimed, c.token), source: 'RewardsCoordinator' });
    } else if (el) complete = false;
    if (r.symbiotic && !isReadError(r.symbiotic)) {
      for (const v of r.symbiotic) {
        for (const c of v.claimable) claimable.push({ protocol: 'symbiotic', token: c.token, amount: c.amount, value: valueOf(c.amount, c.token), source: c.network });
        for (const h of v.history) claimed.push({ protocol: 'symbiotic', token: h.token, amount: h.amount, value: valueOf(h.amount, h.token), source: h.network ?? v.vault });
      }
    } else if (r.symbiotic) complete = false;
    const sum = (lines: { eth: bigint | null }[]) => lines.reduce((s, l) => (l.eth === null ? ((complete = false), s) : s + l.eth), 0n);
    const claimableEth = sum(claimable.map((l) => l.value));
    const claimableUsd = claimable.reduce((s, l) => (l.value.usd === null ? ((complete = false), s) : s + l.value.usd), 0n);
    const baseYearEth = sum(base.map((l) => l.perYearValue));
    return { address: r.address, base, claimable, claimed, totals: { claimableEth, claimableUsd, baseYearEth, complete } };
  });
}
