import { describe, expect, it } from 'vitest';
import { alertFromPlain, alertsFromJson, alertsToJson, alertToPlain } from './codec.js';
import { sampleAlert } from './testing/sample-alert.js';

describe('alert codec', () => {
  it('round-trips bigints as decimal strings', () => {
    const a = sampleAlert();
    const plain = alertToPlain(a) as { assets: { amountLost: unknown }[]; blockNumber: unknown };
    expect(plain.blockNumber).toBe('120');
    expect(plain.assets[0]!.amountLost).toBe('12500000000000000000');
    expect(alertFromPlain(plain)).toEqual(a);
    expect(alertsFromJson(alertsToJson([a, sampleAlert({ id: 'x', effectBlock: 200n, canExitBefore: false })]))[1]).toMatchObject({ effectBlock: 200n, canExitBefore: false });
  });

  it('names the bad field of untrusted input', () => {
    const plain = alertToPlain(sampleAlert()) as Record<string, unknown>;
    expect(() => alertFromPlain({ ...plain, severity: 'doom' })).toThrow(/alert\.severity: expected one of critical, warning, info/);
    expect(() => alertFromPlain({ ...plain, assets: [{ asset: { address: null, symbol: 'ETH', decimals: 18 }, source: 'position', amountLost: '1e18' }] })).toThrow(/assets\[0\]\.amountLost/);
  });
});
