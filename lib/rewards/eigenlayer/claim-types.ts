// The RewardsCoordinator claim struct as viem encodes it (uint32 -> number, uint256 -> bigint), so a
// claim built or verified here can be passed to processClaim/checkClaim unchanged.
import type { Address, Hex } from 'viem';

export interface EarnerLeaf {
  earner: Address;
  earnerTokenRoot: Hex;
}

export interface TokenLeaf {
  token: Address;
  cumulativeEarnings: bigint;
}

export interface RewardsMerkleClaim {
  rootIndex: number;
  earnerIndex: number;
  /** Concatenated 32-byte siblings, leaf level first. */
  earnerTreeProof: Hex;
  earnerLeaf: EarnerLeaf;
  tokenIndices: number[];
  tokenTreeProofs: Hex[];
  tokenLeaves: TokenLeaf[];
}

/** One line of a distribution: cumulative (all-time) earnings of one earner in one token. */
export interface EarningsLine {
  earner: Address;
  token: Address;
  cumulativeEarnings: bigint;
}
