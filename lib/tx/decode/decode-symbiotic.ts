// Symbiotic vault write paths (§6.2 Vault; fragments in lib/protocols/symbiotic/write-abi.ts).
// Only called for an address the caller's lookup says is a vault.
import { vaultWriteAbi } from '../../protocols/symbiotic/write-abi.js';
import type { DecodedRestakingCall, TxLike } from '../types.js';
import { callBase, tryDecode } from './try-decode.js';

export function decodeSymbioticVault(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(vaultWriteAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  const vault = base.target;
  switch (d.functionName) {
    case 'deposit':
      return { ...base, protocol: 'symbiotic', action: 'deposit', vault, onBehalfOf: d.args[0], amount: d.args[1] };
    case 'withdraw':
      return { ...base, protocol: 'symbiotic', action: 'withdraw', vault, claimer: d.args[0], amount: d.args[1] };
    case 'redeem':
      return { ...base, protocol: 'symbiotic', action: 'redeem', vault, claimer: d.args[0], shares: d.args[1] };
    default:
      return null;
  }
}
