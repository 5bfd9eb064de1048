import { describe, expect, it } from 'vitest';
import { defaultThresholds, parseThresholds, parseThresholdsStrict } from './thresholds.js';

describe('thresholds', () => {
  it('defaults come from each rule spec', () => {
    const d = defaultThresholds();
    expect(d['shared-stake']).toEqual({ mediumAtServices: 2, highAtServices: 4 });
    expect(d['slashing-veto']).toEqual({ minVetoWindowSeconds: 86_400 });
    expect(d['pending-changes']).toEqual({});
  });
  it('keeps every valid value and names every invalid one', () => {
    const { thresholds, errors } = parseThresholds({
      'shared-stake': { mediumAtServices: 3, highAtServices: 'many' },
      'slashing-history': { mediumAtSlashes: 2.5, highAtSlashes: 10 },
      'operator-tenure': { mediumBelowDays: 5000 },
      'exit-delay': { minHeadroomPercent: 25, extra: 1 },
      'no-such-rule': { x: 1 },
    });
    expect(thresholds['shared-stake']).toEqual({ mediumAtServices: 3, highAtServices: 4 });
    expect(thresholds['slashing-history']).toEqual({ mediumAtSlashes: 1, highAtSlashes: 10 });
    expect(thresholds['exit-delay']).toEqual({ minHeadroomPercent: 25 });
    expect(thresholds['operator-tenure']).toEqual(defaultThresholds()['operator-tenure']);
    expect(errors.map((e) => e.path)).toEqual([
      'shared-stake.highAtServices', 'slashing-history.mediumAtSlashes', 'operator-tenure.mediumBelowDays', 'exit-delay.extra', 'no-such-rule',
    ]);
    expect(errors[0]!.message).toMatch(/number/);
    expect(errors[1]!.message).toMatch(/whole/);
    expect(errors[2]!.message).toMatch(/between 0 and 3650/);
  });
  it('cross-field checks keep the defaults of that rule and say why', () => {
    const { thresholds, errors } = parseThresholds({ 'operator-concentration': { mediumAtPercent: 80, highAtPercent: 50 } });
    expect(thresholds['operator-concentration']).toEqual({ mediumAtPercent: 33, highAtPercent: 66 });
    expect(errors[0]!.message).toMatch(/mediumAtPercent must not be above highAtPercent/);
  });
  it('rejects non-objects clearly; strict mode throws with every error', () => {
    expect(parseThresholds([1]).errors[0]!.message).toMatch(/object/);
    expect(parseThresholds(null).errors).toEqual([]);
    expect(() => parseThresholdsStrict({ 'shared-stake': { highAtServices: -1 } })).toThrow(/shared-stake.highAtServices: must be between 1 and 1000/);
  });
});
