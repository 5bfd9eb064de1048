// Local check of a claim proof from the (untrusted) rewards API against the distribution root the
// RewardsCoordinator holds, with the same rules as its _checkClaim: index bounds, whole 32-byte
// siblings, earner leaf -> root, every token leaf -> earnerTokenRoot. Also checks what the contract
// cannot know: that the claim is for the earner we asked about and names each token once.
import { getAddress, isAddressEqual, type Address, type Hex } from 'viem';
import type { RewardsMerkleClaim } from './claim-types.js';
import { indexFitsProof, processInclusionProof } from './keccak-merkle.js';
import { earnerLeafHash, tokenLeafHash } from './leaf-hashes.js';

export type ClaimProofVerification = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): ClaimProofVerification => ({ ok: false, reason });

export function verifyClaimProof(claim: RewardsMerkleClaim, expected: { root: Hex; earner: Address }): ClaimProofVerification {
  if (!isAddressEqual(claim.earnerLeaf.earner, expected.earner)) {
    return fail(`the proof is for earner ${getAddress(claim.earnerLeaf.earner)}, not ${getAddress(expected.earner)}`);
  }
  const n = claim.tokenLeaves.length;
  if (claim.tokenIndices.length !== n || claim.tokenTreeProofs.length !== n) return fail('token indices, proofs and leaves differ in length');
  const seen = new Set<string>();
  for (const leaf of claim.tokenLeaves) {
    const key = leaf.token.toLowerCase();
    if (seen.has(key)) return fail(`token ${getAddress(leaf.token)} appears twice in the proof`);
    seen.add(key);
  }
  if (!indexFitsProof(claim.earnerIndex, claim.earnerTreeProof)) return fail(`earner index ${claim.earnerIndex} does not fit its proof`);
  const root = processInclusionProof(claim.earnerTreeProof, earnerLeafHash(claim.earnerLeaf), claim.earnerIndex);
  if (root === null) return fail('earner proof is not a whole number of 32-byte hashes');
  if (root.toLowerCase() !== expected.root.toLowerCase()) return fail('earner leaf does not hash to the distribution root on chain');
  for (let i = 0; i < n; i++) {
    const leaf = claim.tokenLeaves[i]!;
    const proof = claim.tokenTreeProofs[i]!;
    if (!indexFitsProof(claim.tokenIndices[i]!, proof)) return fail(`token index ${claim.tokenIndices[i]} does not fit its proof`);
    const tokenRoot = processInclusionProof(proof, tokenLeafHash(leaf), claim.tokenIndices[i]!);
    if (tokenRoot === null) return fail(`token proof ${i} is not a whole number of 32-byte hashes`);
    if (tokenRoot.toLowerCase() !== claim.earnerLeaf.earnerTokenRoot.toLowerCase()) {
      return fail(`token leaf ${getAddress(leaf.token)} (${leaf.cumulativeEarnings}) does not hash to the earner's token root`);
    }
  }
  return { ok: true };
}
