// Who can slash: no slasher (low), contracts only (medium), or a single key (high). An EOA slasher
// means one leaked or misused private key can take the stake.
import { evidenceOf } from '../facts/fact.js';
import { list, short } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const slashingAuthority = defineRule<{ highAtSingleKeySlashers: number }>({
  id: 'slashing-authority',
  version: 1,
  dimension: 'slashing',
  concern: 'a service that can slash this stake decides to slash it',
  thresholds: {
    highAtSingleKeySlashers: { default: 1, min: 1, max: 100, integer: true, unit: 'slashers', description: 'Number of slashers that are a single key (EOA) from which the grade is high' },
  },
  evaluate(facts, t) {
    const f = facts.signals.slashing;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const active = f.value.filter((p) => p.slasher !== null);
    const evidence = evidenceOf(f);
    if (active.length === 0) return { grade: 'low', sentence: sentence('a slasher is configured later: today no service can slash this stake'), evidence };
    const eoas = active.filter((p) => p.slasherCode === 'eoa');
    if (eoas.length >= t.highAtSingleKeySlashers) {
      return { grade: 'high', sentence: sentence(`a single key signs a slash: ${list(eoas.map((p) => `${p.service} (slasher ${short(p.slasher!)} is an EOA)`))}`), evidence };
    }
    // An unread slasher could be one more EOA and change the grade.
    const unread = active.filter((p) => p.slasherCode === null);
    if (unread.length > 0) return unknownOutcome(this, `code of slasher ${short(unread[0]!.slasher!)} not read`, evidence);
    const who = eoas.length > 0 ? `; ${eoas.length} of them a single key` : '';
    return { grade: 'medium', sentence: sentence(`the slashing contract of ${list(active.map((p) => p.service))} slashes (${active.length} service${active.length === 1 ? '' : 's'} can slash${who})`), evidence };
  },
});
