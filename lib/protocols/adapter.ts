// One interface, many adapters: each restaking protocol implements this contract, and the
// snapshot reader runs every enabled adapter. Adding a protocol = one folder + one registry line.
import type { Address, PublicClient } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import type { Exposure, Position, ProtocolId, Withdrawal } from '../portfolio/types.js';

export interface ReadContext {
  client: PublicClient;
  deployments: Deployments;
  /** Every read of one refresh is pinned to this block so figures agree with the block shown. */
  blockNumber: bigint;
  /** Multicall3 + JSON-RPC batching; false = one eth_call per read (benchmark baseline). */
  batch: boolean;
  /**
   * Survives refreshes (the background persists it; the CLI keeps it for one run): discovery state
   * such as vault lists with their log cursor, so a refresh does not re-enumerate thousands of
   * vaults. Values must be JSON-serializable (bigints as strings). Keys are namespaced by protocol.
   */
  cache: DiscoveryCache;
}

export interface DiscoveryCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A cache that lives as long as the object (CLI, tests). */
export function memoryCache(initial: Record<string, unknown> = {}): DiscoveryCache & { entries(): Record<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    entries: () => Object.fromEntries(data),
  };
}

/** A read that failed for one address: shown as a failing protocol, never as zero. */
export interface AddressReadFailure {
  error: string;
}

export interface AddressReading {
  positions: Position[];
  withdrawals: Withdrawal[];
  exposures: Exposure[];
}

export interface ProtocolAdapter {
  id: ProtocolId;
  /** Whether the chain's deployments include this protocol. */
  supports(deployments: Deployments): boolean;
  /**
   * Reads every address at `ctx.blockNumber`. Rejects when the protocol cannot be read at all
   * (the snapshot then marks this protocol as failing for every address, never zero).
   */
  read(ctx: ReadContext, addresses: readonly Address[]): Promise<Map<Address, AddressReading | AddressReadFailure>>;
}
