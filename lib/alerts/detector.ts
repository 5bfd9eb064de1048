// One interface, many detectors: each protocol turns its own logs into alerts for the tracked
// addresses. The scanner merges every detector's filter into ONE eth_getLogs per chunk (address
// array + topic0 array) and hands each detector only the logs of its contracts.
import type { Address, Hex, Log, PublicClient } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import type { ProtocolId } from '../portfolio/types.js';
import type { Alert } from './types.js';

export interface LogFilter {
  addresses: Address[];
  /** topic0 values (event selectors). */
  topics: Hex[];
  /**
   * Every log with these topics, whoever emitted it (Symbiotic vaults/slashers/delegators are not in
   * the deployments). The detector must then check each emitter itself. The scanner drops the address
   * filter of the merged query when any detector sets this.
   */
  anyAddress?: boolean;
}

export interface DetectContext {
  client: PublicClient;
  chainId: number;
  deployments: Deployments;
  /** Tracked addresses (checksummed). */
  addresses: readonly Address[];
  /** Latest block when the scan started ("now" for canExitBefore). */
  head: bigint;
  /** Unix seconds of a block (cached across detectors). */
  blockTimestamp(blockNumber: bigint): Promise<number>;
}

/** An alert as a detector sees it: the scanner sets its status. */
export type DetectedAlert = Omit<Alert, 'status' | 'wasNotified'>;

export interface AlertDetector {
  protocol: ProtocolId;
  supports(deployments: Deployments): boolean;
  filter(deployments: Deployments): LogFilter;
  /**
   * Alerts for ctx.addresses from one chunk's logs (only logs matching filter(), in chain order).
   * Rejects when the chain cannot be read: the scanner then keeps its cursor (never a guessed alert).
   */
  detect(ctx: DetectContext, logs: readonly Log[]): Promise<DetectedAlert[]>;
}
