import { describe, expect, it } from 'vitest';
import { canExitBefore, expectedLoss, sharesLost, slashableShares, WAD } from './loss-math.js';

describe('loss math', () => {
  it('expected loss is the §6.1 worked example: 100 shares, wadSlashed 0.125 -> 12.5', () => {
    expect(expectedLoss(100n * WAD, WAD / 8n)).toBe(12_500_000_000_000_000_000n);
  });

  it('uses the measured difference when it agrees with the event (rounding only)', () => {
    const before = 100n * WAD;
    const expected = expectedLoss(before, WAD / 8n);
    expect(sharesLost(before, before - expected - 1n, expected, true)).toBe(expected + 1n);
  });

  it('falls back to the event when the same block also moved the position', () => {
    const before = 100n * WAD;
    const expected = expectedLoss(before, WAD / 8n);
    // a 50-share deposit in the same block hides the loss
    expect(sharesLost(before, before - expected + 50n * WAD, expected, true)).toBe(expected);
    expect(sharesLost(before, 0n, expected, false)).toBe(expected);
  });

  it('slashable shares scale by magnitude over max magnitude', () => {
    expect(slashableShares(87n * WAD, 3n * WAD / 8n, 7n * WAD / 8n)).toBe((87n * WAD * 3n) / 7n);
    expect(slashableShares(1n, 1n, 0n)).toBe(0n);
  });

  it('canExitBefore: now + delay + 1 <= effectBlock', () => {
    expect(canExitBefore(100n, 50n, 151n)).toBe(true);
    expect(canExitBefore(100n, 50n, 150n)).toBe(false);
  });
});
