// Leverage: the same stake backs several services, and each can slash it. More services means more
// independent ways to lose the same funds.
import { evidenceOf } from '../facts/fact.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const sharedStake = defineRule<{ mediumAtServices: number; highAtServices: number }>({
  id: 'shared-stake',
  version: 1,
  dimension: 'leverage',
  concern: 'any one of the services sharing the same stake slashes it',
  thresholds: {
    mediumAtServices: { default: 2, min: 1, max: 1000, integer: true, unit: 'services', description: 'Services sharing one stake from which the grade is medium' },
    highAtServices: { default: 4, min: 1, max: 1000, integer: true, unit: 'services', description: 'Services sharing one stake from which the grade is high' },
  },
  checkThresholds: (t) => (t.mediumAtServices > t.highAtServices ? ['mediumAtServices must not be above highAtServices'] : []),
  evaluate(facts, t) {
    const f = facts.signals.sharedStake;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const { services, where } = f.value;
    const evidence = evidenceOf(f);
    const text = `${services} service${services === 1 ? '' : 's'} can slash the same stake (${where})`;
    if (services >= t.highAtServices) return { grade: 'high', sentence: sentence(`any one of them slashes: ${text}`), evidence };
    if (services >= t.mediumAtServices) return { grade: 'medium', sentence: sentence(`either of them slashes: ${text}`), evidence };
    return { grade: 'low', sentence: sentence(services === 0 ? `a service is added later: none can slash this stake now (${where})` : `that service slashes: ${text}`), evidence };
  },
});
