// One refresh: pin a block, run every adapter that the chain supports, and assemble the snapshot.
// A failing protocol is recorded per address as a failure (never as zero); a chain whose RPCs all
// fail rejects with RpcUnavailableError so callers keep the previous snapshot and mark it stale.
import { getAddress, type Address } from 'viem';
import { createChainClient } from '../chains/client.js';
import type { Deployments } from '../chains/deployments.js';
import { isTransportError } from '../chains/read-calls.js';
import { BadRpcResponseError, RestakeError, RpcUnavailableError } from '../errors/errors.js';
import { memoryCache, type DiscoveryCache, type ProtocolAdapter } from '../protocols/adapter.js';
import { ADAPTERS } from '../protocols/registry.js';
import type { AddressSnapshot, Snapshot } from './types.js';

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
  timeoutMs?: number;
  retryCount?: number;
  adapters?: readonly ProtocolAdapter[];
  /** Discovery state kept between refreshes (vault lists, log cursors); in memory by default. */
  cache?: DiscoveryCache;
}

export async function readSnapshot(config: RefreshConfig, addresses: readonly Address[], options: ReadSnapshotOptions = {}): Promise<Snapshot> {
  const batch = options.batch ?? true;
  const client = createChainClient({ ...config, batch, fetch: options.fetch, timeoutMs: options.timeoutMs, retryCount: options.retryCount });
  const tracked = addresses.map((a) => getAddress(a));
  const where = config.rpcUrls.join(', ');

  let blockNumber: bigint;
  let blockTimestamp: number;
  try {
    const [block, chainId] = await Promise.all([client.getBlock({ blockTag: 'latest' }), client.getChainId()]);
    if (chainId !== config.chainId) {
      throw new BadRpcResponseError(`RPC ${where} serves chain ${chainId}, expected ${config.chainId}; fix the RPC URL for this chain`);
    }
    if (block.number === null) throw new BadRpcResponseError(`RPC ${where} returned a pending block for "latest"`);
    blockNumber = block.number;
    blockTimestamp = Number(block.timestamp);
  } catch (error) {
    if (error instanceof RestakeError) throw error;
    throw new RpcUnavailableError(`Could not reach the RPC (${where}): ${firstLine(error)}`, { urls: config.rpcUrls }, { cause: error });
  }

  const snapshots = new Map<Address, AddressSnapshot>(tracked.map((a) => [a, { address: a, positions: [], withdrawals: [], exposures: [], failures: [] }]));
  const ctx = { client, deployments: config.deployments, blockNumber, batch, cache: options.cache ?? memoryCache() };
  for (const adapter of options.adapters ?? ADAPTERS) {
    if (!adapter.supports(config.deployments)) continue;
    let readings;
    try {
      readings = await adapter.read(ctx, tracked);
    } catch (error) {
      if (isTransportError(error)) {
        throw new RpcUnavailableError(`RPC failed during the ${adapter.id} read (${where}): ${firstLine(error)}`, { urls: config.rpcUrls }, { cause: error });
      }
      for (const s of snapshots.values()) s.failures.push({ protocol: adapter.id, message: firstLine(error) });
      continue;
    }
    for (const [address, reading] of readings) {
      const s = snapshots.get(address)!;
      if ('error' in reading) s.failures.push({ protocol: adapter.id, message: reading.error });
      else {
        s.positions.push(...reading.positions);
        s.withdrawals.push(...reading.withdrawals);
        s.exposures.push(...reading.exposures);
      }
    }
  }
  return { schemaVersion: 1, chainId: config.chainId, blockNumber, blockTimestamp, fetchedAt: Date.now(), addresses: [...snapshots.values()] };
}

function firstLine(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e.shortMessage ?? e.message ?? String(error)).split('\n')[0]!;
}
