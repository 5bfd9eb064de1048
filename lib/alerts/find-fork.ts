// Reorg detection from the persisted recent block hashes. Hashes chain blocks together, so when the
// newest recorded block still has its hash nothing below it changed: the normal case costs one
// header. Otherwise every recorded header is re-read (one batched round) to find the fork point.
import type { Hex, PublicClient } from 'viem';

export interface RecentBlock {
  number: number;
  hash: Hex;
}

async function hashAt(client: PublicClient, n: number): Promise<Hex | null> {
  try {
    return (await client.getBlock({ blockNumber: BigInt(n) })).hash;
  } catch (error) {
    // A block that no longer exists (the chain got shorter) is "changed"; anything else is an RPC failure.
    if ((error as { name?: string }).name === 'BlockNotFoundError') return null;
    throw error;
  }
}

/**
 * First block number that must be rescanned, or null when nothing changed. When even the oldest
 * recorded block changed (a reorg deeper than the window), the rescan starts at that oldest block.
 * `tipHash` is the already-fetched current hash of the newest recorded block, if the caller has it.
 */
export async function findForkPoint(client: PublicClient, recent: readonly RecentBlock[], tipHash?: Hex | null): Promise<number | null> {
  const tip = recent.at(-1);
  if (!tip) return null;
  const current = tipHash === undefined ? await hashAt(client, tip.number) : tipHash;
  if (current === tip.hash) return null;
  const hashes = await Promise.all(recent.map((b) => hashAt(client, b.number)));
  for (let i = recent.length - 1; i >= 0; i--) if (hashes[i] === recent[i]!.hash) return recent[i]!.number + 1;
  return recent[0]!.number;
}
