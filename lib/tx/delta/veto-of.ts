// How a slash of one exposure executes, per protocol: EigenLayer slashes at once; a Symbiotic veto
// slasher waits vetoDuration for the subnetwork's resolver; Karak waits SLASHING_VETO_WINDOW for
// the protocol's veto committee (a V2 constant, lib/risk/gather/karak-vault.ts).
import type { Exposure } from '../../portfolio/types.js';
import { KARAK_CONSTANTS } from '../../risk/gather/karak-vault.js';
import type { VetoTerms } from './types.js';

export function vetoOf(e: Exposure): VetoTerms {
  if (e.protocol === 'karak') return { mode: 'committee', windowSeconds: KARAK_CONSTANTS.SLASHING_VETO_WINDOW };
  if (e.protocol === 'symbiotic' && e.symbiotic?.slasherType === 'veto') {
    const resolver = e.symbiotic.resolver ?? null;
    // Without a resolver the request still waits, but nobody can stop it.
    return { mode: 'veto', windowSeconds: e.symbiotic.vetoDuration ?? null, resolver };
  }
  return { mode: 'instant', windowSeconds: null };
}
