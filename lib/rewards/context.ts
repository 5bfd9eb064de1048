// What every rewards reader receives. Same pinning rule as positions: every read of one rewards
// refresh is made at `blockNumber`, so the figures agree with the block shown beside them.
import type { Address, PublicClient } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import type { DiscoveryCache } from '../protocols/adapter.js';
import type { AddressSnapshot } from '../portfolio/types.js';

/** The opt-in EigenLayer rewards API (Sidecar public HTTP shape). Null = off (the default). */
export interface SidecarSettings {
  baseUrl: string;
  /** Injected for tests and the extension (host permissions); defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RewardsReadContext {
  client: PublicClient;
  deployments: Deployments;
  blockNumber: bigint;
  blockTimestamp: number;
  /** Multicall3 + JSON-RPC batching; false = one eth_call per read (benchmark baseline). */
  batch: boolean;
  /** Log cursors and discovered contracts, persisted between refreshes (JSON values only). */
  cache: DiscoveryCache;
  sidecar: SidecarSettings | null;
}

/** Positions already read at the same block: rewards readers take vaults, operators and exposures from here. */
export type PositionsByAddress = ReadonlyMap<Address, AddressSnapshot>;
