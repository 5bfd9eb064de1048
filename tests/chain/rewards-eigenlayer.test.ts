// EigenLayer rewards on the devnet with the local Sidecar-shaped API. Every expected figure is derived
// here from the scenario's tree inputs and raw contract reads (ABI fragments written below), never
// from the reader under test; the claims are real processClaim transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, parseAbi, parseEther, zeroAddress, type Address, type PublicClient } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import { submitRewardsRoot, toEarningsLines, type EigenLayerRewardsScenario } from '../../lib/devnet/rewards/seed-eigenlayer-rewards.js';
import { startDevnet, type Devnet } from '../../lib/devnet/start-devnet.js';
import { TxSender } from '../../lib/devnet/tx-sender.js';
import { getArtifact } from '../../lib/devnet/compile.js';
import { buildRewardsTree, claimFromTree } from '../../lib/rewards/eigenlayer/build-rewards-tree.js';
import { readSnapshot } from '../../lib/portfolio/read-snapshot.js';
import { memoryCache, type DiscoveryCache } from '../../lib/protocols/adapter.js';
import type { PositionsByAddress, RewardsReadContext, SidecarSettings } from '../../lib/rewards/context.js';
import { fetchVerifiedClaim } from '../../lib/rewards/eigenlayer/fetch-verified-claim.js';
import { readEigenLayerRewards } from '../../lib/rewards/eigenlayer/read-eigenlayer-rewards.js';
import { newlyActiveRootCoverage } from '../../lib/rewards/eigenlayer/root-coverage.js';
import { createSidecarClient } from '../../lib/rewards/eigenlayer/sidecar-client.js';
import type { EigenLayerRewards, ReadError } from '../../lib/rewards/types.js';
import { chainClient, type ChainClient } from './support/chain-reads.js';

const rcAbi = parseAbi([
  'struct DistributionRoot { bytes32 root; uint32 rewardsCalculationEndTimestamp; uint32 activatedAt; bool disabled; }',
  'struct EarnerTreeMerkleLeaf { address earner; bytes32 earnerTokenRoot; }',
  'struct TokenTreeMerkleLeaf { address token; uint256 cumulativeEarnings; }',
  'struct RewardsMerkleClaim { uint32 rootIndex; uint32 earnerIndex; bytes earnerTreeProof; EarnerTreeMerkleLeaf earnerLeaf; uint32[] tokenIndices; bytes[] tokenTreeProofs; TokenTreeMerkleLeaf[] tokenLeaves; }',
  'function getDistributionRootsLength() view returns (uint256)',
  'function getDistributionRootAtIndex(uint256) view returns (DistributionRoot)',
  'function cumulativeClaimed(address, address) view returns (uint256)',
  'function claimerFor(address) view returns (address)',
  'function checkClaim(RewardsMerkleClaim) view returns (bool)',
  'function processClaim(RewardsMerkleClaim, address)',
  'function setClaimerFor(address)',
  'function getOperatorPISplit(address) view returns (uint16)',
  'function getOperatorAVSSplit(address, address) view returns (uint16)',
  'function activationDelay() view returns (uint32)',
]);
const dmAbi = parseAbi(['function delegatedTo(address) view returns (address)']);
const erc20 = parseAbi(['function balanceOf(address) view returns (uint256)']);

let devnet: Devnet;
let c: ChainClient;
let client: PublicClient;
let deployments: Deployments;
let scenario: EigenLayerRewardsScenario;
let rc: Address;
let actor: (name: string) => Address;
let earners: Address[];
let positions: PositionsByAddress;

const sidecarOn = (): SidecarSettings => ({ baseUrl: devnet.sidecarUrl! });
async function read(sidecar: SidecarSettings | null, cache: DiscoveryCache = memoryCache(), addrs = earners, cl = client) {
  const block = await c.getBlock();
  const ctx: RewardsReadContext = { client: cl, deployments, blockNumber: block.number, blockTimestamp: Number(block.timestamp), batch: true, cache, sidecar };
  return readEigenLayerRewards(ctx, addrs, positions);
}
function ok(r: EigenLayerRewards | ReadError | undefined): EigenLayerRewards {
  if (!r || 'error' in r) throw new Error(`expected rewards, got ${JSON.stringify(r)}`);
  return r;
}
/** Expected cumulative earnings per token of `earner` in scenario root `i` (the test's own table). */
const earningsIn = (i: number, earner: Address) =>
  new Map(scenario.roots[i]!.earnings.filter((e) => e.earner === earner).map((e) => [e.token, BigInt(e.cumulativeEarnings)]));
/** Newest root active at the latest block, from raw reads. */
async function activeRootIndex(): Promise<number> {
  const block = await c.getBlock();
  const n = Number(await c.readContract({ address: rc, abi: rcAbi, functionName: 'getDistributionRootsLength' }));
  for (let i = n - 1; i >= 0; i--) {
    const r = await c.readContract({ address: rc, abi: rcAbi, functionName: 'getDistributionRootAtIndex', args: [BigInt(i)] });
    if (!r.disabled && BigInt(r.activatedAt) <= block.timestamp) return i;
  }
  return -1;
}
const claimed = (earner: Address, token: Address) => c.readContract({ address: rc, abi: rcAbi, functionName: 'cumulativeClaimed', args: [earner, token] });
async function withSnapshot(body: () => Promise<void>) {
  const id = await c.snapshot();
  try {
    await body();
  } finally {
    await c.revert({ id });
  }
}

beforeAll(async () => {
  devnet = await startDevnet({});
  const m = devnet.manifest;
  c = chainClient(devnet.rpcUrl);
  deployments = parseDeployments(m);
  client = createChainClient({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments });
  scenario = m.scenario.rewards!.eigenlayer!;
  rc = m.contracts.eigenlayer.rewardsCoordinator!;
  actor = (name) => m.actors.find((a) => a.name === name)!.address;
  earners = [actor('staker-1'), actor('staker-2'), actor('operator-1')];
  const snap = await readSnapshot({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments }, earners);
  positions = new Map(snap.addresses.map((a) => [a.address, a]));
});
afterAll(async () => devnet?.stop());

describe('EigenLayer rewards on the devnet', () => {
  it('the devnet seeded two roots and serves the Sidecar API', async () => {
    expect(devnet.sidecarUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(scenario.roots).toHaveLength(2);
    expect(await c.readContract({ address: rc, abi: rcAbi, functionName: 'getDistributionRootsLength' })).toBe(2n);
    expect(await activeRootIndex()).toBe(1); // both activated thanks to the later Karak warps
  });

  it('reports roots, claimer, splits and verified claimable amounts derived from the scenario', async () => {
    const got = await read(sidecarOn());
    const active = await activeRootIndex();
    const chainRoot = await c.readContract({ address: rc, abi: rcAbi, functionName: 'getDistributionRootAtIndex', args: [BigInt(active)] });
    for (const earner of earners) {
      const r = ok(got.get(earner));
      expect(r.claimer).toBeNull();
      expect(await c.readContract({ address: rc, abi: rcAbi, functionName: 'claimerFor', args: [earner] })).toBe(zeroAddress);
      expect(r.history).toEqual([]);
      expect(r.claimed).toEqual([]);
      expect(r.activeRoot).toEqual({ index: active, root: chainRoot.root, rewardsCalculationEndTimestamp: chainRoot.rewardsCalculationEndTimestamp, activatedAt: chainRoot.activatedAt, disabled: false });
      expect(r.latestRoot?.index).toBe(1);
      expect(r.claimable.status).toBe('verified');
      if (r.claimable.status !== 'verified') continue;
      const expected = earningsIn(active, earner);
      expect(r.claimable.tokens.map((t) => [t.token.address, t.claimable]).sort()).toEqual(
        (await Promise.all([...expected].map(async ([token, earned]) => [token, earned - (await claimed(earner, token))]))).sort(),
      );
      expect(r.claimable.tokens.find((t) => t.token.address === scenario.rewardToken.address)?.token).toEqual({ address: scenario.rewardToken.address, symbol: 'EIGEN', decimals: 18 });
    }
    // Staker-1's figures in words: 150 EIGEN and 3 stETH claimable at root 1.
    const s1 = ok(got.get(actor('staker-1')));
    expect(s1.claimable.status === 'verified' && s1.claimable.tokens.map((t) => t.claimable).sort()).toEqual([parseEther('150'), parseEther('3')].sort());
  });

  it('operator commission: the operator each address delegates to, with its AVS and PI splits read raw', async () => {
    const got = await read(null);
    for (const earner of earners) {
      const op = await c.readContract({ address: deployments.eigenlayer!.delegationManager, abi: dmAbi, functionName: 'delegatedTo', args: [earner] });
      const s = ok(got.get(earner)).operatorSplits;
      if (op === zeroAddress) {
        expect(s).toBeNull();
        continue;
      }
      expect(s!.operator).toBe(getAddress(op));
      expect(s!.piSplitBips).toBe(await c.readContract({ address: rc, abi: rcAbi, functionName: 'getOperatorPISplit', args: [op] }));
      for (const a of s!.avsSplits) expect(a.bips).toBe(await c.readContract({ address: rc, abi: rcAbi, functionName: 'getOperatorAVSSplit', args: [op, a.avs] }));
      expect(s!.defaultSplitBips).toBe(1000);
    }
    // staker-1 delegates to operator-1, whose seeded splits (now active) are 20 % PI and 5 % for avs-1.
    const s1 = ok(got.get(actor('staker-1'))).operatorSplits!;
    expect(s1.operator).toBe(actor('operator-1'));
    expect(s1.piSplitBips).toBe(scenario.splits.pi.bips);
    expect(s1.avsSplits).toContainEqual({ avs: actor('avs-1'), bips: 500 });
  });

  it('a real processClaim with the verified proof pays out; cumulativeClaimed and the history (claimer, recipient) follow', () =>
    withSnapshot(async () => {
      const cache = memoryCache();
      await read(sidecarOn(), cache); // warm the log cursor, so the next read scans only new blocks
      const active = await activeRootIndex();
      const root = await c.readContract({ address: rc, abi: rcAbi, functionName: 'getDistributionRootAtIndex', args: [BigInt(active)] });
      const sidecar = createSidecarClient(sidecarOn());
      const s1 = actor('staker-1');
      const s2 = actor('staker-2');
      const s3 = actor('staker-3');
      const proofs = {
        s1: await fetchVerifiedClaim(sidecar, s1, { index: active, ...root }),
        s2: await fetchVerifiedClaim(sidecar, s2, { index: active, ...root }),
      };
      if (proofs.s1.kind !== 'verified' || proofs.s2.kind !== 'verified') throw new Error('proofs did not verify');
      expect(await c.readContract({ address: rc, abi: rcAbi, functionName: 'checkClaim', args: [proofs.s1.claim] })).toBe(true);
      const eigen = scenario.rewardToken.address;
      const before = await c.readContract({ address: eigen, abi: erc20, functionName: 'balanceOf', args: [s3] });
      // staker-1 claims to staker-3; staker-2 lets staker-3 claim for it (claimerFor).
      const send = async (from: Address, fn: 'processClaim' | 'setClaimerFor', args: readonly unknown[]) => {
        const hash = await c.writeContract({ account: from, chain: null, address: rc, abi: rcAbi, functionName: fn, args: args as never, gas: 2_000_000n });
        expect((await c.waitForTransactionReceipt({ hash })).status).toBe('success');
        return hash;
      };
      const claim1 = await send(s1, 'processClaim', [proofs.s1.claim, s3]);
      await send(s2, 'setClaimerFor', [s3]);
      const claim2 = await send(s3, 'processClaim', [proofs.s2.claim, s3]);

      const exp1 = earningsIn(active, s1);
      const exp2 = earningsIn(active, s2);
      const after = await c.readContract({ address: eigen, abi: erc20, functionName: 'balanceOf', args: [s3] });
      expect(after - before).toBe(exp1.get(eigen)! + exp2.get(eigen)!);

      const got = await read(sidecarOn(), cache);
      const r1 = ok(got.get(s1));
      expect(r1.claimed.map((x) => [x.token.address, x.cumulativeClaimed]).sort()).toEqual([...exp1].sort());
      for (const x of r1.claimed) expect(x.cumulativeClaimed).toBe(await claimed(s1, x.token.address!));
      const byToken = (a: { token: string }, b: { token: string }) => a.token.localeCompare(b.token);
      expect(r1.history.map((h) => ({ token: h.token.address!, amount: h.amount, claimer: h.claimer, recipient: h.recipient, txHash: h.txHash, root: h.root })).sort(byToken)).toEqual(
        [...exp1].map(([token, amount]) => ({ token, amount, claimer: s1, recipient: s3, txHash: claim1, root: root.root })).sort(byToken),
      );
      expect(r1.claimable.status === 'verified' && r1.claimable.tokens.every((t) => t.claimable === 0n)).toBe(true);
      const r2 = ok(got.get(s2));
      expect(r2.claimer).toBe(s3);
      expect(r2.history).toHaveLength(1);
      expect(r2.history[0]).toMatchObject({ claimer: s3, recipient: s3, amount: exp2.get(eigen), txHash: claim2 });
      // A second claim with the same proof is refused by the contract: nothing new to claim.
      await expect(c.simulateContract({ account: s1, address: rc, abi: rcAbi, functionName: 'processClaim', args: [proofs.s1.claim, s1] })).rejects.toThrow(/EarningsNotGreaterThanClaimed|revert/);
    }));

  it('a tampered API (inflated earnings) is rejected, never shown as money', async () => {
    const res = await fetch(`${devnet.sidecarUrl}/__sidecar/tamper`, { method: 'POST', body: JSON.stringify({ on: true }) });
    expect(res.status).toBe(200);
    try {
      const got = await read(sidecarOn());
      for (const earner of earners) {
        const r = ok(got.get(earner));
        expect(r.claimable.status).toBe('rejected');
        expect(r.claimable.status === 'rejected' && r.claimable.reason).toMatch(/does not verify/);
        expect(r.activeRoot).not.toBeNull(); // everything read on chain is still there
      }
    } finally {
      devnet.sidecar!.setTamper(false);
    }
    expect(ok((await read(sidecarOn())).get(earners[0]!)).claimable.status).toBe('verified');
  });

  it('API off -> "off"; API down -> "unavailable"; an address with no earnings -> "none"', async () => {
    for (const r of (await read(null)).values()) expect(ok(r).claimable).toEqual({ status: 'off' });
    const down = await read({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    for (const r of down.values()) expect(ok(r).claimable.status).toBe('unavailable');
    const s3 = actor('staker-3');
    const none = await read(sidecarOn(), memoryCache(), [s3]);
    expect(ok(none.get(s3)).claimable.status).toBe('none');
  });

  it('a new root is latestRoot before its activation and activeRoot after', () =>
    withSnapshot(async () => {
      const s1 = actor('staker-1');
      const eigen = scenario.rewardToken.address;
      const next = toEarningsLines(scenario.roots[1]!.earnings).map((l) => ({ ...l, cumulativeEarnings: l.cumulativeEarnings + parseEther('7') }));
      const submitted = await submitRewardsRoot(new TxSender(c as never), rc, next);
      devnet.sidecar!.addRoot(submitted.rootIndex, next);
      const cache = memoryCache();
      const before = ok((await read(sidecarOn(), cache)).get(s1));
      expect(before.latestRoot).toMatchObject({ index: 2, root: submitted.root });
      expect(before.activeRoot?.index).toBe(1);
      expect(before.claimable.status === 'verified' && before.claimable.rootIndex).toBe(1);
      expect(newlyActiveRootCoverage(before, 1)).toBeNull();

      const delay = await c.readContract({ address: rc, abi: rcAbi, functionName: 'activationDelay' });
      await c.increaseTime({ seconds: delay });
      await c.mine({ blocks: 1 });
      const after = ok((await read(sidecarOn(), cache)).get(s1));
      expect(after.activeRoot).toMatchObject({ index: 2, root: submitted.root });
      const expected = next.find((l) => l.earner === s1 && l.token === eigen)!.cumulativeEarnings - (await claimed(s1, eigen));
      expect(after.claimable.status === 'verified' && after.claimable.tokens.find((t) => t.token.address === eigen)?.claimable).toBe(expected);
      expect(newlyActiveRootCoverage(after, 1)?.rootIndex).toBe(2);
    }));

  it('the refresh costs the same number of RPC requests for one address as for three', async () => {
    const count = async (addrs: Address[]) => {
      let n = 0;
      const counting: typeof fetch = (input, init) => ((n += 1), fetch(input, init));
      const cl = createChainClient({ chainId: devnet.manifest.chainId, rpcUrls: [devnet.rpcUrl], deployments, fetch: counting });
      const cache = memoryCache();
      await read(null, cache, addrs, cl); // cold: scans logs
      n = 0;
      await read(null, cache, addrs, cl); // warm
      return n;
    };
    const one = await count([earners[0]!]);
    expect(one).toBeGreaterThan(0);
    expect(await count(earners)).toBe(one);
  });

  it('the local API answers CORS preflights and the documented JSON shapes', async () => {
    const pre = await fetch(`${devnet.sidecarUrl}/rewards/v1/claim-proof`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const sidecar = createSidecarClient(sidecarOn());
    expect((await sidecar.health()).status).toBe('SERVING');
    const roots = await sidecar.distributionRoots();
    expect(roots.map((r) => r.root)).toEqual(scenario.roots.map((r) => r.root));
    const s2 = actor('staker-2');
    const summary = await sidecar.summarizedRewards(s2);
    expect(summary).toEqual([{ token: scenario.rewardToken.address, earned: parseEther('80'), active: parseEther('80'), claimed: await claimed(s2, scenario.rewardToken.address), claimable: parseEther('80') - (await claimed(s2, scenario.rewardToken.address)) }]);
  });
});

describe('RewardsCoordinator test contract keeps the mainnet semantics', () => {
  // The compiled ABI carries the custom errors, so reverts can be asserted by name.
  const full = () => getArtifact('RewardsCoordinator').abi;
  const simulate = (from: Address, functionName: string, args: readonly unknown[]) =>
    c.simulateContract({ account: from, address: rc, abi: full(), functionName, args } as never);

  it('submitRoot: only the rewardsUpdater, end timestamps increasing and in the past', () =>
    withSnapshot(async () => {
      const root = `0x${'ab'.repeat(32)}` as const;
      const last = scenario.roots[1]!.rewardsCalculationEndTimestamp;
      const now = Number((await c.getBlock()).timestamp);
      await expect(simulate(actor('staker-1'), 'submitRoot', [root, last + 1])).rejects.toThrow(/UnauthorizedCaller/);
      await expect(simulate(actor('deployer'), 'submitRoot', [root, last])).rejects.toThrow(/NewRootMustBeForNewCalculatedPeriod/);
      await expect(simulate(actor('deployer'), 'submitRoot', [root, now + 100])).rejects.toThrow(/RewardsEndTimestampNotElapsed/);
    }));

  it('disableRoot only before activation; a disabled root never becomes the active one', () =>
    withSnapshot(async () => {
      await expect(simulate(actor('deployer'), 'disableRoot', [1])).rejects.toThrow(/RootAlreadyActivated/);
      const s1 = actor('staker-1');
      const lines = toEarningsLines(scenario.roots[1]!.earnings).map((l) => ({ ...l, cumulativeEarnings: l.cumulativeEarnings + 1n }));
      const submitted = await submitRewardsRoot(new TxSender(c as never), rc, lines);
      const claim = claimFromTree(buildRewardsTree(lines), submitted.rootIndex, s1)!;
      await expect(simulate(s1, 'checkClaim', [claim])).rejects.toThrow(/RootNotActivated/);
      const hash = await c.writeContract({ account: actor('deployer'), chain: null, address: rc, abi: full(), functionName: 'disableRoot', args: [submitted.rootIndex], gas: 500_000n } as never);
      expect((await c.waitForTransactionReceipt({ hash })).status).toBe('success');
      await c.increaseTime({ seconds: scenario.activationDelay + 10 });
      await c.mine({ blocks: 1 });
      await expect(simulate(s1, 'checkClaim', [claim])).rejects.toThrow(/RootDisabled/);
      const r = ok((await read(null)).get(s1));
      expect(r.latestRoot).toMatchObject({ index: submitted.rootIndex, disabled: true });
      expect(r.activeRoot?.index).toBe(1);
    }));

  it('splits: the old value until activation, one pending change at a time, operator only', () =>
    withSnapshot(async () => {
      const op2 = actor('operator-2');
      await expect(simulate(actor('staker-1'), 'setOperatorPISplit', [op2, 3000])).rejects.toThrow(/UnauthorizedCaller/);
      await expect(simulate(op2, 'setOperatorPISplit', [op2, 10001])).rejects.toThrow(/SplitExceedsMax/);
      const hash = await c.writeContract({ account: op2, chain: null, address: rc, abi: full(), functionName: 'setOperatorPISplit', args: [op2, 3000], gas: 500_000n } as never);
      expect((await c.waitForTransactionReceipt({ hash })).status).toBe('success');
      const pi = () => c.readContract({ address: rc, abi: rcAbi, functionName: 'getOperatorPISplit', args: [op2] });
      expect(await pi()).toBe(scenario.defaultOperatorSplitBips);
      await expect(simulate(op2, 'setOperatorPISplit', [op2, 4000])).rejects.toThrow(/PreviousSplitPending/);
      await c.increaseTime({ seconds: scenario.activationDelay });
      await c.mine({ blocks: 1 });
      expect(await pi()).toBe(3000);
    }));

  it('processClaim: only the earner or its claimer', async () => {
    const s1 = actor('staker-1');
    const claim = claimFromTree(buildRewardsTree(toEarningsLines(scenario.roots[1]!.earnings)), 1, s1)!;
    await expect(simulate(actor('staker-2'), 'processClaim', [claim, actor('staker-2')])).rejects.toThrow(/UnauthorizedCaller/);
    expect(await c.readContract({ address: rc, abi: rcAbi, functionName: 'checkClaim', args: [claim] })).toBe(true);
  });
});
