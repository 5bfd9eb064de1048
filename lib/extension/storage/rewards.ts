// The last rewards snapshot of each chain and how its last rewards read went (`local:rewards`).
// Kept apart from `local:portfolio`: a rewards failure must not mark positions stale, and the
// reverse; each keeps its own last good value and says when it is stale.
import type { RewardsSnapshot } from '../../rewards/types.js';
import { NEVER_REFRESHED, type RefreshStatus } from './portfolio.js';

export interface ChainRewards {
  rewards: RewardsSnapshot | null;
  status: RefreshStatus;
  /** Highest distribution root index already seen per address (lowercase), for claimable alerts. */
  seenRoots?: Record<string, number>;
}

export interface RewardsStore {
  chains: Record<string, ChainRewards>;
}

export interface StoredRewards {
  chains: Record<string, { rewards: unknown; status: RefreshStatus; seenRoots?: Record<string, number> }>;
}

export const REWARDS_VERSION = 1;

export const emptyRewards = (): RewardsStore => ({ chains: {} });

export function chainRewards(store: RewardsStore, chainId: number): ChainRewards {
  return store.chains[String(chainId)] ?? { rewards: null, status: { ...NEVER_REFRESHED } };
}
