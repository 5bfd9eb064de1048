// Runs one round of contract reads at a pinned block. Batched: Multicall3 `aggregate3` in chunks,
// all chunks in one JSON-RPC batch (so HTTP requests per round stay constant as calls grow).
// Naive: one eth_call per read (the benchmark's baseline). Per-call failures are values, so one
// reverting read fails one address, not the refresh.
import type { Abi, Address, ContractFunctionParameters, PublicClient } from 'viem';

export type Call = ContractFunctionParameters<Abi, 'view' | 'pure', string>;
export type CallResult = { status: 'success'; result: unknown } | { status: 'failure'; error: Error };

export interface ReadCallsOptions {
  blockNumber: bigint;
  batch: boolean;
  /** Calls per Multicall3 chunk; keeps each eth_call well under node gas and size limits. */
  chunkSize?: number;
}

export async function readCalls(client: PublicClient, calls: readonly Call[], options: ReadCallsOptions): Promise<CallResult[]> {
  if (calls.length === 0) return [];
  const { blockNumber, batch, chunkSize = 300 } = options;
  if (!batch) {
    return Promise.all(
      calls.map(async (call): Promise<CallResult> => {
        try {
          return { status: 'success', result: await client.readContract({ ...call, blockNumber } as never) };
        } catch (error) {
          if (isTransportError(error)) throw error;
          return { status: 'failure', error: error as Error };
        }
      }),
    );
  }
  const chunks: Call[][] = [];
  for (let i = 0; i < calls.length; i += chunkSize) chunks.push(calls.slice(i, i + chunkSize));
  const results = (await Promise.all(
    chunks.map((contracts) =>
      client.multicall({ contracts: contracts as never, allowFailure: true, blockNumber, batchSize: 0 }),
    ),
  )) as { status: 'success' | 'failure'; result?: unknown; error?: unknown }[][];
  return results.flat().map((r): CallResult =>
    r.status === 'success' ? { status: 'success', result: r.result } : { status: 'failure', error: r.error as Error },
  );
}

/** Errors that mean "the RPC could not be reached", as opposed to "this call reverted". */
export function isTransportError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 8; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'HttpRequestError' || name === 'TimeoutError' || name === 'WebSocketRequestError' || name === 'RpcUnavailableError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const unique = <T extends string>(items: Iterable<T>): T[] => [...new Set(items)];
export type { Address };
