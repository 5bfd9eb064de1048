// Pure arithmetic of a loss. The exact loss of one event is the difference of the staker's
// withdrawable shares just before and at the event's block; it is trusted only when it agrees with
// what the event itself implies (before × fraction): another transaction of the same staker in
// the same block (deposit, withdrawal) or a second slash in that block would otherwise be counted.
export const WAD = 10n ** 18n;

/** before × wad / 1e18 (floor), the event's own statement of the loss. */
export const expectedLoss = (before: bigint, wad: bigint): bigint => (before * wad) / WAD;

/**
 * Shares lost. `alone` = this event is the only loss event for this (staker, strategy) in its block.
 * Falls back to `expected` when the measured difference strays beyond rounding (0.1 % + 2 wei).
 */
export function sharesLost(before: bigint, after: bigint, expected: bigint, alone: boolean): bigint {
  if (!alone) return expected;
  const diff = before - after;
  const gap = diff > expected ? diff - expected : expected - diff;
  return diff >= 0n && gap <= expected / 1000n + 2n ? diff : expected;
}

/** Magnitude share of a position: shares × magnitude / maxMagnitude (floor), 0 when max is 0. */
export const slashableShares = (shares: bigint, magnitude: bigint, maxMagnitude: bigint): bigint =>
  maxMagnitude === 0n ? 0n : (shares * magnitude) / maxMagnitude;

/** Whether a withdrawal queued at `now` completes before an allocation takes effect. */
export const canExitBefore = (now: bigint, minWithdrawalDelayBlocks: bigint, effectBlock: bigint): boolean =>
  now + minWithdrawalDelayBlocks + 1n <= effectBlock;
