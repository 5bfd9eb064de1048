// Local value history per chain and address, for the popup's small chart: one point per refresh,
// bounded in count (oldest dropped) and in density (points closer than `spacingSeconds` of chain
// time replace the previous one), so storage stays small however often the alarm fires.
// Values are decimal strings of 18-decimal ETH (bigint in JSON); null = unknown, never 0.
import type { Address } from 'viem';

export interface HistoryPoint {
  block: string;
  /** Unix seconds of the block. */
  t: number;
  /** Value of the address's positions in ETH (18 decimals). */
  valueEth: string | null;
  /** Claimable restaking rewards in ETH (18 decimals). */
  claimableEth: string | null;
}

/** Keyed by decimal chain id, then checksummed address. */
export type History = Record<string, Record<string, HistoryPoint[]>>;

export const MAX_HISTORY_POINTS = 240;

export function appendHistory(
  history: History,
  chainId: number,
  points: ReadonlyMap<Address, Omit<HistoryPoint, 'block' | 't'>>,
  at: { block: bigint; t: number },
  opts: { spacingSeconds: number; maxPoints?: number; tracked: readonly Address[] },
): History {
  const max = opts.maxPoints ?? MAX_HISTORY_POINTS;
  const chain: Record<string, HistoryPoint[]> = {};
  const previous = history[String(chainId)] ?? {};
  // Addresses no longer tracked lose their history: nothing about them is kept.
  for (const address of opts.tracked) {
    const series = [...(previous[address] ?? [])];
    const p = points.get(address);
    if (p) {
      const point: HistoryPoint = { block: at.block.toString(), t: at.t, ...p };
      const last = series[series.length - 1];
      if (last && BigInt(last.block) >= at.block) {
        // Same or older block (a refresh against a lagging RPC): keep the series monotonic.
        if (last.block === point.block) series[series.length - 1] = point;
      } else if (last && series.length > 1 && at.t - series[series.length - 2]!.t < opts.spacingSeconds) series[series.length - 1] = point;
      else series.push(point);
    }
    if (series.length) chain[address] = series.slice(-max);
  }
  return { ...history, [String(chainId)]: chain };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAmount = (v: unknown) => v === null || (typeof v === 'string' && /^-?\d{1,80}$/.test(v));

/** Storage is untrusted: malformed points are dropped, the rest kept. */
export function decodeHistory(raw: unknown): History {
  if (!isObject(raw)) return {};
  const out: History = {};
  for (const [chainId, chain] of Object.entries(raw)) {
    if (!/^[1-9]\d*$/.test(chainId) || !isObject(chain)) continue;
    out[chainId] = {};
    for (const [address, series] of Object.entries(chain)) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(address) || !Array.isArray(series)) continue;
      out[chainId]![address] = series
        .filter((p): p is HistoryPoint => isObject(p) && typeof p.block === 'string' && /^\d{1,30}$/.test(p.block) && typeof p.t === 'number' && Number.isFinite(p.t) && isAmount(p.valueEth) && isAmount(p.claimableEth))
        .slice(-MAX_HISTORY_POINTS);
    }
  }
  return out;
}
