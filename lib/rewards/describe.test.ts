import { describe, expect, it } from 'vitest';
import { claimableNote, formatPpm, karakChangeText, yearlyYield } from './describe.js';

describe('formatPpm', () => {
  it('formats parts per million as a percentage with two decimals', () => {
    expect(formatPpm(31_234n)).toBe('3.12 %');
    expect(formatPpm(0n)).toBe('0.00 %');
    expect(formatPpm(-200_000n)).toBe('-20.00 %');
    expect(formatPpm(1_000_000n)).toBe('100.00 %');
    expect(formatPpm(58n)).toBe('0.0058 %');
    expect(formatPpm(-7n)).toBe('-0.0007 %');
  });
});

describe('yearlyYield', () => {
  it('applies the annualized rate to the amount in bigint', () => {
    expect(yearlyYield(100n * 10n ** 18n, 30_000n)).toBe(3n * 10n ** 18n);
  });
});

describe('claimableNote', () => {
  it('never presents a rejected proof as money', () => {
    expect(claimableNote({ status: 'rejected', reason: 'earner proof does not hash to the on-chain root', rootIndex: 2 })).toMatch(/REFUSED for root #2.*Not shown as money/);
  });
  it('says the API is off and why', () => {
    expect(claimableNote({ status: 'off' })).toMatch(/off/);
  });
  it('has nothing to add for a verified figure', () => {
    expect(claimableNote({ status: 'verified', rootIndex: 0, root: '0x00', activatedAt: 1, tokens: [] })).toBeNull();
  });
});

describe('karakChangeText', () => {
  it('shows a slash as a negative change', () => {
    const asset = { address: null, symbol: 'rETH', decimals: 18 };
    const text = karakChangeText({
      vault: '0x0000000000000000000000000000000000000001', asset, shares: 1n,
      points: [{ blockNumber: 1n, timestamp: 0, assets: 40n * 10n ** 18n }, { blockNumber: 9n, timestamp: 86_400 * 18, assets: 32n * 10n ** 18n }],
    });
    expect(text).toBe('40 → 32 rETH (-20.00 %) over 18 d');
  });
});
