import { describe, expect, it } from 'vitest';
import { concat, encodePacked, getAddress, keccak256, zeroHash, type Address, type Hex } from 'viem';
import { buildRewardsTree, claimFromTree } from './build-rewards-tree.js';
import { verifyClaimProof } from './verify-claim-proof.js';

const A = '0x1000000000000000000000000000000000000001' as Address;
const B = '0x2000000000000000000000000000000000000002' as Address;
const C = '0x3000000000000000000000000000000000000003' as Address;
const T1 = getAddress('0xaa00000000000000000000000000000000000001');
const T2 = getAddress('0xbb00000000000000000000000000000000000002');
const T3 = getAddress('0xcc00000000000000000000000000000000000003');

// Independent hashing, written out with encodePacked rather than the module's helpers.
const tokenLeaf = (t: Address, v: bigint) => keccak256(encodePacked(['uint8', 'address', 'uint256'], [1, t, v]));
const earnerLeaf = (e: Address, r: Hex) => keccak256(encodePacked(['uint8', 'address', 'bytes32'], [0, e, r]));
const node = (l: Hex, r: Hex) => keccak256(concat([l, r]));

const lines = [
  { earner: C, token: T1, cumulativeEarnings: 5n },
  { earner: A, token: T2, cumulativeEarnings: 20n },
  { earner: A, token: T1, cumulativeEarnings: 10n },
  { earner: B, token: T3, cumulativeEarnings: 7n },
  { earner: A, token: T3, cumulativeEarnings: 30n },
];

describe('buildRewardsTree', () => {
  it('sorts earners and tokens by address and pads each level with zero hashes to a power of two', () => {
    const tree = buildRewardsTree(lines);
    expect(tree.earners.map((e) => e.earner)).toEqual([A, B, C]);
    expect(tree.earners[0]!.tokens.map((t) => t.token)).toEqual([T1, T2, T3]);
    // A has three tokens: leaves [t1, t2, t3, 0] -> root node(node(t1,t2), node(t3,0)).
    const aRoot = node(node(tokenLeaf(T1, 10n), tokenLeaf(T2, 20n)), node(tokenLeaf(T3, 30n), zeroHash));
    expect(tree.earners[0]!.earnerTokenRoot).toBe(aRoot);
    // Single-token subtrees are their own leaf.
    const bRoot = tokenLeaf(T3, 7n);
    const cRoot = tokenLeaf(T1, 5n);
    expect(tree.earners[1]!.earnerTokenRoot).toBe(bRoot);
    expect(tree.earners[1]!.tokens[0]!.proof).toBe('0x');
    const expectedRoot = node(node(earnerLeaf(A, aRoot), earnerLeaf(B, bRoot)), node(earnerLeaf(C, cRoot), zeroHash));
    expect(tree.root).toBe(expectedRoot);
    // C's proof: its zero sibling, then the left pair's node.
    expect(tree.earners[2]!.proof).toBe(concat([zeroHash, node(earnerLeaf(A, aRoot), earnerLeaf(B, bRoot))]));
  });

  it('gives the same root whatever the input order', () => {
    expect(buildRewardsTree([...lines].reverse()).root).toBe(buildRewardsTree(lines).root);
  });

  it('a one-earner, one-token distribution has the earner leaf as root and empty proofs', () => {
    const tree = buildRewardsTree([{ earner: A, token: T1, cumulativeEarnings: 1n }]);
    expect(tree.root).toBe(earnerLeaf(A, tokenLeaf(T1, 1n)));
    const claim = claimFromTree(tree, 0, A)!;
    expect(claim.earnerTreeProof).toBe('0x');
    expect(verifyClaimProof(claim, { root: tree.root, earner: A })).toEqual({ ok: true });
  });

  it('rejects duplicates, empty input and out-of-range amounts', () => {
    expect(() => buildRewardsTree([...lines, { earner: A, token: T1, cumulativeEarnings: 1n }])).toThrow(/duplicate/);
    expect(() => buildRewardsTree([])).toThrow(/at least one leaf/);
    expect(() => buildRewardsTree([{ earner: A, token: T1, cumulativeEarnings: -1n }])).toThrow(RangeError);
  });

  it('claimFromTree picks the requested tokens and returns null for an unknown earner', () => {
    const tree = buildRewardsTree(lines);
    const claim = claimFromTree(tree, 3, A, [T2])!;
    expect(claim.rootIndex).toBe(3);
    expect(claim.tokenLeaves).toEqual([{ token: T2, cumulativeEarnings: 20n }]);
    expect(claim.tokenIndices).toEqual([1]);
    expect(claimFromTree(tree, 0, '0x4000000000000000000000000000000000000004')).toBeNull();
  });
});
