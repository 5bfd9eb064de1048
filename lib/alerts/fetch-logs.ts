// One eth_getLogs per chunk for every watched contract and event (address array + topic0 array),
// shrinking the range when the provider refuses it. viem's own retries are off for this call: a
// "range too large" answer must shrink the range, not be repeated three times.
import { formatLog, numberToHex, type Address, type Hex, type Log, type PublicClient } from 'viem';
import { classifyLogsError, onChunkFailure, type ChunkState } from './chunk-size.js';
import type { LogFilter } from './detector.js';

export interface FetchedChunk {
  logs: Log[];
  fromBlock: number;
  toBlock: number;
  chunk: ChunkState;
}

/**
 * Fetches [from, min(from + size - 1, head)], halving on limit errors until one range succeeds.
 * `indexedTopics` (topic1..3, null = any) narrows by indexed arguments, e.g. a claimer in topic3.
 */
export async function fetchLogsChunk(
  client: PublicClient,
  filter: LogFilter & { indexedTopics?: readonly (readonly Hex[] | null)[] },
  from: number,
  head: number,
  chunk: ChunkState,
): Promise<FetchedChunk> {
  let c = chunk;
  for (;;) {
    const to = Math.min(head, from + c.size - 1);
    try {
      const raw = await client.request(
        {
          method: 'eth_getLogs',
          params: [{ fromBlock: numberToHex(from), toBlock: numberToHex(to), ...(filter.anyAddress ? {} : { address: filter.addresses as Address[] }), topics: [filter.topics as Hex[], ...((filter.indexedTopics ?? []) as Hex[][])] }],
        },
        { retryCount: 0, dedupe: false },
      );
      return { logs: (raw as unknown[]).map((l) => formatLog(l as never) as Log), fromBlock: from, toBlock: to, chunk: c };
    } catch (error) {
      const cls = classifyLogsError(error);
      const used = to - from + 1;
      if (!cls || used <= 1) throw error;
      c = onChunkFailure(c, used, cls.kind, cls.hint);
    }
  }
}

/** Merges detector filters into one (addresses and topics deduplicated, lowercase-insensitive). */
export function mergeFilters(filters: readonly LogFilter[]): LogFilter {
  const addresses = new Map<string, Address>();
  const topics = new Map<string, Hex>();
  for (const f of filters) {
    for (const a of f.addresses) addresses.set(a.toLowerCase(), a);
    for (const t of f.topics) topics.set(t.toLowerCase(), t);
  }
  const merged: LogFilter = { addresses: [...addresses.values()], topics: [...topics.values()] };
  if (filters.some((f) => f.anyAddress)) merged.anyAddress = true;
  return merged;
}
