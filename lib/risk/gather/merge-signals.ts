// An operator's signals from its vaults' signals: lists are joined, numbers take the worst vault.
// Used for Karak and Symbiotic operators, whose risk is the risk of the stake they run.
import { evidenceOf, known, unknown, type Fact } from '../facts/fact.js';
import type { Signals } from '../facts/signals.js';

/** An operator's signals: the union (lists) or the worst (numbers) of its vaults' signals. */
export function mergeSignals(list: Signals[], base: Fact<unknown>): Signals {
  if (base.status === 'unknown') return { slashing: unknown(base.reason) };
  const out: Signals = {};
  const keys = ['slashing', 'veto', 'destination', 'pending'] as const;
  for (const k of keys) {
    const facts = list.map((s) => s[k]).filter((f): f is NonNullable<typeof f> => f !== undefined);
    const bad = facts.find((f) => f.status === 'unknown');
    (out as Record<string, unknown>)[k] = bad ?? known(facts.flatMap((f) => (f as { value: unknown[] }).value), evidenceOf(...facts));
  }
  const pick = <K extends 'exitDelay' | 'sharedStake' | 'slashHistory' | 'concentration'>(k: K, score: (v: NonNullable<Signals[K]> & { status: 'known' }) => number) => {
    const facts = list.map((s) => s[k]).filter((f): f is NonNullable<Signals[K]> => f !== undefined);
    const bad = facts.find((f) => f.status === 'unknown');
    if (bad) return void ((out as Record<string, unknown>)[k] = bad);
    const known_ = facts as (NonNullable<Signals[K]> & { status: 'known' })[];
    if (known_.length > 0) (out as Record<string, unknown>)[k] = known_.reduce((a, b) => (score(b) > score(a) ? b : a));
  };
  pick('exitDelay', (f) => (f.value.slashable ? f.value.exit - f.value.exposure : -Infinity));
  pick('sharedStake', (f) => f.value.services);
  pick('slashHistory', (f) => f.value.count);
  pick('concentration', (f) => f.value.shareBps);
  if (list.length === 0) Object.assign(out, { slashing: known([]), veto: known([]), destination: known([]), pending: known([]) });
  return out;
}
