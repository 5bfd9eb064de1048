// "Is this log really from a Symbiotic contract?" The filter is by topic only, so any contract can
// emit a look-alike OnSlash / Slash / SetNetworkLimit. A vault counts only if the VaultFactory says
// `isEntity(vault)`; a slasher or delegator only if its `vault()` is such a vault AND that vault
// names it back (`vault.slasher()` / `vault.delegator()`). All read at the log's block.
import { getAddress, type Address } from 'viem';
import type { EmitterKind } from './events.js';

export interface EmitterReads {
  isEntity(vault: Address, block: bigint): Promise<boolean>;
  /** `vault()` of a slasher or delegator; null when the contract refuses the call. */
  vaultOf(contract: Address, block: bigint): Promise<Address | null>;
  /** `slasher()` / `delegator()` of a (factory-verified) vault. */
  partOf(vault: Address, kind: 'slasher' | 'delegator', block: bigint): Promise<Address | null>;
}

/** The verified vault the log belongs to, or null for a contract that is not part of Symbiotic. */
export async function verifyEmitter(reads: EmitterReads, kind: EmitterKind, emitter: Address, block: bigint): Promise<Address | null> {
  if (kind === 'vault') return (await reads.isEntity(emitter, block)) ? getAddress(emitter) : null;
  const vault = await reads.vaultOf(emitter, block);
  if (!vault || !(await reads.isEntity(vault, block))) return null;
  const named = await reads.partOf(vault, kind, block);
  return named && named.toLowerCase() === emitter.toLowerCase() ? getAddress(vault) : null;
}
