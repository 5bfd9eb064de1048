// Binary keccak256 merkle tree in the layout EigenLayer's rewards use: the tree builder the Sidecar
// relies on pads the leaf level with 32 zero bytes up to the next power of two (a single leaf is its
// own root, with an empty proof), parents are keccak256(left || right), and a proof lists the
// siblings bottom-up. The RewardsCoordinator walks it like Merkle.processInclusionProofKeccak: an
// even index means the running hash is the left child.
import { concat, keccak256, size, slice, zeroHash, type Hex } from 'viem';

/** All levels, leaves (padded) first, root level last. */
export function merkleLayers(leaves: readonly Hex[]): Hex[][] {
  if (leaves.length === 0) throw new RangeError('a merkle tree needs at least one leaf');
  let width = 1;
  while (width < leaves.length) width *= 2;
  const layers: Hex[][] = [[...leaves, ...Array<Hex>(width - leaves.length).fill(zeroHash)]];
  while (layers[layers.length - 1]!.length > 1) {
    const below = layers[layers.length - 1]!;
    const above: Hex[] = [];
    for (let i = 0; i < below.length; i += 2) above.push(keccak256(concat([below[i]!, below[i + 1]!])));
    layers.push(above);
  }
  return layers;
}

export const layersRoot = (layers: readonly Hex[][]): Hex => layers[layers.length - 1]![0]!;

/** The proof of leaf `index`: one sibling per level below the root, concatenated. */
export function merkleProof(layers: readonly Hex[][], index: number): Hex {
  if (!Number.isInteger(index) || index < 0 || index >= layers[0]!.length) throw new RangeError(`leaf index ${index} is outside the tree`);
  const siblings: Hex[] = [];
  let i = index;
  for (let level = 0; level < layers.length - 1; level++) {
    siblings.push(layers[level]![i ^ 1]!);
    i >>= 1;
  }
  return siblings.length === 0 ? '0x' : concat(siblings);
}

/** Walks `proof` up from `leaf`; null when the proof is not a whole number of 32-byte siblings. */
export function processInclusionProof(proof: Hex, leaf: Hex, index: number): Hex | null {
  const length = size(proof);
  if (length % 32 !== 0) return null;
  let h = leaf;
  let i = BigInt(index);
  for (let offset = 0; offset < length; offset += 32) {
    const sibling = slice(proof, offset, offset + 32);
    h = i % 2n === 0n ? keccak256(concat([h, sibling])) : keccak256(concat([sibling, h]));
    i /= 2n;
  }
  return h;
}

/** RewardsCoordinator's index bound: index < 2^(siblings), so one proof fits exactly one position. */
export function indexFitsProof(index: number, proof: Hex): boolean {
  return Number.isInteger(index) && index >= 0 && BigInt(index) < 1n << BigInt(Math.floor(size(proof) / 32));
}
