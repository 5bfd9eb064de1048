// The last snapshot of each chain and how its last refresh went, as stored in `local:portfolio`.
import type { Snapshot } from '../../portfolio/types.js';

export type FreshnessState = 'fresh' | 'stale' | 'never';

export interface RefreshStatus {
  /** fresh: the last refresh succeeded; stale: it failed and an older snapshot is shown; never: no snapshot yet. */
  state: FreshnessState;
  /** Unix ms of the last refresh attempt / success; null before the first. */
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Why the last attempt failed (absent after a success). */
  error?: { name: string; message: string };
}

/** One chain: its last good snapshot (kept when a later refresh fails) and the last attempt's status. */
export interface ChainPortfolio {
  snapshot: Snapshot | null;
  status: RefreshStatus;
}

/** Decoded form used by code; keyed by decimal chain id. */
export interface Portfolio {
  chains: Record<string, ChainPortfolio>;
}

/** Stored form: snapshots in plain JSON (bigints as decimal strings, see codec.ts). */
export interface StoredChainPortfolio {
  snapshot: unknown;
  status: RefreshStatus;
}

export interface StoredPortfolio {
  chains: Record<string, StoredChainPortfolio>;
}

export const PORTFOLIO_VERSION = 2;

export const NEVER_REFRESHED: RefreshStatus = { state: 'never', lastAttemptAt: null, lastSuccessAt: null };

export const emptyPortfolio = (): Portfolio => ({ chains: {} });

/** A chain's entry, or "never read" when the chain has none. */
export function chainPortfolio(portfolio: Portfolio, chainId: number): ChainPortfolio {
  return portfolio.chains[String(chainId)] ?? { snapshot: null, status: { ...NEVER_REFRESHED } };
}

/** Status after a failed attempt: the last good value (if any) stays, marked stale with the reason. */
export function failedStatus(previous: RefreshStatus, hasValue: boolean, attemptAt: number, error: { name: string; message: string }): RefreshStatus {
  return { state: hasValue ? 'stale' : 'never', lastAttemptAt: attemptAt, lastSuccessAt: previous.lastSuccessAt, error };
}
