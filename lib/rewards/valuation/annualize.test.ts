import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { annualizedPpm, YEAR_SECONDS } from './annualize.js';

const s = (timestamp: number, rate: bigint) => ({ blockNumber: BigInt(timestamp), timestamp, rate });

describe('annualizedPpm', () => {
  it('1 % over half a year is 2 % a year (simple, not compounded)', () => {
    const half = Number(YEAR_SECONDS / 2n);
    expect(annualizedPpm([s(0, parseEther('1')), s(half, parseEther('1.01'))])).toBe(20_000n);
  });
  it('uses the oldest and the newest sample only', () => {
    const week = 7 * 86_400;
    const r0 = parseEther('1.15');
    const r1 = r0 + (r0 * 3n) / 100n / 52n; // ~3 %/year over one week
    const got = annualizedPpm([s(0, r0), s(week / 2, parseEther('4')), s(week, r1)])!;
    // (r1 - r0) * 1e6 * YEAR / (r0 * week), truncated: 365/364 of 3 %.
    expect(got).toBe(((r1 - r0) * 1_000_000n * YEAR_SECONDS) / (r0 * BigInt(week)));
    expect(got).toBe(30_082n);
  });
  it('a falling rate gives a negative yield', () => {
    expect(annualizedPpm([s(0, parseEther('1')), s(Number(YEAR_SECONDS), parseEther('0.8'))])).toBe(-200_000n);
  });
  it.each([
    ['no samples', []],
    ['one sample', [s(0, 1n)]],
    ['no elapsed time', [s(5, parseEther('1')), s(5, parseEther('1.1'))]],
    ['a zero rate', [s(0, 0n), s(10, parseEther('1'))]],
  ])('is null with %s', (_name, samples) => {
    expect(annualizedPpm(samples)).toBeNull();
  });
});
