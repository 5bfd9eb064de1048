// The one outer wrapper the decoder unwraps: a Safe (Gnosis Safe v1.x) `execTransaction` sent by an
// owner (docs/tx-guard.md, "What is not decoded", lists the others). Not in the reference: this is the
// Safe contracts' public ABI (selector 0x6a761202, pinned in selectors.test.ts).
import { parseAbi } from 'viem';

export const safeExecTransactionAbi = parseAbi([
  'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool success)',
]);
