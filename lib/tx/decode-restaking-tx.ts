// Entry point of the decoder: resolve (to, selector) against the known-targets table, then decode
// with that contract's ABI only. Unknown target, unknown selector, malformed calldata, contract
// creation or another chain -> null, which the guard treats as "pass through untouched".
import { getAddress, isAddress, isHex, size } from 'viem';
import { decodeDelegationManager, decodeStrategyManager } from './decode/decode-eigenlayer.js';
import { decodeKarakDelegationSupervisor, decodeKarakV2Vault, decodeKarakVaultSupervisor } from './decode/decode-karak.js';
import { decodeLrt } from './decode/decode-lrt.js';
import { decodeSymbioticVault } from './decode/decode-symbiotic.js';
import { unwrapSafeExecTransaction } from './decode/unwrap-safe.js';
import { resolveTarget, type KnownTargets } from './known-targets.js';
import type { DecodedRestakingCall, TxLike } from './types.js';

function decodeDirect(tx: TxLike, known: KnownTargets): DecodedRestakingCall | null {
  const target = resolveTarget(known, tx.to!);
  if (!target) return null;
  switch (target.kind) {
    case 'eigenlayer-delegation-manager': return decodeDelegationManager(tx);
    case 'eigenlayer-strategy-manager': return decodeStrategyManager(tx);
    case 'karak-v1-vault-supervisor': return decodeKarakVaultSupervisor(tx);
    case 'karak-v1-delegation-supervisor': return decodeKarakDelegationSupervisor(tx);
    case 'symbiotic-vault': return decodeSymbioticVault(tx);
    case 'karak-v2-vault': return decodeKarakV2Vault(tx);
    case 'lrt': return decodeLrt(target, tx);
  }
}

/** Input checks the page could get wrong (or abuse): every field is untrusted. */
function isDecodable(tx: TxLike, known: KnownTargets): boolean {
  return tx.chainId === known.chainId
    && typeof tx.to === 'string' && isAddress(tx.to, { strict: false })
    && isHex(tx.data, { strict: true }) && size(tx.data) >= 4;
}

export function decodeRestakingTx(tx: TxLike, known: KnownTargets): DecodedRestakingCall | null {
  if (!isDecodable(tx, known)) return null;
  const direct = decodeDirect(tx, known);
  if (direct) return direct;
  // One level of Safe execTransaction: the Safe is the staker, its owner only relays.
  const inner = unwrapSafeExecTransaction(tx);
  if (!inner || !isDecodable(inner, known)) return null;
  const call = decodeDirect(inner, known);
  return call ? { ...call, via: { kind: 'safe-exec-transaction', wallet: getAddress(tx.to!) } } : null;
}
