// Where slashed funds go: burned (low), to a protocol handler (medium), or redistributed to a
// recipient (high: whoever receives them gains from slashing).
import { evidenceOf } from '../facts/fact.js';
import { list, short } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const slashingRedistribution = defineRule<Record<string, never>>({
  id: 'slashing-redistribution',
  version: 1,
  dimension: 'slashing',
  concern: 'slashed funds are paid to someone instead of being burned',
  thresholds: {},
  evaluate(facts) {
    const f = facts.signals.destination;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const evidence = evidenceOf(f);
    if (f.value.length === 0) return { grade: 'low', sentence: sentence('a slasher is configured later: today nothing can slash this stake'), evidence };
    const redistribute = f.value.filter((d) => d.mode === 'redistribute');
    if (redistribute.length > 0) {
      return { grade: 'high', sentence: sentence(`${list(redistribute.map((d) => d.service))} slashes: the funds go to ${list(redistribute.map((d) => (d.recipient ? short(d.recipient) : 'a router-chosen receiver')))} instead of being burned, so the slash pays someone`), evidence };
    }
    const unknownDest = f.value.filter((d) => d.mode === 'unknown');
    if (unknownDest.length > 0) return unknownOutcome(this, `destination of slashed funds for ${unknownDest[0]!.service} is not a known burner`, evidence);
    const handler = f.value.filter((d) => d.mode === 'handler');
    if (handler.length > 0) {
      return { grade: 'medium', sentence: sentence(`${list(handler.map((d) => d.service))} slashes: the funds go to a handler contract${handler[0]!.recipient ? ` (${short(handler[0]!.recipient)})` : ''} whose owner decides what happens to them`), evidence };
    }
    return { grade: 'low', sentence: sentence('a slash happens: the slashed funds are burned, nobody receives them'), evidence };
  },
});
