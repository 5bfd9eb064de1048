// Tenure: a newly registered operator has no track record.
import { evidenceOf } from '../facts/fact.js';
import { duration } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const operatorTenure = defineRule<{ mediumBelowDays: number; highBelowDays: number }>({
  id: 'operator-tenure',
  version: 1,
  dimension: 'operator',
  concern: 'an operator without a track record misbehaves',
  thresholds: {
    mediumBelowDays: { default: 180, min: 0, max: 3650, integer: false, unit: 'days', description: 'Operator age below which the grade is medium' },
    highBelowDays: { default: 30, min: 0, max: 3650, integer: false, unit: 'days', description: 'Operator age below which the grade is high' },
  },
  checkThresholds: (t) => (t.highBelowDays > t.mediumBelowDays ? ['highBelowDays must not be above mediumBelowDays'] : []),
  evaluate(facts, t) {
    const f = facts.signals.tenure;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const { ageSeconds, registeredAtBlock } = f.value;
    const evidence = evidenceOf(f);
    const text = `it registered ${duration(ageSeconds, 'seconds')} ago (block ${registeredAtBlock})`;
    if (ageSeconds < t.highBelowDays * 86_400) return { grade: 'high', sentence: sentence(`this new operator misbehaves: ${text}`), evidence };
    if (ageSeconds < t.mediumBelowDays * 86_400) return { grade: 'medium', sentence: sentence(`this young operator misbehaves: ${text}`), evidence };
    return { grade: 'low', sentence: sentence(`this operator misbehaves despite its track record: ${text}`), evidence };
  },
});
