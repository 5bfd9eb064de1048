// Which earlier blocks to read rates and vault values at. Look-backs are by time (1, 7 and 30 days),
// turned into blocks with the chain's average block time. A chain younger than the longest look-back
// (a devnet, a new L2) is also sampled at fixed fractions of its height, so a history still shows
// its shape instead of collapsing onto block 1.
export const LOOKBACK_SECONDS = [30 * 86_400, 7 * 86_400, 86_400] as const;
/** Eighths of the chain's height, used only when the chain is younger than the longest look-back. */
const YOUNG_CHAIN_EIGHTHS = [1n, 2n, 3n, 4n, 5n, 6n, 7n] as const;

export interface BlockTime {
  /** Average seconds per block as a fraction: seconds / blocks over a measured span. */
  seconds: bigint;
  blocks: bigint;
}

/** Sample blocks strictly before `head`, oldest first, each >= 1, without duplicates. */
export function planSampleBlocks(head: bigint, blockTime: BlockTime | null): bigint[] {
  if (head <= 1n) return [];
  const out = new Set<bigint>();
  let young = blockTime === null;
  if (blockTime && blockTime.seconds > 0n && blockTime.blocks > 0n) {
    for (const s of LOOKBACK_SECONDS) {
      const back = (BigInt(s) * blockTime.blocks) / blockTime.seconds;
      const b = head - (back > 0n ? back : 1n);
      if (b < 1n) young = true;
      out.add(b < 1n ? 1n : b);
    }
  } else {
    young = true;
  }
  if (young) for (const e of YOUNG_CHAIN_EIGHTHS) out.add((head * e) / 8n > 0n ? (head * e) / 8n : 1n);
  return [...out].filter((b) => b < head).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
