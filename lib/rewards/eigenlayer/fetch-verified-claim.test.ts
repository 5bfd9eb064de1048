import { describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { SidecarNotFoundError, SidecarResponseError, SidecarUnavailableError } from '../../errors/errors.js';
import type { DistributionRootInfo } from '../types.js';
import { buildRewardsTree, claimFromTree } from './build-rewards-tree.js';
import { fetchVerifiedClaim } from './fetch-verified-claim.js';
import type { SidecarClient } from './sidecar-client.js';

const ME = getAddress('0x00000000000000000000000000000000000000a1');
const TOKEN = getAddress('0x00000000000000000000000000000000000000e1');
const tree = buildRewardsTree([
  { earner: ME, token: TOKEN, cumulativeEarnings: 100n },
  { earner: getAddress('0x00000000000000000000000000000000000000a2'), token: TOKEN, cumulativeEarnings: 5n },
]);
const active: DistributionRootInfo = { index: 2, root: tree.root, rewardsCalculationEndTimestamp: 1, activatedAt: 2, disabled: false };
const api = (claimProof: SidecarClient['claimProof']): SidecarClient => ({ claimProof, health: async () => ({ status: null }), summarizedRewards: async () => [], distributionRoots: async () => [] });
const honest = api(async ({ rootIndex }) => ({ root: tree.root, claim: claimFromTree(tree, rootIndex!, ME)! }));

describe('fetchVerifiedClaim', () => {
  it('asks for the root active on chain and keeps a proof that verifies', async () => {
    let asked: number | undefined;
    const out = await fetchVerifiedClaim(api(async (req) => ((asked = req.rootIndex), honest.claimProof(req))), ME, active);
    expect(asked).toBe(2);
    expect(out).toEqual({ kind: 'verified', claim: claimFromTree(tree, 2, ME) });
  });

  it('rejects inflated earnings even when the API also lies about the root', async () => {
    const lie = api(async () => {
      const claim = claimFromTree(tree, 2, ME)!;
      claim.tokenLeaves[0]!.cumulativeEarnings = 10n ** 24n;
      const forged = buildRewardsTree([{ earner: ME, token: TOKEN, cumulativeEarnings: 10n ** 24n }]);
      return { root: forged.root, claim };
    });
    const out = await fetchVerifiedClaim(lie, ME, active);
    expect(out).toMatchObject({ kind: 'final', claimable: { status: 'rejected', rootIndex: 2 } });
  });

  it('rejects a proof for another root index', async () => {
    const other = api(async () => ({ root: tree.root, claim: claimFromTree(tree, 1, ME)! }));
    expect(await fetchVerifiedClaim(other, ME, active)).toMatchObject({ claimable: { status: 'rejected', rootIndex: 1 } });
  });

  it('maps API errors: not found -> none, malformed -> rejected, down -> unavailable', async () => {
    const throwing = (e: Error) => api(async () => Promise.reject(e));
    expect(await fetchVerifiedClaim(throwing(new SidecarNotFoundError('x')), ME, active)).toMatchObject({ claimable: { status: 'none' } });
    expect(await fetchVerifiedClaim(throwing(new SidecarResponseError('bad field')), ME, active)).toMatchObject({ claimable: { status: 'rejected', reason: 'bad field', rootIndex: null } });
    expect(await fetchVerifiedClaim(throwing(new SidecarUnavailableError('down')), ME, active)).toMatchObject({ claimable: { status: 'unavailable', reason: 'down' } });
  });

  it('an empty token list is "none"', async () => {
    const empty = api(async () => ({ root: tree.root, claim: { ...claimFromTree(tree, 2, ME)!, tokenIndices: [], tokenTreeProofs: [], tokenLeaves: [] } }));
    expect(await fetchVerifiedClaim(empty, ME, active)).toMatchObject({ claimable: { status: 'none' } });
  });
});
