// Asks the rewards API for the earner's claim proof against the root that is active on chain at the
// snapshot block, and believes it only if it verifies against that root's hash as read on chain.
// Outcomes map to EigenLayerClaimable: API down -> unavailable; nothing for the earner -> none;
// malformed or non-verifying proof -> rejected (never shown as money).
import type { Address } from 'viem';
import { SidecarNotFoundError, SidecarResponseError } from '../../errors/errors.js';
import type { DistributionRootInfo, EigenLayerClaimable } from '../types.js';
import type { RewardsMerkleClaim } from './claim-types.js';
import type { SidecarClient } from './sidecar-client.js';
import { verifyClaimProof } from './verify-claim-proof.js';

export type ClaimOutcome = { kind: 'verified'; claim: RewardsMerkleClaim } | { kind: 'final'; claimable: EigenLayerClaimable };

const final = (claimable: EigenLayerClaimable): ClaimOutcome => ({ kind: 'final', claimable });

export async function fetchVerifiedClaim(sidecar: SidecarClient, earner: Address, active: DistributionRootInfo): Promise<ClaimOutcome> {
  let answer;
  try {
    answer = await sidecar.claimProof({ earnerAddress: earner, rootIndex: active.index });
  } catch (e) {
    if (e instanceof SidecarNotFoundError) return final({ status: 'none', reason: 'the rewards API has no earnings for this address' });
    if (e instanceof SidecarResponseError) return final({ status: 'rejected', reason: e.message, rootIndex: null });
    return final({ status: 'unavailable', reason: (e as Error).message });
  }
  const { claim } = answer;
  if (claim.rootIndex !== active.index) {
    return final({ status: 'rejected', reason: `the rewards API answered for root ${claim.rootIndex}, not the active root ${active.index}`, rootIndex: claim.rootIndex });
  }
  if (claim.tokenLeaves.length === 0) return final({ status: 'none', reason: 'the rewards API lists no tokens for this address' });
  // The API's own `root` field is not trusted: the proof must reach the hash the contract stores.
  const check = verifyClaimProof(claim, { root: active.root, earner });
  if (!check.ok) return final({ status: 'rejected', reason: `proof does not verify against root ${active.index} on chain: ${check.reason}`, rootIndex: active.index });
  return { kind: 'verified', claim };
}
