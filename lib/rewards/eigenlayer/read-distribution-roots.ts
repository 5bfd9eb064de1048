// Distribution roots at the pinned block: the newest submitted one and the newest active one
// (activatedAt <= block timestamp, not disabled), reading newest-first in batched rounds of
// ROOTS_PER_ROUND so the common case (active root among the last few) costs one round.
import type { Address, Hex } from 'viem';
import { Round, ok, why } from '../../protocols/round.js';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import type { RewardsReadContext } from '../context.js';
import type { DistributionRootInfo } from '../types.js';

export const ROOTS_PER_ROUND = 16;

export interface RootsAtBlock {
  latest: DistributionRootInfo | null;
  active: DistributionRootInfo | null;
}

type RawRoot = { root: Hex; rewardsCalculationEndTimestamp: number; activatedAt: number; disabled: boolean };

export const isActiveAt = (r: DistributionRootInfo, timestamp: number) => !r.disabled && r.activatedAt <= timestamp;

export async function readDistributionRoots(ctx: RewardsReadContext, rc: Address, length: number): Promise<RootsAtBlock> {
  let latest: DistributionRootInfo | null = null;
  let next = length - 1;
  while (next >= 0) {
    const round = new Round();
    const got: DistributionRootInfo[] = [];
    let failure: string | null = null;
    for (let i = next; i >= Math.max(0, next - ROOTS_PER_ROUND + 1); i--) {
      round.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'getDistributionRootAtIndex', args: [BigInt(i)] }, (r) => {
        const v = ok<RawRoot>(r);
        if (!v) failure ??= `getDistributionRootAtIndex(${i}) failed${why(r)}`;
        else got.push({ index: i, root: v.root, rewardsCalculationEndTimestamp: v.rewardsCalculationEndTimestamp, activatedAt: v.activatedAt, disabled: v.disabled });
      });
    }
    await round.run(ctx);
    if (failure) throw new Error(failure);
    got.sort((a, b) => b.index - a.index);
    latest ??= got[0] ?? null;
    const active = got.find((r) => isActiveAt(r, ctx.blockTimestamp));
    if (active) return { latest, active };
    next -= ROOTS_PER_ROUND;
  }
  return { latest, active: null };
}
