// Vault lookups are synchronous (decoding runs on every intercepted transaction), but a vault may be
// one the adapters have not discovered yet. This tells the caller which address to verify on chain
// (Symbiotic VaultFactory.isEntity, Karak Core vault ownership) before decoding again.
import { getAddress, isAddress, isHex, size, slice, toFunctionSelector, type Address } from 'viem';
import { vaultWriteAbi } from '../protocols/symbiotic/write-abi.js';
import { vaultAbi as karakVaultAbi } from '../protocols/karak/abi.js';
import { resolveTarget, type KnownTargets } from './known-targets.js';
import type { TxLike } from './types.js';

const VAULT_WRITES = new Set(['deposit', 'withdraw', 'redeem', 'mint', 'startRedeem']);
const VAULT_SELECTORS = new Set(
  [...vaultWriteAbi, ...karakVaultAbi]
    .filter((i) => i.type === 'function' && VAULT_WRITES.has(i.name))
    .map((i) => toFunctionSelector(i as Parameters<typeof toFunctionSelector>[0])),
);

/** The `to` address when it is unknown to the table and the selector is a Symbiotic/Karak vault write; else null. */
export function vaultLookupCandidate(tx: TxLike, known: KnownTargets): Address | null {
  if (tx.chainId !== known.chainId || typeof tx.to !== 'string' || !isAddress(tx.to, { strict: false })) return null;
  if (!isHex(tx.data, { strict: true }) || size(tx.data) < 4) return null;
  if (!VAULT_SELECTORS.has(slice(tx.data, 0, 4))) return null;
  return resolveTarget(known, tx.to) === null ? getAddress(tx.to) : null;
}
