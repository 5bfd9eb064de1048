import { describe, expect, it } from 'vitest';
import { A, factsWith, k, throwing, u } from './testing/facts-fixture.js';
import { RULES } from './rules/index.js';
import { defineRule } from './rules/rule.js';
import { verdict, worst } from './verdict.js';

describe('verdict aggregation', () => {
  it('grade per dimension is the worst of its rules; overall the worst of all', () => {
    const v = verdict(factsWith({
      slashing: k([{ service: 'AVS', serviceAddress: A(1), slasher: A(1), slasherCode: 'contract' }]), // medium
      destination: k([{ service: 'AVS', mode: 'redistribute', recipient: A(2) }]), // high
      slashHistory: k({ count: 0, atLeast: false }), // low
    }));
    expect(v.dimensions).toEqual({ slashing: 'high', history: 'low' });
    expect(v.overall).toBe('high');
    expect(v.incomplete).toBe(false);
    expect(v.notApplicable).toEqual(expect.arrayContaining(['operator-tenure', 'exit-delay']));
    expect(v.results.map((r) => r.ruleId)).toEqual(['slashing-authority', 'slashing-redistribution', 'slashing-history']);
  });
  it('a throwing rule yields unknown for itself and never hides the others', () => {
    const boom = defineRule<Record<string, never>>({ id: 'boom', version: 1, dimension: 'history', concern: 'x', thresholds: {}, evaluate() { throw new Error('kaput'); } });
    const v = verdict(factsWith({ sharedStake: k({ services: 5, where: 'v' }), slashHistory: throwing() }), undefined, [...RULES, boom as never]);
    const byId = Object.fromEntries(v.results.map((r) => [r.ruleId, r]));
    expect(byId.boom).toMatchObject({ grade: 'unknown', error: 'kaput' });
    expect(byId['slashing-history']).toMatchObject({ grade: 'unknown', error: 'corrupt fact' });
    expect(byId['shared-stake']!.grade).toBe('high');
    expect(v.overall).toBe('high');
    expect(v.dimensions.history).toBe('unknown');
    expect(v.incomplete).toBe(true);
  });
  it('unknown outranks low but not a known medium', () => {
    expect(worst(['low', 'unknown'])).toBe('unknown');
    expect(worst(['unknown', 'medium', 'low'])).toBe('medium');
    const v = verdict(factsWith({ slashHistory: u(), tenure: k({ registeredAtBlock: 1n, registeredAt: 0, ageSeconds: 10 ** 9 }) }));
    expect(v.overall).toBe('unknown');
    expect(v.dimensions).toEqual({ history: 'unknown', operator: 'low' });
  });
  it('an entity with no applicable rule is unknown, not low', () => {
    expect(verdict(factsWith({})).overall).toBe('unknown');
  });
  it('uses the given thresholds', () => {
    const f = factsWith({ sharedStake: k({ services: 2, where: 'v' }) });
    expect(verdict(f).overall).toBe('medium');
    expect(verdict(f, { 'shared-stake': { mediumAtServices: 3, highAtServices: 6 } }).overall).toBe('low');
  });
});
