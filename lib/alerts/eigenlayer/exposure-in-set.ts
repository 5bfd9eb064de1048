// What an operator set can take from one address at a block: for each strategy of the set the
// address holds, withdrawable shares × allocated magnitude / max magnitude, as underlying.
import type { Address } from 'viem';
import type { AlertAsset } from '../types.js';
import { slashableShares } from '../loss-math.js';
import type { HistoricalReads, OperatorSet } from './historical-reads.js';

export async function exposureInSet(reads: HistoricalReads, staker: Address, operator: Address, set: OperatorSet, block: bigint): Promise<AlertAsset[]> {
  const strategies = await reads.strategiesInSet(set, block);
  const held = await reads.withdrawable(staker, strategies, block);
  const rows = strategies.map((s, i) => ({ s, shares: held[i]! })).filter((x) => x.shares > 0n);
  return Promise.all(
    rows.map(async ({ s, shares }) => {
      const [alloc, max, asset] = await Promise.all([reads.allocation(operator, set, s, block), reads.maxMagnitude(operator, s, block), reads.asset(s)]);
      const amountAtRisk = await reads.toUnderlying(s, slashableShares(shares, alloc.currentMagnitude, max), block);
      return { asset, strategy: s, source: 'position' as const, amountAtRisk };
    }),
  );
}
