// Formatting at the edge: bigint amounts become text only here, never earlier.
import { formatUnits, type Address } from 'viem';

/** 1234567.891 ETH-style text with at most `maxFraction` fraction digits, rounded toward zero. */
export function formatAmount(amount: bigint, decimals: number, maxFraction = 6): string {
  const negative = amount < 0n;
  const text = formatUnits(negative ? -amount : amount, decimals);
  const [whole = '0', fraction = ''] = text.split('.');
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = cut ? `${grouped}.${cut}` : grouped;
  // A non-zero amount that rounds to nothing must not read as zero.
  if (body === '0' && amount !== 0n) return `${negative ? '>-' : '<'}0.${'0'.repeat(Math.max(0, maxFraction - 1))}1`;
  return negative ? `-${body}` : body;
}

/** WAD fraction (1e18 = 100 %) as a percentage with 2 decimals. */
export function formatWadPercent(wad: bigint): string {
  const bps = (wad * 10_000n) / 10n ** 18n;
  return `${(Number(bps) / 100).toFixed(2)} %`;
}

export function shortAddress(address: Address): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** "40 s ago", "3 min ago", "2 h ago", "5 d ago". */
export function formatAge(fromMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** Rough duration for a number of blocks at the chain's block time (12 s on Ethereum). */
export function formatBlocksEta(blocks: bigint, secondsPerBlock = 12): string {
  if (blocks <= 0n) return 'now';
  const s = Number(blocks) * secondsPerBlock;
  if (s < 3600) return `~${Math.max(1, Math.round(s / 60))} min`;
  if (s < 86_400) return `~${Math.round(s / 3600)} h`;
  return `~${Math.round(s / 86_400)} d`;
}
