// Builds a distribution the way EigenLayer's rewards pipeline does (eigenlayer-rewards-proofs'
// Distribution.Merklize): earners sorted by address, each with a token subtree (tokens sorted by
// address) whose root goes into the earner leaf; both trees padded per keccak-merkle.ts. Used by the
// devnet (roots the RewardsCoordinator stores), the devnet Sidecar server and tests.
import { getAddress, hexToBigInt, type Address, type Hex } from 'viem';
import type { EarningsLine, RewardsMerkleClaim } from './claim-types.js';
import { layersRoot, merkleLayers, merkleProof } from './keccak-merkle.js';
import { earnerLeafHash, tokenLeafHash } from './leaf-hashes.js';

export interface RewardsTreeToken {
  token: Address;
  index: number;
  cumulativeEarnings: bigint;
  proof: Hex;
}

export interface RewardsTreeEarner {
  earner: Address;
  index: number;
  earnerTokenRoot: Hex;
  proof: Hex;
  tokens: RewardsTreeToken[];
}

export interface RewardsTree {
  root: Hex;
  earners: RewardsTreeEarner[];
}

const byAddress = (a: Address, b: Address) => {
  const x = hexToBigInt(a);
  const y = hexToBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function buildRewardsTree(lines: readonly EarningsLine[]): RewardsTree {
  const grouped = new Map<Address, Map<Address, bigint>>();
  for (const line of lines) {
    if (line.cumulativeEarnings < 0n || line.cumulativeEarnings >= 2n ** 256n) throw new RangeError(`cumulativeEarnings out of uint256 range for ${line.earner}`);
    const earner = getAddress(line.earner);
    const token = getAddress(line.token);
    const tokens = grouped.get(earner) ?? new Map<Address, bigint>();
    if (tokens.has(token)) throw new Error(`duplicate earnings line for ${earner} / ${token}`);
    tokens.set(token, line.cumulativeEarnings);
    grouped.set(earner, tokens);
  }
  const earnerAddresses = [...grouped.keys()].sort(byAddress);
  const partial = earnerAddresses.map((earner, index) => {
    const leaves = [...grouped.get(earner)!.entries()].sort(([a], [b]) => byAddress(a, b)).map(([token, cumulativeEarnings]) => ({ token, cumulativeEarnings }));
    const layers = merkleLayers(leaves.map(tokenLeafHash));
    const tokens = leaves.map((leaf, i) => ({ ...leaf, index: i, proof: merkleProof(layers, i) }));
    return { earner, index, earnerTokenRoot: layersRoot(layers), tokens };
  });
  const earnerLayers = merkleLayers(partial.map(earnerLeafHash));
  return {
    root: layersRoot(earnerLayers),
    earners: partial.map((e) => ({ ...e, proof: merkleProof(earnerLayers, e.index) })),
  };
}

/** The claim for `earner` (all its tokens, or only `tokens`) against `rootIndex`; null when it earns nothing. */
export function claimFromTree(tree: RewardsTree, rootIndex: number, earner: Address, tokens?: readonly Address[]): RewardsMerkleClaim | null {
  const entry = tree.earners.find((e) => e.earner === getAddress(earner));
  if (!entry) return null;
  const wanted = tokens && tokens.length > 0 ? new Set(tokens.map((t) => getAddress(t))) : null;
  const picked = entry.tokens.filter((t) => !wanted || wanted.has(t.token));
  return {
    rootIndex,
    earnerIndex: entry.index,
    earnerTreeProof: entry.proof,
    earnerLeaf: { earner: entry.earner, earnerTokenRoot: entry.earnerTokenRoot },
    tokenIndices: picked.map((t) => t.index),
    tokenTreeProofs: picked.map((t) => t.proof),
    tokenLeaves: picked.map((t) => ({ token: t.token, cumulativeEarnings: t.cumulativeEarnings })),
  };
}
