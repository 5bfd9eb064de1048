// Incremental log scans for Symbiotic discovery: each scanned item (a delegator, a vault, an address)
// keeps its own cursor in the discovery cache, items sharing a cursor are fetched with one
// eth_getLogs, and a range the RPC refuses (many cap the block span or result count) is split in
// halves a bounded number of times. Cursors stay REORG_MARGIN blocks behind the read block so a
// shallow reorg is rescanned; results are merged as sets, so rescans are harmless.
import type { AbiEvent, Address, Log, PublicClient } from 'viem';
import type { DiscoveryCache } from '../adapter.js';

export const REORG_MARGIN = 64n;
const MAX_SPLIT_DEPTH = 6; // at most 64 sub-ranges per scan

interface CursorEntry<T> {
  values: T[];
  cursorBlock: string;
}

export function readCursorEntry<T>(cache: DiscoveryCache, key: string): CursorEntry<T> | undefined {
  const v = cache.get(key) as CursorEntry<T> | undefined;
  if (!v || typeof v !== 'object' || !Array.isArray(v.values) || typeof v.cursorBlock !== 'string' || !/^\d+$/.test(v.cursorBlock)) return undefined;
  return v;
}

export async function getLogsSplitting(
  client: PublicClient,
  params: { address?: Address | Address[]; event: AbiEvent; args?: Record<string, unknown> },
  fromBlock: bigint,
  toBlock: bigint,
  depth = 0,
): Promise<Log[]> {
  if (fromBlock > toBlock) return [];
  try {
    return (await client.getLogs({ ...params, fromBlock, toBlock, strict: true } as never)) as Log[];
  } catch (error) {
    if (depth >= MAX_SPLIT_DEPTH || fromBlock === toBlock) throw error;
    const mid = (fromBlock + toBlock) / 2n;
    const [a, b] = await Promise.all([
      getLogsSplitting(client, params, fromBlock, mid, depth + 1),
      getLogsSplitting(client, params, mid + 1n, toBlock, depth + 1),
    ]);
    return [...a, ...b];
  }
}

/**
 * Brings every item's cached value list up to `toBlock`. `fetch(items, from, to)` returns, per item
 * key, the values found in that range. Items without a cache entry start at `startBlock`.
 * Returns the merged values per key; throws if a fetch fails (cursors of that group stay put).
 */
export async function scanIncrementally<T>(
  cache: DiscoveryCache,
  keys: readonly string[],
  startBlock: bigint,
  toBlock: bigint,
  identity: (value: T) => string,
  fetch: (keys: string[], fromBlock: bigint, toBlock: bigint) => Promise<Map<string, T[]>>,
): Promise<Map<string, T[]>> {
  const groups = new Map<bigint, string[]>();
  const current = new Map<string, T[]>();
  for (const key of keys) {
    const entry = readCursorEntry<T>(cache, key);
    // A cursor past the read block belongs to another fork or a newer read: start over.
    const usable = entry && BigInt(entry.cursorBlock) <= toBlock ? entry : undefined;
    current.set(key, usable ? [...usable.values] : []);
    const from = usable ? BigInt(usable.cursorBlock) + 1n : startBlock;
    groups.set(from, [...(groups.get(from) ?? []), key]);
  }
  const nextCursor = toBlock > REORG_MARGIN ? toBlock - REORG_MARGIN : 0n;
  await Promise.all(
    [...groups].map(async ([from, group]) => {
      const found = from <= toBlock ? await fetch(group, from, toBlock) : new Map<string, T[]>();
      for (const key of group) {
        const merged = new Map((current.get(key) ?? []).map((v) => [identity(v), v]));
        for (const v of found.get(key) ?? []) merged.set(identity(v), v);
        const values = [...merged.values()];
        current.set(key, values);
        const cursor = nextCursor < from ? (from > 0n ? from - 1n : 0n) : nextCursor;
        cache.set(key, { values, cursorBlock: cursor.toString() } satisfies CursorEntry<T>);
      }
    }),
  );
  return current;
}
