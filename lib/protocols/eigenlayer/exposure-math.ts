// Pure arithmetic of EigenLayer exposure (reference §1.4): the part of a staker's stake an
// operator set can slash is withdrawable × currentMagnitude / maxMagnitude.
export const WAD = 10n ** 18n;

/** Pro-rata slashable part of `value` (shares or underlying) for one allocation. Floors like the contracts. */
export function slashablePart(value: bigint, currentMagnitude: bigint, maxMagnitude: bigint): bigint {
  if (maxMagnitude === 0n || currentMagnitude === 0n) return 0n;
  return (value * currentMagnitude) / maxMagnitude;
}
