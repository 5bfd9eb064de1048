import { describe, expect, it } from 'vitest';
import { concat, slice, type Address } from 'viem';
import { buildRewardsTree, claimFromTree } from './build-rewards-tree.js';
import type { RewardsMerkleClaim } from './claim-types.js';
import { verifyClaimProof } from './verify-claim-proof.js';

const E = (i: number) => `0x${(i + 1).toString(16).padStart(40, '0')}` as Address;
const T = (i: number) => `0x${'ee'.repeat(19)}${(i + 1).toString(16).padStart(2, '0')}` as Address;
// Five earners (earner tree padded to 8), up to three tokens each.
const lines = [0, 1, 2, 3, 4].flatMap((e) => [0, 1, 2].slice(0, (e % 3) + 1).map((t) => ({ earner: E(e), token: T(t), cumulativeEarnings: BigInt(1000 * e + t + 1) })));
const tree = buildRewardsTree(lines);
const claimOf = (e: number) => claimFromTree(tree, 0, E(e))!;
const verify = (c: RewardsMerkleClaim, e = c.earnerLeaf.earner) => verifyClaimProof(c, { root: tree.root, earner: e });
const reasonOf = (r: ReturnType<typeof verifyClaimProof>) => (r.ok ? 'ok' : r.reason);

describe('verifyClaimProof', () => {
  it('accepts every claim the builder produces', () => {
    for (let e = 0; e < 5; e++) expect(verify(claimOf(e))).toEqual({ ok: true });
  });

  it('rejects an inflated cumulativeEarnings (the API lying about money)', () => {
    const c = claimOf(2);
    c.tokenLeaves[0] = { ...c.tokenLeaves[0]!, cumulativeEarnings: c.tokenLeaves[0]!.cumulativeEarnings + 1n };
    expect(reasonOf(verify(c))).toMatch(/does not hash to the earner's token root/);
  });

  it('rejects a token root that is not in the distribution root', () => {
    const c = claimOf(1);
    c.earnerLeaf = { ...c.earnerLeaf, earnerTokenRoot: claimOf(2).earnerLeaf.earnerTokenRoot };
    expect(reasonOf(verify(c))).toMatch(/distribution root on chain/);
  });

  it('rejects a proof against a different on-chain root', () => {
    const other = buildRewardsTree([{ earner: E(0), token: T(0), cumulativeEarnings: 1n }]);
    expect(reasonOf(verifyClaimProof(claimOf(0), { root: other.root, earner: E(0) }))).toMatch(/distribution root/);
  });

  it('rejects a proof for another earner than the one asked about', () => {
    expect(reasonOf(verify(claimOf(1), E(2)))).toMatch(/is for earner/);
  });

  it('enforces index < 2^(proof length / 32), as the contract does', () => {
    const c = claimOf(3);
    // 8-leaf tree: 3 siblings, so index 3 + 8 walks the same hashes but must be refused.
    expect(reasonOf(verify({ ...c, earnerIndex: c.earnerIndex + 8 }))).toMatch(/earner index .* does not fit/);
    const t = claimOf(2);
    expect(reasonOf(verify({ ...t, tokenIndices: [t.tokenIndices[0]! + 4, ...t.tokenIndices.slice(1)] }))).toMatch(/token index .* does not fit/);
    expect(reasonOf(verify({ ...c, earnerIndex: -1 }))).toMatch(/does not fit/);
  });

  it('rejects a wrong index inside the bound and a truncated or padded proof', () => {
    const c = claimOf(3);
    expect(reasonOf(verify({ ...c, earnerIndex: 2 }))).toMatch(/distribution root/);
    expect(reasonOf(verify({ ...c, earnerTreeProof: slice(c.earnerTreeProof, 0, 95) }))).toMatch(/whole number/);
    expect(reasonOf(verify({ ...c, earnerTreeProof: concat([c.earnerTreeProof, c.earnerTreeProof.slice(0, 66) as `0x${string}`]) }))).not.toBe('ok');
  });

  it('rejects mismatched array lengths and duplicated tokens', () => {
    const c = claimOf(2);
    expect(reasonOf(verify({ ...c, tokenIndices: c.tokenIndices.slice(1) }))).toMatch(/differ in length/);
    expect(reasonOf(verify({ ...c, tokenLeaves: [c.tokenLeaves[0]!, c.tokenLeaves[0]!, c.tokenLeaves[2]!] }))).toMatch(/appears twice/);
  });
});
