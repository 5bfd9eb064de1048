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
  symbiotic?: SymbioticPositionDetails;
  karak?: KarakPositionDetails;
}

/** Symbiotic vault position (reference §2.4). */
export interface SymbioticPositionDetails {
  vault: Address;
  /** VaultFactory version: 1 = Vault, 2 = VaultTokenized. */
  vaultVersion: number;
  activeShares: bigint;
  /** `slashableBalanceOf`: active balance plus withdrawals still inside their slashable epoch. */
  slashableBalance: bigint;
  epochDuration: number;
  currentEpoch: number;
  /** Unix seconds when the current epoch started. */
  currentEpochStart: number;
}

/** Karak vault position (reference §3.3). */
export interface KarakPositionDetails {
  version: 1 | 2;
  vault: Address;
  shares: bigint;
  /** DSSs the vault is staked to (V2); each can slash up to its max percentage. */
  dssCount: number;
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
  /** Block-based delays (EigenLayer): start block and first block at which it can be completed. */
  startBlock?: bigint;
  completableAtBlock?: bigint;
  /** Time-based delays (Symbiotic epochs, Karak): unix seconds from which it can be claimed/finished. */
  completableAt?: number;
  completable: boolean;
  /** Still within the window in which slashes of `operator` reduce it. */
  slashable: boolean;
  symbiotic?: { vault: Address; epoch: number; claimed: boolean };
  karak?: { vault: Address; version: 1 | 2 };
}

/** A service that can slash part of the address's stake. */
export interface Exposure {
  protocol: ProtocolId;
  operator: Address;
  /** EigenLayer: the AVS address; Symbiotic: the network; Karak: the DSS. */
  service: Address;
  /** EigenLayer: operator-set id; Symbiotic: subnetwork identifier; Karak: 0. */
  serviceSetId: number;
  asset: Asset;
  strategy?: Address;
  /** Part of the address's stake the service can slash now (base units). */
  slashableAmount: bigint;
  /** EigenLayer only: shares, allocation magnitude and the operator's max magnitude. */
  slashableShares?: bigint;
  currentMagnitude?: bigint;
  maxMagnitude?: bigint;
  /** Scheduled allocation change (negative = deallocation); null when none. */
  pending: { diff: bigint; effectBlock: bigint } | null;
  /** Slashed funds go to a recipient instead of being burned. */
  redistributes: boolean;
  slasher: Address | null;
  symbiotic?: SymbioticExposureDetails;
  karak?: KarakExposureDetails;
}

/** Symbiotic: what one vault's stake backs for one (subnetwork, operator) (reference §2.5). */
export interface SymbioticExposureDetails {
  vault: Address;
  /** bytes32: network address in the top 20 bytes, identifier in the low 12. */
  subnetwork: Hex;
  /** 0 NetworkRestake, 1 FullRestake, 2 OperatorSpecific, 3 OperatorNetworkSpecific. */
  delegatorType: number;
  /** The vault's stake for (subnetwork, operator), whole vault, base units. */
  operatorStake: bigint;
  slasherType: 'instant' | 'veto' | 'none';
  /** Veto slasher only: seconds a resolver has to veto a requested slash. */
  vetoDuration?: number;
  resolver?: Address | null;
  burner: Address;
  /** Slashed collateral burned, or sent on (redistributed) by a router. */
  burnerKind: 'burn' | 'redistribute' | 'unknown';
}

/** Karak V2: a DSS the vault is staked to (reference §3.3). */
export interface KarakExposureDetails {
  vault: Address;
  /** Max part of the vault one slash of this DSS may take, WAD x 100 (100e18 = 100 %). */
  maxSlashablePercentageWad: bigint;
  /** Number of DSSs sharing the same vault stake (leverage). */
  dssCount: number;
  /** Scheduled stake update (add/remove this DSS) with the unix time it can be finalized. */
  pendingUpdate?: { toStake: boolean; finalizableAt: number } | null;
}

/** Per-asset total across protocols for one address (base units). */
export interface AssetTotal {
  asset: Asset;
  amount: bigint;
  protocols: ProtocolId[];
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
