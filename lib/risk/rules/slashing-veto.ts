// Can a slash be stopped? Instant slashing or a veto slasher without a resolver: nobody can stop it
// (high). A veto window shorter than the threshold leaves little time (medium).
import { evidenceOf } from '../facts/fact.js';
import { duration, list, short } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

export const slashingVeto = defineRule<{ minVetoWindowSeconds: number }>({
  id: 'slashing-veto',
  version: 1,
  dimension: 'slashing',
  concern: 'a slash executes without anyone able to veto it',
  thresholds: {
    minVetoWindowSeconds: { default: 86_400, min: 0, max: 90 * 86_400, integer: true, unit: 'seconds', description: 'Shortest veto window that counts as real protection' },
  },
  evaluate(facts, t) {
    const f = facts.signals.veto;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const evidence = evidenceOf(f);
    if (f.value.length === 0) return { grade: 'low', sentence: sentence('a slasher is configured later: today nothing can slash this stake, so no veto is needed'), evidence };
    const instant = f.value.filter((p) => p.mode === 'instant');
    if (instant.length > 0) return { grade: 'high', sentence: sentence(`${list(instant.map((p) => p.service))} slashes: the slash is instant and nobody can veto it`), evidence };
    const noResolver = f.value.filter((p) => p.mode === 'veto' && p.resolver === null);
    if (noResolver.length > 0) {
      return { grade: 'high', sentence: sentence(`${list(noResolver.map((p) => p.service))} requests a slash: no resolver is set, so nobody can veto it before it executes`), evidence };
    }
    const unknownWindow = f.value.filter((p) => p.windowSeconds === null);
    if (unknownWindow.length > 0) return unknownOutcome(this, `veto window of ${unknownWindow[0]!.service} not read`, evidence);
    const short_ = f.value.filter((p) => p.windowSeconds! < t.minVetoWindowSeconds);
    if (short_.length > 0) {
      return { grade: 'medium', sentence: sentence(`${list(short_.map((p) => `${p.service} (veto window ${duration(p.windowSeconds!, 'seconds')}${p.resolver ? `, resolver ${short(p.resolver)}` : ''})`))} requests a slash and the resolver does not act within the short window`), evidence };
    }
    return { grade: 'low', sentence: sentence(`a slash is requested and the ${f.value.some((p) => p.mode === 'committee') ? 'veto committee' : 'resolver'} does not veto it within ${duration(Math.min(...f.value.map((p) => p.windowSeconds!)), 'seconds')}`), evidence };
  },
});
