// What an address is, in risk terms: one of nine entity kinds across the three protocols.
import type { Address } from 'viem';
import type { RegistryEntry } from '../registry/types.js';

export type EntityKind =
  | 'eigenlayer-operator' | 'eigenlayer-avs' | 'eigenlayer-operator-set'
  | 'symbiotic-vault' | 'symbiotic-network' | 'symbiotic-operator'
  | 'karak-vault' | 'karak-dss' | 'karak-operator';

export const ENTITY_KINDS: readonly EntityKind[] = [
  'eigenlayer-operator', 'eigenlayer-avs', 'eigenlayer-operator-set',
  'symbiotic-vault', 'symbiotic-network', 'symbiotic-operator',
  'karak-vault', 'karak-dss', 'karak-operator',
];

export interface EntityRef {
  kind: EntityKind;
  address: Address;
  /** EigenLayer operator sets: the set id under the AVS `address`. */
  operatorSetId?: number;
}

export interface ResolvedEntity extends EntityRef {
  /** How it was recognised: the bundled registry, or a chain check (e.g. DelegationManager.isOperator). */
  via: 'registry' | 'chain';
  /** The registry entry if any (name, category, website, sources, confidence). */
  registry: RegistryEntry | null;
}

export const entityLabel = (e: EntityRef): string => (e.kind === 'eigenlayer-operator-set' ? `${e.kind} ${e.address}/${e.operatorSetId}` : `${e.kind} ${e.address}`);
