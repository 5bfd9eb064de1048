// All logs of one filter in [from, to], fetched with the alerts engine's adaptive chunks
// (lib/alerts/fetch-logs.ts): the first request asks for the whole range — a selective filter
// (a few contracts, a claimer topic) is usually served in one go — and a provider's range or
// result limit shrinks it to what the provider accepts. The learned chunk state is kept by the
// caller (ctx.cache) so the next refresh starts at a size known to work.
import type { Log, PublicClient } from 'viem';
import { onChunkSuccess, type ChunkState } from '../../alerts/chunk-size.js';
import type { LogFilter } from '../../alerts/detector.js';
import { fetchLogsChunk } from '../../alerts/fetch-logs.js';

/** Upper bound for one request; the provider's limit errors bring it down from there. */
export const MAX_LOG_RANGE = 1_000_000;

export const initialChunk = (): ChunkState => ({ size: MAX_LOG_RANGE, max: MAX_LOG_RANGE, ceiling: null, streak: 0 });

export function isChunkState(v: unknown): v is ChunkState {
  const c = v as ChunkState;
  return !!c && typeof c === 'object' && Number.isSafeInteger(c.size) && c.size >= 1 && Number.isSafeInteger(c.max) && c.max >= 1
    && (c.ceiling === null || Number.isSafeInteger(c.ceiling)) && Number.isSafeInteger(c.streak);
}

export async function fetchLogsRange(
  client: PublicClient,
  filter: LogFilter & { indexedTopics?: readonly (readonly `0x${string}`[] | null)[] },
  from: bigint,
  to: bigint,
  state: { chunk: ChunkState },
): Promise<Log[]> {
  const logs: Log[] = [];
  let next = Number(from);
  const head = Number(to);
  while (next <= head) {
    const got = await fetchLogsChunk(client, filter, next, head, state.chunk);
    logs.push(...got.logs);
    state.chunk = onChunkSuccess(got.chunk, got.toBlock - got.fromBlock + 1);
    next = got.toBlock + 1;
  }
  return logs;
}
