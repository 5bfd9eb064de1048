// Past slashes: an entity that has been slashed has shown it can be (and why is off chain).
import { evidenceOf } from '../facts/fact.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const slashingHistory = defineRule<{ mediumAtSlashes: number; highAtSlashes: number }>({
  id: 'slashing-history',
  version: 1,
  dimension: 'history',
  concern: 'it is slashed again as it was before',
  thresholds: {
    mediumAtSlashes: { default: 1, min: 1, max: 1000, integer: true, unit: 'slashes', description: 'Executed slashes from which the grade is medium' },
    highAtSlashes: { default: 3, min: 1, max: 1000, integer: true, unit: 'slashes', description: 'Executed slashes from which the grade is high' },
  },
  checkThresholds: (t) => (t.mediumAtSlashes > t.highAtSlashes ? ['mediumAtSlashes must not be above highAtSlashes'] : []),
  evaluate(facts, t) {
    const f = facts.signals.slashHistory;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const { count, atLeast } = f.value;
    const evidence = evidenceOf(f);
    const n = `${atLeast ? 'at least ' : ''}${count} executed slash${count === 1 ? '' : 'es'}`;
    if (count >= t.highAtSlashes) return { grade: 'high', sentence: sentence(`it is slashed again: ${n} on record`), evidence };
    if (count >= t.mediumAtSlashes) return { grade: 'medium', sentence: sentence(`it is slashed again: ${n} on record`), evidence };
    return { grade: 'low', sentence: sentence('it is slashed for the first time: no executed slash on record'), evidence };
  },
});
