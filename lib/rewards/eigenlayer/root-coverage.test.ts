import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import type { EigenLayerRewards } from '../types.js';
import { newlyActiveRootCoverage } from './root-coverage.js';

const token = { address: '0x00000000000000000000000000000000000000e1' as Address, symbol: 'EIGEN', decimals: 18 };
const root = (index: number) => ({ index, root: `0x${String(index).padStart(64, '0')}` as const, rewardsCalculationEndTimestamp: 1, activatedAt: 100 + index, disabled: false });
const rewards = (activeIndex: number, claimable: bigint, verifiedAt = activeIndex): EigenLayerRewards => ({
  claimer: null, claimed: [], history: [], activeRoot: root(activeIndex), latestRoot: root(activeIndex + 1), operatorSplits: null,
  claimable: { status: 'verified', rootIndex: verifiedAt, root: root(verifiedAt).root, activatedAt: 1, tokens: [{ token, cumulativeEarnings: 10n, cumulativeClaimed: 10n - claimable, claimable }] },
});

describe('newlyActiveRootCoverage', () => {
  it('fires when a newer root is active and the verified proof leaves something to claim', () => {
    expect(newlyActiveRootCoverage(rewards(3, 4n), 2)).toEqual({ rootIndex: 3, root: root(3).root, activatedAt: 103, tokens: [expect.objectContaining({ claimable: 4n })] });
  });
  it('stays quiet for the same root, no baseline, nothing claimable, an unverified or stale proof, or an error', () => {
    expect(newlyActiveRootCoverage(rewards(3, 4n), 3)).toBeNull();
    expect(newlyActiveRootCoverage(rewards(3, 4n), null)).toBeNull();
    expect(newlyActiveRootCoverage(rewards(3, 0n), 2)).toBeNull();
    expect(newlyActiveRootCoverage(rewards(3, 4n, 2), 2)).toBeNull();
    expect(newlyActiveRootCoverage({ ...rewards(3, 4n), claimable: { status: 'rejected', reason: 'x', rootIndex: 3 } }, 2)).toBeNull();
    expect(newlyActiveRootCoverage({ error: 'rpc down' }, 2)).toBeNull();
  });
});
