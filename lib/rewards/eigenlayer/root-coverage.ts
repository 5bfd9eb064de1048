// Pure decision for the "rewards claimable" alert: a distribution root newer than the last one seen
// is active and the address's verified proof against it leaves something to claim.
import type { Hex } from 'viem';
import type { EigenLayerRewards, ReadError, VerifiedTokenEarnings } from '../types.js';

export interface RootCoverage {
  rootIndex: number;
  root: Hex;
  activatedAt: number;
  /** Tokens with claimable > 0 under the verified proof. */
  tokens: VerifiedTokenEarnings[];
}

/**
 * `lastSeenActiveRootIndex`: the active root index at the previous alert check, persisted by the
 * caller; null = no baseline yet (first check after install), which never alerts so that old roots
 * do not all fire at once.
 */
export function newlyActiveRootCoverage(current: EigenLayerRewards | ReadError, lastSeenActiveRootIndex: number | null): RootCoverage | null {
  if ('error' in current || lastSeenActiveRootIndex === null) return null;
  const active = current.activeRoot;
  const c = current.claimable;
  if (!active || active.index <= lastSeenActiveRootIndex) return null;
  if (c.status !== 'verified' || c.rootIndex !== active.index) return null;
  const tokens = c.tokens.filter((t) => t.claimable > 0n);
  return tokens.length > 0 ? { rootIndex: active.index, root: active.root, activatedAt: active.activatedAt, tokens } : null;
}
