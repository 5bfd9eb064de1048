// Plain-language pieces of the rewards view, shared by the popup and the CLI so both say the same.
import { formatAmount, shortAddress } from '../portfolio/format.js';
import type { BaseYield, EigenLayerClaimable, KarakValueHistory, ReadError } from './types.js';

export const PPM = 1_000_000n;

/**
 * 31_200 ppm -> "3.12 %" (rounded toward zero, sign kept). Below 0.01 % all four decimals a ppm
 * can carry are shown (58 ppm -> "0.0058 %"), so a small non-zero yield never reads as 0.00 %.
 */
export function formatPpm(ppm: bigint): string {
  const negative = ppm < 0n;
  const abs = negative ? -ppm : ppm;
  const sign = negative ? '-' : '';
  if (abs > 0n && abs < 100n) return `${sign}0.${String(abs).padStart(4, '0')} %`;
  const bps = abs / 100n;
  return `${sign}${bps / 100n}.${String(bps % 100n).padStart(2, '0')} %`;
}

/** Base-yield estimate for one year on `amount` at an annualized rate (same units as amount). */
export function yearlyYield(amount: bigint, annualizedPpm: bigint): bigint {
  return (amount * annualizedPpm) / PPM;
}

export function isReadError(v: unknown): v is ReadError {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as ReadError).error === 'string';
}

/** Why there is no EigenLayer claimable figure (null when there is one). */
export function claimableNote(c: EigenLayerClaimable): string | null {
  switch (c.status) {
    case 'off':
      return 'Claimable EigenLayer rewards need the rewards API, which is off (it would reveal this address to that service).';
    case 'unavailable':
      return `Claimable rewards unknown: the rewards API did not answer (${c.reason}).`;
    case 'none':
      return `No claimable EigenLayer rewards: ${c.reason}.`;
    case 'rejected':
      return `Claim proof REFUSED${c.rootIndex === null ? '' : ` for root #${c.rootIndex}`}: ${c.reason}. Not shown as money.`;
    case 'verified':
      return null;
  }
}

/** "7 d" / "30 d" / "5 h" between two unix times. */
export function formatSpan(seconds: number): string {
  if (seconds >= 86_400) return `${Math.round(seconds / 86_400)} d`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}

/** "3.12 %/yr over 7 d" or why it is unknown. */
export function baseYieldText(y: BaseYield): string {
  const first = y.samples[0];
  const last = y.samples[y.samples.length - 1];
  if (y.annualizedPpm === null || !first || !last) return 'yield unknown (no earlier rate could be read)';
  return `${formatPpm(y.annualizedPpm)}/yr over ${formatSpan(last.timestamp - first.timestamp)}`;
}

/** Change of a Karak vault's value across the history: "40 → 32 rETH (-20.00 %)". */
export function karakChangeText(h: KarakValueHistory): string {
  const first = h.points[0];
  const last = h.points[h.points.length - 1];
  if (!first || !last) return 'no history';
  const change = first.assets === 0n ? null : ((last.assets - first.assets) * PPM) / first.assets;
  const d = h.asset.decimals;
  return `${formatAmount(first.assets, d)} → ${formatAmount(last.assets, d)} ${h.asset.symbol}${change === null ? '' : ` (${change >= 0n ? '+' : ''}${formatPpm(change)})`} over ${formatSpan(last.timestamp - first.timestamp)}`;
}

export function shortHash(h: string): string {
  return `${h.slice(0, 10)}…`;
}

export { shortAddress };
