// Plain-language pieces shared by every detector's titles and sentences. Amounts become text here.
import type { Address } from 'viem';
import { formatAmount, shortAddress } from '../portfolio/format.js';
import type { AlertAsset } from './types.js';

export const amountText = (amount: bigint, a: AlertAsset) => `${formatAmount(amount, a.asset.decimals, 6)} ${a.asset.symbol}`;

/** "12.5 stETH (active stake) and 3 stETH (queued withdrawal)". */
export function listAmounts(assets: readonly AlertAsset[], field: 'amountLost' | 'amountAtRisk'): string {
  const parts = assets.map((a) => `${amountText(a[field] ?? 0n, a)}${assets.some((b) => b.source === 'withdrawal') ? ` (${a.source === 'withdrawal' ? 'queued withdrawal' : 'active stake'})` : ''}`);
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Totals per symbol for titles: "12.5 stETH, 3 rETH". */
export function totalsText(assets: readonly AlertAsset[], field: 'amountLost' | 'amountAtRisk'): string {
  const bySymbol = new Map<string, { amount: bigint; a: AlertAsset }>();
  for (const a of assets) {
    const key = `${a.asset.symbol}:${a.asset.address ?? 'native'}`;
    const cur = bySymbol.get(key);
    bySymbol.set(key, { amount: (cur?.amount ?? 0n) + (a[field] ?? 0n), a });
  }
  return [...bySymbol.values()].map((x) => amountText(x.amount, x.a)).join(', ') || 'nothing';
}

export const setText = (avs: Address, id: number) => `AVS ${shortAddress(avs)} (operator set ${id})`;
export const who = (a: Address) => shortAddress(a);
