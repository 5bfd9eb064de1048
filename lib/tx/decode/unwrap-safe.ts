// Safe execTransaction(to, value, data, operation = CALL, ...) sent by an owner: the inner call runs
// with msg.sender = the Safe. DELEGATECALL (operation 1, e.g. MultiSend) is not unwrapped: the inner
// code would run as the Safe itself and its effect cannot be read from the calldata alone.
import { getAddress } from 'viem';
import { safeExecTransactionAbi } from '../abi/safe.js';
import type { TxLike } from '../types.js';
import { tryDecode } from './try-decode.js';

export function unwrapSafeExecTransaction(tx: TxLike): TxLike | null {
  const d = tryDecode(safeExecTransactionAbi, tx.data);
  if (!d) return null;
  const [to, value, data, operation] = d.args;
  if (operation !== 0) return null;
  return { chainId: tx.chainId, to, data, value, from: getAddress(tx.to!) };
}
