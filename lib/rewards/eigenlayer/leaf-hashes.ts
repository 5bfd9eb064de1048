// Leaf hashing of the rewards trees (reference §1.5): keccak256(abi.encodePacked(salt, address, value))
// with salt 0 for earner leaves and 1 for token leaves, so an earner leaf can never pass as a token leaf.
import { encodePacked, keccak256, type Hex } from 'viem';
import type { EarnerLeaf, TokenLeaf } from './claim-types.js';

export const EARNER_LEAF_SALT = 0;
export const TOKEN_LEAF_SALT = 1;

export function earnerLeafHash(leaf: EarnerLeaf): Hex {
  return keccak256(encodePacked(['uint8', 'address', 'bytes32'], [EARNER_LEAF_SALT, leaf.earner, leaf.earnerTokenRoot]));
}

export function tokenLeafHash(leaf: TokenLeaf): Hex {
  return keccak256(encodePacked(['uint8', 'address', 'uint256'], [TOKEN_LEAF_SALT, leaf.token, leaf.cumulativeEarnings]));
}
