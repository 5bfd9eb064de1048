// Strict schemas of the four public Sidecar endpoints used (reference §1.5). Unknown extra fields are
// ignored (forward compatible); missing or malformed documented fields reject the whole answer.
import type { Address, Hex } from 'viem';
import type { RewardsMerkleClaim } from './claim-types.js';
import { sidecarAddress, sidecarAmount, sidecarArray, sidecarBool, sidecarBytes, sidecarObject, sidecarTimestamp, sidecarUint } from './sidecar-values.js';

/** Bounds: far above real answers (an earner has a few dozen tokens, trees ~2^20 leaves). */
const MAX_TOKENS = 512;
const MAX_PROOF_BYTES = 64 * 32;
const MAX_ROOTS = 100_000;

export interface SidecarClaimProof {
  root: Hex;
  claim: RewardsMerkleClaim;
}

export function parseClaimProofResponse(json: unknown): SidecarClaimProof {
  const proof = sidecarObject(sidecarObject(json, 'body').proof, 'proof');
  const leaf = sidecarObject(proof.earnerLeaf, 'proof.earnerLeaf');
  // Older protos named the token indices leafIndices.
  const indices = sidecarArray(proof.tokenIndices ?? proof.leafIndices, 'proof.tokenIndices', MAX_TOKENS).map((v, i) => sidecarUint(v, `proof.tokenIndices[${i}]`));
  const proofs = sidecarArray(proof.tokenTreeProofs, 'proof.tokenTreeProofs', MAX_TOKENS).map((v, i) =>
    sidecarBytes(v, `proof.tokenTreeProofs[${i}]`, { multipleOf: 32, max: MAX_PROOF_BYTES }),
  );
  const leaves = sidecarArray(proof.tokenLeaves, 'proof.tokenLeaves', MAX_TOKENS).map((v, i) => {
    const o = sidecarObject(v, `proof.tokenLeaves[${i}]`);
    return { token: sidecarAddress(o.token, `proof.tokenLeaves[${i}].token`), cumulativeEarnings: sidecarAmount(o.cumulativeEarnings, `proof.tokenLeaves[${i}].cumulativeEarnings`) };
  });
  return {
    root: sidecarBytes(proof.root, 'proof.root', { exact: 32 }),
    claim: {
      rootIndex: sidecarUint(proof.rootIndex ?? 0, 'proof.rootIndex'),
      earnerIndex: sidecarUint(proof.earnerIndex ?? 0, 'proof.earnerIndex'),
      earnerTreeProof: sidecarBytes(proof.earnerTreeProof ?? '', 'proof.earnerTreeProof', { multipleOf: 32, max: MAX_PROOF_BYTES }),
      earnerLeaf: { earner: sidecarAddress(leaf.earner, 'proof.earnerLeaf.earner'), earnerTokenRoot: sidecarBytes(leaf.earnerTokenRoot, 'proof.earnerLeaf.earnerTokenRoot', { exact: 32 }) },
      tokenIndices: indices,
      tokenTreeProofs: proofs,
      tokenLeaves: leaves,
    },
  };
}

export interface SidecarSummarizedReward {
  token: Address;
  earned: bigint;
  /** Earned in roots past activation; absent in older Sidecars. */
  active: bigint | null;
  claimed: bigint;
  claimable: bigint;
}

export function parseSummarizedRewardsResponse(json: unknown): SidecarSummarizedReward[] {
  return sidecarArray(sidecarObject(json, 'body').rewards, 'rewards', MAX_TOKENS).map((v, i) => {
    const o = sidecarObject(v, `rewards[${i}]`);
    const f = (k: string) => `rewards[${i}].${k}`;
    return {
      token: sidecarAddress(o.token, f('token')),
      earned: sidecarAmount(o.earned ?? '0', f('earned')),
      active: o.active === undefined ? null : sidecarAmount(o.active, f('active')),
      claimed: sidecarAmount(o.claimed ?? '0', f('claimed')),
      claimable: sidecarAmount(o.claimable ?? '0', f('claimable')),
    };
  });
}

export interface SidecarDistributionRoot {
  root: Hex;
  rootIndex: number;
  rewardsCalculationEnd: number;
  activatedAt: number;
  disabled: boolean;
  createdAtBlockNumber: bigint | null;
  transactionHash: Hex | null;
}

export function parseDistributionRootsResponse(json: unknown): SidecarDistributionRoot[] {
  return sidecarArray(sidecarObject(json, 'body').distributionRoots, 'distributionRoots', MAX_ROOTS).map((v, i) => {
    const o = sidecarObject(v, `distributionRoots[${i}]`);
    const f = (k: string) => `distributionRoots[${i}].${k}`;
    return {
      root: sidecarBytes(o.root, f('root'), { exact: 32 }),
      rootIndex: sidecarUint(o.rootIndex ?? 0, f('rootIndex')),
      rewardsCalculationEnd: sidecarTimestamp(o.rewardsCalculationEnd, f('rewardsCalculationEnd')),
      activatedAt: sidecarTimestamp(o.activatedAt, f('activatedAt')),
      disabled: sidecarBool(o.disabled, f('disabled')),
      createdAtBlockNumber: o.createdAtBlockNumber === undefined ? null : BigInt(sidecarUint(o.createdAtBlockNumber, f('createdAtBlockNumber'), Number.MAX_SAFE_INTEGER)),
      transactionHash: o.transactionHash === undefined ? null : sidecarBytes(o.transactionHash, f('transactionHash'), { exact: 32 }),
    };
  });
}

export function parseHealthResponse(json: unknown): { status: string | null } {
  const o = sidecarObject(json, 'body');
  return { status: typeof o.status === 'string' ? o.status.slice(0, 64) : null };
}
