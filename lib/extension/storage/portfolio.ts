// The last snapshot and how the last refresh went, as stored in `local:portfolio`.
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

/** Decoded form used by code. */
export interface Portfolio {
  snapshot: Snapshot | null;
  status: RefreshStatus;
}

/** Stored form: the snapshot in plain JSON (bigints as decimal strings, see codec.ts). */
export interface StoredPortfolio {
  snapshot: unknown;
  status: RefreshStatus;
}

export const PORTFOLIO_VERSION = 1;

export const NEVER_REFRESHED: RefreshStatus = { state: 'never', lastAttemptAt: null, lastSuccessAt: null };
