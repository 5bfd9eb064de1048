import { describe, expect, it } from 'vitest';
import { planSampleBlocks } from './plan-sample-blocks.js';

describe('planSampleBlocks', () => {
  it('on a 12-s chain samples 30, 7 and 1 day(s) back, oldest first', () => {
    const head = 21_000_000n;
    expect(planSampleBlocks(head, { seconds: 12n * 1000n, blocks: 1000n })).toEqual([head - 216_000n, head - 50_400n, head - 7_200n]);
  });
  it('a chain younger than 30 days is also sampled at eighths of its height, clamped to block 1', () => {
    // 278 blocks over 18 days: 30 days back is before genesis.
    const got = planSampleBlocks(278n, { seconds: 18n * 86_400n, blocks: 277n });
    expect(got[0]).toBe(1n);
    for (const e of [1n, 2n, 3n, 4n, 5n, 6n, 7n]) expect(got).toContain((278n * e) / 8n);
    expect(got).toContain(278n - (7n * 86_400n * 277n) / (18n * 86_400n));
    expect([...got].sort((a, b) => Number(a - b))).toEqual(got);
    expect(new Set(got).size).toBe(got.length);
    expect(got.every((b) => b >= 1n && b < 278n)).toBe(true);
  });
  it('without a measured block time falls back to fractions of the height', () => {
    expect(planSampleBlocks(16n, null)).toEqual([2n, 4n, 6n, 8n, 10n, 12n, 14n]);
  });
  it('a look-back shorter than one block still goes back one block', () => {
    expect(planSampleBlocks(1_000_000n, { seconds: 10n ** 9n, blocks: 1n })).toEqual([999_999n]);
  });
  it('has nothing to sample at genesis', () => {
    expect(planSampleBlocks(1n, null)).toEqual([]);
  });
});
