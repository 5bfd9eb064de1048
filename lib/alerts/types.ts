// The alert model shared by the scanner, the CLI and the extension inbox. One alert = one chain
// event (transaction + log index) as it affects ONE tracked address; amounts are bigint base units
// derived from that address's own position (never from the operator's totals).
import type { Address, Hex } from 'viem';
import type { Asset, ProtocolId } from '../portfolio/types.js';

export type AlertKind =
  // EigenLayer (implemented)
  | 'slash'
  | 'beacon-slash'
  | 'allocation-raised'
  | 'new-operator-set'
  | 'slasher-scheduled'
  | 'redistribution-set'
  | 'force-undelegated'
  // Symbiotic / Karak detectors (reserved so their adapters plug into the same model)
  | 'slash-requested'
  | 'slash-vetoed'
  | 'slash-cancelled'
  | 'limit-raised'
  | 'service-added'
  // Rewards (lib/rewards/claimable-alerts.ts): a newly active distribution root covers the address.
  | 'rewards-claimable';

export type Severity = 'critical' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];
/** Higher = more severe; thresholds compare ranks. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** unconfirmed: seen above the finalized block; confirmed: at or below it; retracted: a reorg removed the log. */
export type AlertStatus = 'unconfirmed' | 'confirmed' | 'retracted';

/** What the event does to one asset of the address. */
export interface AlertAsset {
  asset: Asset;
  /** EigenLayer strategy (or the beacon-chain sentinel); Symbiotic/Karak: the vault. */
  strategy?: Address;
  /** Stake the address held (active) or had queued (withdrawal) in this asset. */
  source: 'position' | 'withdrawal' | 'rewards';
  /** Underlying the address lost (slashes), base units. */
  amountLost?: bigint;
  /** Underlying the event makes (or keeps) slashable, base units. */
  amountAtRisk?: bigint;
  /** Rewards the address can now claim (verified proof minus cumulativeClaimed), base units. */
  amountClaimable?: bigint;
  /** EigenLayer shares lost, for cross-checking against the chain. */
  sharesLost?: bigint;
}

export interface Alert {
  /** `${chainId}:${txHash}:${logIndex}:${address lowercase}`: one event can hit several tracked addresses. */
  id: string;
  /** `${chainId}:${txHash}:${logIndex}`: the chain event; notifications group by it. */
  eventId: string;
  chainId: number;
  protocol: ProtocolId;
  kind: AlertKind;
  severity: Severity;
  /** The tracked address affected. */
  address: Address;
  operator: Address | null;
  /** EigenLayer: AVS; Symbiotic: network; Karak: DSS. */
  service: Address | null;
  /** EigenLayer operator-set id; Symbiotic subnetwork identifier. */
  setId: number | null;
  assets: AlertAsset[];
  blockNumber: bigint;
  blockHash: Hex;
  txHash: Hex;
  logIndex: number;
  /** Unix seconds of the block. */
  timestamp: number;
  status: AlertStatus;
  /** Set by the inbox when the alert was notified before a reorg retracted it. */
  wasNotified?: boolean;
  /** Scheduled changes (allocation increases, slasher updates): the block from which it applies. */
  effectBlock?: bigint;
  /** Allocation increases: a withdrawal queued when the alert was raised completes before effectBlock. */
  canExitBefore?: boolean;
  /** Pending slashes with a veto window (Symbiotic/Karak): unix seconds. */
  vetoDeadline?: number;
  /** Scheduled changes timed in seconds (Karak stake updates): unix seconds from which it applies. */
  effectTime?: number;
  slasher?: Address;
  redistributionRecipient?: Address;
  title: string;
  sentence: string;
}

export const eventIdOf = (chainId: number, txHash: Hex, logIndex: number) => `${chainId}:${txHash.toLowerCase()}:${logIndex}`;
export const alertIdOf = (eventId: string, address: Address) => `${eventId}:${address.toLowerCase()}`;
