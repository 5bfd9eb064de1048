// Exit versus exposure: when a new slashing exposure (allocation, stake update) or a slash request
// takes effect before a staker who disagrees can leave, leaving does not protect the stake.
import { evidenceOf } from '../facts/fact.js';
import { duration } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const exitDelay = defineRule<{ minHeadroomPercent: number }>({
  id: 'exit-delay',
  version: 1,
  dimension: 'exit',
  concern: 'new slashing risk takes effect before you can withdraw',
  thresholds: {
    minHeadroomPercent: { default: 10, min: 0, max: 1000, integer: false, unit: '%', description: 'How much longer than the exit the exposure delay must be to count as safe' },
  },
  evaluate(facts, t) {
    const f = facts.signals.exitDelay;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const d = f.value;
    const evidence = evidenceOf(f);
    if (!d.slashable) return { grade: 'low', sentence: sentence(`a slasher is added later: today nothing can slash this stake (exit takes ${duration(d.exit, d.unit)})`), evidence };
    const text = `${d.exposureLabel} takes ${duration(d.exposure, d.unit)} while ${d.exitLabel} takes ${duration(d.exit, d.unit)}`;
    if (d.exposure < d.exit) return { grade: 'high', sentence: sentence(`risk is added or a slash is requested after you decide to leave: ${text}`), evidence };
    // Headroom compared in integers: exposure*100 < exit*(100+headroom).
    if (d.exposure * 100 < d.exit * (100 + t.minHeadroomPercent)) return { grade: 'medium', sentence: sentence(`you react late to a new exposure: ${text}, leaving almost no margin`), evidence };
    return { grade: 'low', sentence: sentence(`you do not start withdrawing as soon as a new exposure is announced: ${text}`), evidence };
  },
});
