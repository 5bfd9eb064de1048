// Concentration: one operator controlling a large share of a pool makes one operator's failure the
// pool's failure.
import { evidenceOf } from '../facts/fact.js';
import { percentBps } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const operatorConcentration = defineRule<{ mediumAtPercent: number; highAtPercent: number }>({
  id: 'operator-concentration',
  version: 1,
  dimension: 'operator',
  concern: 'one operator that holds much of the stake misbehaves or loses its keys',
  thresholds: {
    mediumAtPercent: { default: 33, min: 0, max: 100, integer: false, unit: '%', description: 'Share of the pool held by one operator from which the grade is medium' },
    highAtPercent: { default: 66, min: 0, max: 100, integer: false, unit: '%', description: 'Share of the pool held by one operator from which the grade is high' },
  },
  checkThresholds: (t) => (t.mediumAtPercent > t.highAtPercent ? ['mediumAtPercent must not be above highAtPercent'] : []),
  evaluate(facts, t) {
    const f = facts.signals.concentration;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const { shareBps, of } = f.value;
    const evidence = evidenceOf(f);
    const text = `one operator holds ${percentBps(shareBps)} of ${of}`;
    if (shareBps >= t.highAtPercent * 100) return { grade: 'high', sentence: sentence(`that operator is slashed or compromised: ${text}`), evidence };
    if (shareBps >= t.mediumAtPercent * 100) return { grade: 'medium', sentence: sentence(`that operator is slashed or compromised: ${text}`), evidence };
    return { grade: 'low', sentence: sentence(`an operator is slashed: the largest holds only ${percentBps(shareBps)} of ${of}`), evidence };
  },
});
