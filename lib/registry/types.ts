// The registry model: curated facts about named restaking entities (bundled, offline). Everything in
// it came from files and is validated on load (parse-registry-entry.ts); fields that were not
// established in the sources are null, never a guessed value.
import type { Address } from 'viem';

export type RegistryKind =
  | 'eigenlayer-avs' | 'eigenlayer-operator' | 'eigenlayer-core'
  | 'symbiotic-vault' | 'symbiotic-default-collateral' | 'symbiotic-network' | 'symbiotic-operator' | 'symbiotic-token'
  | 'karak-core' | 'karak-vault' | 'karak-dss'
  | 'lrt-token';

export type Confidence = 'high' | 'medium' | 'low';

export interface RegistryEntry {
  chainId: number;
  address: Address;
  kind: RegistryKind;
  /** Null for addresses a source labels without naming (e.g. LRT-affiliated EigenLayer operators). */
  name: string | null;
  category: string | null;
  website: string | null;
  description: string | null;
  sources: string[];
  confidence: Confidence;
  /** Which bundled file (and list) the entry came from, for "why does it say that". */
  origin: string;
}

/** A record that was not loaded, with the reason (shown by tests and a future diagnostics page). */
export interface RejectedRecord {
  where: string;
  reason: string;
}

export interface ParsedRegistry {
  entries: RegistryEntry[];
  rejected: RejectedRecord[];
}
