// The rewards model every surface renders (popup, CLI `rewards`, JSON snapshot): base staking yield
// beside restaking rewards, claimed and claimable. Amounts are bigint base units end to end; rates
// and prices keep their on-chain scale. A figure that could not be read is an error entry, never 0.
import type { Address, Hex } from 'viem';
import type { Asset, ProtocolId } from '../portfolio/types.js';

/** A read that failed: shown as "unknown" with the reason. */
export interface ReadError {
  error: string;
}

/** One claim transaction (EigenLayer RewardsClaimed, Symbiotic ClaimRewards). */
export interface RewardClaim {
  protocol: ProtocolId;
  token: Asset;
  amount: bigint;
  claimer: Address;
  recipient: Address;
  blockNumber: bigint;
  txHash: Hex;
  logIndex: number;
  /** EigenLayer: the distribution root claimed against. */
  root?: Hex;
  /** Symbiotic: the paying network and the DefaultStakerRewards contract. */
  network?: Address;
  rewardsContract?: Address;
}

/** An EigenLayer distribution root as stored by the RewardsCoordinator. */
export interface DistributionRootInfo {
  index: number;
  root: Hex;
  rewardsCalculationEndTimestamp: number;
  activatedAt: number;
  disabled: boolean;
}

/** One token of a claim proof that verified against the on-chain root. */
export interface VerifiedTokenEarnings {
  token: Asset;
  /** From the verified proof leaf (cumulative over all time). */
  cumulativeEarnings: bigint;
  /** `cumulativeClaimed(earner, token)` at the snapshot block. */
  cumulativeClaimed: bigint;
  /** max(0, cumulativeEarnings - cumulativeClaimed). */
  claimable: bigint;
}

/**
 * EigenLayer claimable rewards. Only `verified` carries money; everything the rewards API says is
 * untrusted until its proof hashes to a root the RewardsCoordinator holds.
 */
export type EigenLayerClaimable =
  | { status: 'off' }
  | { status: 'unavailable'; reason: string }
  | { status: 'none'; reason: string }
  | { status: 'rejected'; reason: string; rootIndex: number | null }
  | { status: 'verified'; rootIndex: number; root: Hex; activatedAt: number; tokens: VerifiedTokenEarnings[] };

/** Commission the operator keeps (bips of 10,000), reference §1.5. */
export interface OperatorSplits {
  operator: Address;
  /** Programmatic-incentives split. */
  piSplitBips: number;
  /** Per AVS the staker's stake is exposed to. */
  avsSplits: { avs: Address; bips: number }[];
  /** Per operator set the staker's stake is exposed to. */
  setSplits: { avs: Address; id: number; bips: number }[];
  defaultSplitBips: number;
}

export interface EigenLayerRewards {
  /** `claimerFor(earner)`; null when unset (the earner claims itself). */
  claimer: Address | null;
  /** Per token the address has ever claimed (from RewardsClaimed logs): `cumulativeClaimed` on chain. */
  claimed: { token: Asset; cumulativeClaimed: bigint }[];
  history: RewardClaim[];
  claimable: EigenLayerClaimable;
  /** Newest root that is active (claimable) at the snapshot block; null when none. */
  activeRoot: DistributionRootInfo | null;
  /** Newest submitted root, which may still be waiting for its activation time. */
  latestRoot: DistributionRootInfo | null;
  operatorSplits: OperatorSplits | null;
}

/** Symbiotic DefaultStakerRewards for one vault (reference §2.6). */
export interface SymbioticVaultRewards {
  vault: Address;
  rewardsContract: Address;
  /** `version()` read on chain: 1 or 2 (event shapes differ). */
  version: number;
  /** Curator fee in bips of ADMIN_FEE_BASE (10,000). */
  adminFeeBips: number;
  /** Per (network, token) that ever distributed to this vault: what `claimable()` returns now. */
  claimable: { network: Address; token: Asset; amount: bigint; distributions: number }[];
  history: RewardClaim[];
}

/** Karak: no rewards contract; the value of the address's vault shares at earlier blocks. */
export interface KarakValueHistory {
  vault: Address;
  asset: Asset;
  shares: bigint;
  /** Oldest first; `assets` = convertToAssets(shares) at that block (same shares throughout). */
  points: { blockNumber: bigint; timestamp: number; assets: bigint }[];
}

/** Exchange rate of an LST/LRT in its underlying (ETH), 1e18-scaled, now and at earlier blocks. */
export interface BaseYield {
  token: Asset;
  /** How the rate is read, e.g. 'wstETH.stEthPerToken', 'rETH.getExchangeRate', 'erc4626.convertToAssets'. */
  method: string;
  underlying: string;
  /** true: one token = one underlying (stETH-style rebasing, the rate only measures yield); false: rate = underlying per token. */
  rebasing?: boolean;
  /** Oldest first; the last sample is at the snapshot block. */
  samples: { blockNumber: bigint; timestamp: number; rate: bigint }[];
  /**
   * Simple annualized yield between the first and the last sample, in parts per million
   * ((rateNow/rateThen - 1) * year/elapsed); null when the samples cannot support it.
   */
  annualizedPpm: bigint | null;
}

/** A price read from a Chainlink aggregator through the configured RPC. */
export interface PriceQuote {
  /** e.g. 'ETH/USD', 'stETH/ETH'. */
  pair: string;
  base: string;
  quote: 'ETH' | 'USD';
  feed: Address;
  /** The token priced (null = ETH itself): values match tokens by address, never by symbol. */
  token?: Address | null;
  answer: bigint;
  decimals: number;
  updatedAt: number;
  /** Older than the feed's heartbeat allowance at the snapshot block: shown, but marked stale. */
  stale: boolean;
}

export interface AddressRewards {
  address: Address;
  eigenlayer: EigenLayerRewards | ReadError | null;
  symbiotic: SymbioticVaultRewards[] | ReadError | null;
  karak: KarakValueHistory[] | ReadError | null;
  /** Native restaked ETH (EigenPod): validator rewards are not measured without a configured source. */
  nativeEth: { restakedWei: bigint; validatorYield: 'not-measured' } | null;
}

export interface RewardsSnapshot {
  schemaVersion: 1;
  chainId: number;
  blockNumber: bigint;
  blockTimestamp: number;
  fetchedAt: number;
  addresses: AddressRewards[];
  /** One entry per LST/LRT held in the positions (shared across addresses). */
  baseYield: (BaseYield | (ReadError & { token: Asset }))[];
  prices: PriceQuote[] | ReadError;
}
