import { describe, expect, it } from 'vitest';
import { formatAge, formatAmount, formatBlocksEta, formatWadPercent } from './format.js';

describe('formatAmount', () => {
  it.each([
    [0n, 18, '0'],
    [1_000_000_000_000_000_000n, 18, '1'],
    [1_234_567_890_000_000_000_000n, 18, '1,234.56789'],
    [87_500_000_000_000_000_000n, 18, '87.5'],
    [1n, 18, '<0.000001'],
    [123_456n, 6, '0.123456'],
    [-2_500_000n, 6, '-2.5'],
  ])('%s with %i decimals -> %s', (amount, decimals, text) => {
    expect(formatAmount(amount, decimals)).toBe(text);
  });
  it('truncates instead of rounding up (never shows more than the chain holds)', () => {
    expect(formatAmount(1_999_999_999n, 9, 2)).toBe('1.99');
  });
});

describe('other formats', () => {
  it('percent of a WAD', () => expect(formatWadPercent(125_000_000_000_000_000n)).toBe('12.50 %'));
  it('age', () => {
    expect(formatAge(0, 40_000)).toBe('40 s ago');
    expect(formatAge(0, 3 * 60_000)).toBe('3 min ago');
    expect(formatAge(0, 2 * 3_600_000)).toBe('2 h ago');
  });
  it('blocks ETA at 12 s per block', () => {
    expect(formatBlocksEta(0n)).toBe('now');
    expect(formatBlocksEta(50n)).toBe('~10 min');
    expect(formatBlocksEta(100_800n)).toBe('~14 d');
  });
});
