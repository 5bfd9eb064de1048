// Address -> registry entries, case-insensitive (pages and URLs often show lowercase addresses).
// One address may carry several entries (an operator listed by EigenLayer and Symbiotic sources).
import type { Address } from 'viem';
import type { ParsedRegistry, RegistryEntry, RegistryKind } from './types.js';

export interface Registry {
  readonly size: number;
  /** Every entry for `address` on `chainId` (default mainnet), best confidence first. */
  lookup(address: string, chainId?: number): RegistryEntry[];
  /** The best entry of one of `kinds`, or null. */
  lookupKind(address: string, kinds: readonly RegistryKind[], chainId?: number): RegistryEntry | null;
}

const RANK = { high: 0, medium: 1, low: 2 } as const;
const key = (chainId: number, address: string) => `${chainId}:${address.toLowerCase()}`;

export function createRegistry(...parts: readonly Pick<ParsedRegistry, 'entries'>[]): Registry {
  const index = new Map<string, RegistryEntry[]>();
  let size = 0;
  for (const part of parts) {
    for (const e of part.entries) {
      const k = key(e.chainId, e.address);
      index.set(k, [...(index.get(k) ?? []), e].sort((a, b) => RANK[a.confidence] - RANK[b.confidence]));
      size++;
    }
  }
  const lookup = (address: string, chainId = 1) => (typeof address === 'string' ? (index.get(key(chainId, address.trim())) ?? []) : []);
  return {
    size,
    lookup,
    lookupKind: (address, kinds, chainId = 1) => lookup(address, chainId).find((e) => kinds.includes(e.kind)) ?? null,
  };
}

export const EMPTY_REGISTRY: Registry = createRegistry();
export type { Address };
