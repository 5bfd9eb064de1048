// Short, plain renderings for rule sentences (addresses, durations, percentages).
import type { Address } from 'viem';

export const short = (a: Address | string): string => (a.length === 42 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a);

export function duration(value: number, unit: 'blocks' | 'seconds'): string {
  if (unit === 'blocks') return `${value} block${value === 1 ? '' : 's'}`;
  if (value < 120) return `${value} s`;
  if (value < 7200) return `${Math.round(value / 60)} min`;
  if (value < 172_800) return `${Math.round(value / 3600)} h`;
  return `${Math.round((value / 86_400) * 10) / 10} days`;
}

export const percentBps = (bps: number): string => `${Math.round(bps) / 100} %`;

/** "a, b and 3 more" — sentences stay short however many services there are. */
export function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
