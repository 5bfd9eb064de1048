// The normalized model every surface renders (popup, CLI, JSON snapshot). Amounts are bigint in
// the token's base units end to end; formatting happens only at the edge (lib/portfolio/format.ts).
import type { Address, Hex } from 'viem';

export type ProtocolId = 'eigenlayer' | 'symbiotic' | 'karak';

/** An asset as the chain names it. `address` is null for native ETH (beacon-chain restaking). */
export interface Asset {
  address: Address | null;
  symbol: string;
  decimals: number;
}

/** Stake an address holds in one protocol, per operator and asset. */
export interface Position {
  protocol: ProtocolId;
  /** Operator the stake is delegated to; null when undelegated (then no AVS can slash it). */
  operator: Address | null;
  asset: Asset;
  /** Underlying amount the staker could withdraw now, after every slash (base units). */
  amount: bigint;
  /** EigenLayer: the strategy (or the beacon-chain sentinel) holding the shares. */
  strategy?: Address;
  depositShares?: bigint;
  withdrawableShares?: bigint;
}

/** A withdrawal that was started but not completed. */
export interface Withdrawal {
  protocol: ProtocolId;
  /** Protocol identity of the withdrawal (EigenLayer: the withdrawal root). */
  id: Hex;
  operator: Address | null;
  asset: Asset;
  strategy?: Address;
  /** Amount the staker receives on completion given the slashes so far (base units). */
  amount: bigint;
  startBlock: bigint;
  /** First block at which it can be completed. */
  completableAtBlock: bigint;
  completable: boolean;
  /** Still within the window in which slashes of `operator` reduce it. */
  slashable: boolean;
}

/** A service that can slash part of the address's stake. */
export interface Exposure {
  protocol: ProtocolId;
  operator: Address;
  /** EigenLayer: the AVS address. */
  service: Address;
  /** EigenLayer: operator-set id. */
  serviceSetId: number;
  asset: Asset;
  strategy?: Address;
  /** Part of the address's stake the service can slash now (base units). */
  slashableAmount: bigint;
  slashableShares: bigint;
  currentMagnitude: bigint;
  maxMagnitude: bigint;
  /** Scheduled allocation change (negative = deallocation); null when none. */
  pending: { diff: bigint; effectBlock: bigint } | null;
  /** Slashed funds go to a recipient instead of being burned. */
  redistributes: boolean;
  slasher: Address | null;
}

export interface ProtocolFailure {
  protocol: ProtocolId;
  message: string;
}

export interface AddressSnapshot {
  address: Address;
  positions: Position[];
  withdrawals: Withdrawal[];
  exposures: Exposure[];
  /** Protocols whose reads failed for this address: shown as failing, never as zero. */
  failures: ProtocolFailure[];
}

/** Everything read for a set of addresses on one chain at one block. */
export interface Snapshot {
  schemaVersion: 1;
  chainId: number;
  blockNumber: bigint;
  /** Unix seconds of `blockNumber`. */
  blockTimestamp: number;
  /** Unix milliseconds when the read finished. */
  fetchedAt: number;
  addresses: AddressSnapshot[];
}
