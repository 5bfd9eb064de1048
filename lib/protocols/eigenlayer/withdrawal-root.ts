// EigenLayer's withdrawal root = keccak256(abi.encode(Withdrawal)), as
// DelegationManager.calculateWithdrawalRoot computes it; derived locally to save a call per withdrawal.
import { encodeAbiParameters, keccak256, type Address, type Hex } from 'viem';

export interface EigenWithdrawal {
  staker: Address;
  delegatedTo: Address;
  withdrawer: Address;
  nonce: bigint;
  startBlock: number;
  strategies: readonly Address[];
  scaledShares: readonly bigint[];
}

const WITHDRAWAL_TUPLE = [
  {
    type: 'tuple',
    components: [
      { name: 'staker', type: 'address' },
      { name: 'delegatedTo', type: 'address' },
      { name: 'withdrawer', type: 'address' },
      { name: 'nonce', type: 'uint256' },
      { name: 'startBlock', type: 'uint32' },
      { name: 'strategies', type: 'address[]' },
      { name: 'scaledShares', type: 'uint256[]' },
    ],
  },
] as const;

export function withdrawalRoot(w: EigenWithdrawal): Hex {
  return keccak256(encodeAbiParameters(WITHDRAWAL_TUPLE, [w]));
}
