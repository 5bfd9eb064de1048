// One refresh: pin a block, run every adapter that the chain supports, and assemble the snapshot.
// A failing protocol is recorded per address as a failure (never as zero); a chain whose RPCs all
// fail rejects with RpcUnavailableError so callers keep the previous snapshot and mark it stale.
import type { Address } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import type { Snapshot } from './types.js';

export interface RefreshConfig {
  chainId: number;
  /** Tried in order (fallback); at least one. */
  rpcUrls: string[];
  deployments: Deployments;
}

export interface ReadSnapshotOptions {
  /** Injected for tests and the benchmark (counts requests). Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Batch reads (Multicall3 + JSON-RPC batching). false = naive one eth_call per read (benchmark baseline). */
  batch?: boolean;
}

export async function readSnapshot(_config: RefreshConfig, _addresses: readonly Address[], _options: ReadSnapshotOptions = {}): Promise<Snapshot> {
  throw new Error('readSnapshot: not implemented yet');
}
