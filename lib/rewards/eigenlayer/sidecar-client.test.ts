import { describe, expect, it } from 'vitest';
import { getAddress, type Hex } from 'viem';
import { SidecarNotFoundError, SidecarResponseError, SidecarUnavailableError } from '../../errors/errors.js';
import { buildRewardsTree, claimFromTree } from './build-rewards-tree.js';
import { createSidecarClient } from './sidecar-client.js';
import { verifyClaimProof } from './verify-claim-proof.js';

const EARNER = getAddress('0x1111111111111111111111111111111111111111');
const EIGEN = getAddress('0x2222222222222222222222222222222222222222');
const STETH = getAddress('0x3333333333333333333333333333333333333333');
const tree = buildRewardsTree([
  { earner: EARNER, token: EIGEN, cumulativeEarnings: 1_500_000_000_000_000_000n },
  { earner: EARNER, token: STETH, cumulativeEarnings: 250n },
  { earner: getAddress('0x4444444444444444444444444444444444444444'), token: EIGEN, cumulativeEarnings: 9n },
]);
const claim = claimFromTree(tree, 4, EARNER)!;
const b64 = (h: Hex) => Buffer.from(h.slice(2), 'hex').toString('base64');

/** The documented Sidecar shape: bytes base64, amounts decimal strings (reference §1.5). */
const proofFixture = (enc: (h: Hex) => string = b64) => ({
  proof: {
    root: enc(tree.root),
    rootIndex: 4,
    earnerIndex: claim.earnerIndex,
    earnerTreeProof: enc(claim.earnerTreeProof),
    earnerLeaf: { earner: EARNER.toLowerCase(), earnerTokenRoot: enc(claim.earnerLeaf.earnerTokenRoot) },
    tokenIndices: claim.tokenIndices,
    tokenTreeProofs: claim.tokenTreeProofs.map(enc),
    tokenLeaves: claim.tokenLeaves.map((l) => ({ token: l.token, cumulativeEarnings: l.cumulativeEarnings.toString() })),
  },
});

interface Seen { url: string; method: string; body: unknown }
function fakeFetch(respond: (seen: Seen) => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    const s = { url, method: init.method ?? 'GET', body: init.body ? JSON.parse(init.body as string) : undefined };
    seen.push(s);
    return respond(s);
  }) as typeof fetch;
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const client = (f: typeof fetch, timeoutMs?: number) => createSidecarClient({ baseUrl: 'https://sidecar.example/mainnet/', fetch: f, timeoutMs });

describe('Sidecar client: claim proof', () => {
  it('posts the documented body and decodes base64 bytes into a claim that verifies', async () => {
    const seen: Seen[] = [];
    const got = await client(fakeFetch(() => json(proofFixture()), seen)).claimProof({ earnerAddress: EARNER, tokens: [EIGEN], rootIndex: 4 });
    expect(seen[0]).toEqual({ url: 'https://sidecar.example/mainnet/rewards/v1/claim-proof', method: 'POST', body: { earnerAddress: EARNER, tokens: [EIGEN], rootIndex: 4 } });
    expect(got.root).toBe(tree.root);
    expect(got.claim).toEqual(claim);
    expect(verifyClaimProof(got.claim, { root: tree.root, earner: EARNER })).toEqual({ ok: true });
  });

  it('also accepts 0x-hex bytes and the older leafIndices name; omits rootIndex when not given', async () => {
    const f = proofFixture((h) => h) as { proof: Record<string, unknown> };
    f.proof.leafIndices = f.proof.tokenIndices;
    delete f.proof.tokenIndices;
    const seen: Seen[] = [];
    const got = await client(fakeFetch(() => json(f), seen)).claimProof({ earnerAddress: EARNER });
    expect(got.claim).toEqual(claim);
    expect(seen[0]!.body).toEqual({ earnerAddress: EARNER, tokens: [] });
  });

  const malformed: [string, (p: Record<string, unknown>) => void][] = [
    ['a bad earner address', (p) => ((p.earnerLeaf as Record<string, unknown>).earner = '0x1234')],
    ['a negative amount', (p) => ((p.tokenLeaves as Record<string, unknown>[])[0]!.cumulativeEarnings = '-1')],
    ['an amount as a JSON number', (p) => ((p.tokenLeaves as Record<string, unknown>[])[0]!.cumulativeEarnings = 1e21)],
    ['an amount above uint256', (p) => ((p.tokenLeaves as Record<string, unknown>[])[0]!.cumulativeEarnings = (2n ** 256n).toString())],
    ['a 31-byte root', (p) => (p.root = Buffer.alloc(31, 1).toString('base64'))],
    ['a proof that is not whole 32-byte siblings', (p) => (p.earnerTreeProof = Buffer.alloc(40, 1).toString('base64'))],
    ['garbage bytes', (p) => (p.root = 'not*base64!')],
    ['a fractional index', (p) => (p.earnerIndex = 1.5)],
    ['a missing proof leaf', (p) => delete p.earnerLeaf],
    ['token lists of the wrong type', (p) => (p.tokenLeaves = 'x')],
  ];
  for (const [what, mutate] of malformed) {
    it(`refuses ${what}`, async () => {
      const f = proofFixture();
      mutate(f.proof as unknown as Record<string, unknown>);
      await expect(client(fakeFetch(() => json(f))).claimProof({ earnerAddress: EARNER })).rejects.toBeInstanceOf(SidecarResponseError);
    });
  }
});

describe('Sidecar client: other endpoints', () => {
  it('summarized rewards: decimal strings become bigints, addresses are checksummed', async () => {
    const seen: Seen[] = [];
    const got = await client(fakeFetch(() => json({ rewards: [{ token: EIGEN.toLowerCase(), earned: '100', active: '80', claimed: '30', claimable: '50' }] }), seen)).summarizedRewards(EARNER);
    expect(seen[0]!.url).toBe(`https://sidecar.example/mainnet/rewards/v1/earners/${EARNER}/summarized-rewards`);
    expect(got).toEqual([{ token: EIGEN, earned: 100n, active: 80n, claimed: 30n, claimable: 50n }]);
  });

  it('distribution roots: RFC 3339 timestamps and string indexes (proto3 JSON int64)', async () => {
    const got = await client(fakeFetch(() => json({ distributionRoots: [{
      root: tree.root, rootIndex: '7', rewardsCalculationEnd: '2025-01-02T00:00:00Z', rewardsCalculationEndUnit: 'snapshot',
      activatedAt: '2025-01-03T12:00:00Z', activatedAtUnit: 'timestamp', createdAtBlockNumber: '21500000', transactionHash: b64(tree.root), blockHeight: '21500000', logIndex: '3',
    }] }))).distributionRoots();
    expect(got).toEqual([{ root: tree.root, rootIndex: 7, rewardsCalculationEnd: 1735776000, activatedAt: 1735905600, disabled: false, createdAtBlockNumber: 21500000n, transactionHash: tree.root }]);
  });

  it('health', async () => {
    expect(await client(fakeFetch(() => json({ status: 'SERVING' }))).health()).toEqual({ status: 'SERVING' });
  });
});

describe('Sidecar client: transport and limits', () => {
  it('404 and gRPC NOT_FOUND mean "nothing for this earner"', async () => {
    await expect(client(fakeFetch(() => json({ code: 5, message: 'not found' }, 404))).claimProof({ earnerAddress: EARNER })).rejects.toBeInstanceOf(SidecarNotFoundError);
    await expect(client(fakeFetch(() => json({ code: 5, message: 'not found' }, 400))).claimProof({ earnerAddress: EARNER })).rejects.toBeInstanceOf(SidecarNotFoundError);
  });

  it('server errors, refused connections and timeouts are "unavailable"', async () => {
    await expect(client(fakeFetch(() => json({ code: 13 }, 503))).health()).rejects.toBeInstanceOf(SidecarUnavailableError);
    await expect(client(fakeFetch(() => Promise.reject(new TypeError('fetch failed')))).health()).rejects.toBeInstanceOf(SidecarUnavailableError);
    const hang = ((_u: string, init: RequestInit) =>
      new Promise<Response>((_r, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    await expect(client(hang, 30).health()).rejects.toThrow(/timed out after 30 ms/);
  });

  it('refuses non-JSON and oversized answers, streamed or declared', async () => {
    await expect(client(fakeFetch(() => new Response('<html>', { status: 200 }))).health()).rejects.toBeInstanceOf(SidecarResponseError);
    const big = new ReadableStream<Uint8Array>({
      pull(c) { c.enqueue(new Uint8Array(256 * 1024).fill(32)); },
    });
    await expect(client(fakeFetch(() => new Response(big, { status: 200 }))).health()).rejects.toThrow(/limit/);
    await expect(client(fakeFetch(() => new Response('{}', { status: 200, headers: { 'content-length': '5000000' } }))).health()).rejects.toThrow(/limit/);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => createSidecarClient({ baseUrl: 'file:///etc/passwd' })).toThrow(SidecarUnavailableError);
  });
});

