// Scheduled changes: a pending slash request (high) or a scheduled increase of exposure, new
// slasher or new stake (medium) will change the picture soon; decreases alone are low.
import { evidenceOf } from '../facts/fact.js';
import type { PendingChange } from '../facts/signals.js';
import { list } from '../format.js';
import { defineRule, sentence, unknownOutcome } from './rule.js';

const describe = (c: PendingChange): string => ({
  'slash-request': `a slash request by ${c.service} (may execute ${c.effective})`,
  'allocation-increase': `more stake allocated to ${c.service} (${c.effective})`,
  'allocation-decrease': `less stake allocated to ${c.service} (${c.effective})`,
  'slasher-change': `a new slasher for ${c.service} (${c.effective})`,
  'stake-add': `the stake added to ${c.service} (${c.effective})`,
  'stake-remove': `the stake removed from ${c.service} (${c.effective})`,
})[c.kind];

export const pendingChanges = defineRule<Record<string, never>>({
  id: 'pending-changes',
  version: 1,
  dimension: 'governance',
  concern: 'a scheduled change takes effect',
  thresholds: {},
  evaluate(facts) {
    const f = facts.signals.pending;
    if (!f) return null;
    if (f.status === 'unknown') return unknownOutcome(this, f.reason, f.evidence);
    const evidence = evidenceOf(f);
    const slash = f.value.filter((c) => c.kind === 'slash-request');
    if (slash.length > 0) return { grade: 'high', sentence: sentence(`a pending slash executes: ${list(slash.map(describe))}`), evidence };
    const up = f.value.filter((c) => c.kind === 'allocation-increase' || c.kind === 'slasher-change' || c.kind === 'stake-add');
    if (up.length > 0) return { grade: 'medium', sentence: sentence(`a scheduled change adds risk: ${list(up.map(describe))}`), evidence };
    if (f.value.length > 0) return { grade: 'low', sentence: sentence(`something unscheduled happens: only risk-reducing changes are pending (${list(f.value.map(describe))})`), evidence };
    return { grade: 'low', sentence: sentence('something unscheduled happens: no change is pending'), evidence };
  },
});
