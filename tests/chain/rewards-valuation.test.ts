// Base yield, prices and Karak value history against the seeded devnet. Every figure is derived here
// on its own: rates from the rate source's documented formula base + perBlock x (block - startBlock)
// with its parameters read raw, the annualized yield from those rates and block timestamps, prices
// from the aggregators' raw latestRoundData, vault values from ERC-4626 virtual-share math
// shares x (totalAssets + 1) / (totalSupply + 1) at each sample block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, parseAbi, parseEther, type Address } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments, type Deployments, type PriceFeed } from '../../lib/chains/deployments.js';
import { getArtifact } from '../../lib/devnet/compile.js';
import type { ValuationManifest } from '../../lib/devnet/rewards/seed-valuation.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { devnetClient, type DevnetClient } from '../../lib/devnet/tx-sender.js';
import { readSnapshot } from '../../lib/portfolio/read-snapshot.js';
import type { Asset } from '../../lib/portfolio/types.js';
import { memoryCache } from '../../lib/protocols/adapter.js';
import type { RewardsReadContext } from '../../lib/rewards/context.js';
import type { KarakValueHistory } from '../../lib/rewards/types.js';
import { readBaseYield, readKarakValueHistory, readPrices, valueOf, type RateYield, type TokenQuote } from '../../lib/rewards/valuation/index.js';

const rateSource = parseAbi([
  'function base() view returns (uint256)',
  'function perBlock() view returns (uint256)',
  'function startBlock() view returns (uint256)',
]);
const aggregator = parseAbi([
  'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)',
  'function updateAnswer(int256)',
]);
const vault = parseAbi(['function totalAssets() view returns (uint256)', 'function totalSupply() view returns (uint256)']);
const YEAR = 365n * 86_400n;

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let c: DevnetClient;
let deployments: Deployments;
let v: ValuationManifest;
let actor: (name: string) => Address;
let tokens: Record<'stETH' | 'rETH', Asset>;

async function context(d: Deployments = deployments): Promise<RewardsReadContext> {
  const client = createChainClient({ chainId: 31337, rpcUrls: [devnet.rpcUrl], deployments: d });
  const head = await c.getBlock({ blockTag: 'latest' });
  return { client, deployments: d, blockNumber: head.number, blockTimestamp: Number(head.timestamp), batch: true, cache: memoryCache(), sidecar: null };
}
const timestampOf = async (b: bigint) => Number((await c.getBlock({ blockNumber: b })).timestamp);
/** Mines one block at exactly `timestamp` (increaseTime would add the wall-clock seconds that passed). */
const mineAt = async (timestamp: number) => {
  await c.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
  await c.mine({ blocks: 1 });
};

beforeAll(async () => {
  devnet = await startDevnet({});
  c = devnetClient(devnet.rpcUrl);
  const m = devnet.manifest;
  deployments = parseDeployments(m);
  v = m.contracts.valuation!;
  actor = (name) => m.actors.find((x) => x.name === name)!.address;
  const t = (s: string) => m.contracts.tokens.find((x) => x.symbol === s)!;
  tokens = {
    stETH: { address: t('stETH').address, symbol: 'stETH', decimals: 18 },
    rETH: { address: t('rETH').address, symbol: 'rETH', decimals: 18 },
  };
});
afterAll(async () => devnet?.stop());

describe('valuation on the devnet', () => {
  it('the manifest section is what parseDeployments reads', () => {
    expect(deployments.valuation).toEqual(v);
    expect(v.yieldSources.map((y) => y.symbol)).toEqual(['stETH', 'rETH']);
    expect(v.priceFeeds.map((f) => f.pair)).toEqual(['ETH/USD', 'stETH/ETH', 'rETH/ETH']);
  });

  it('base yield: every sample is the documented rate at its block, the yield follows from them, and rates grow as blocks are mined', async () => {
    const read = async () => {
      const ctx = await context();
      const got = (await readBaseYield(ctx, [tokens.stETH, tokens.rETH, { address: null, symbol: 'ETH', decimals: 18 }])) as RateYield[];
      return { ctx, got };
    };
    const { ctx, got } = await read();
    expect(got.map((g) => g.token.address)).toEqual([tokens.stETH.address, tokens.rETH.address]);
    const params = new Map<Address, { base: bigint; perBlock: bigint; start: bigint }>();
    for (const y of v.yieldSources) {
      const r = (fn: 'base' | 'perBlock' | 'startBlock') => c.readContract({ address: y.source, abi: rateSource, functionName: fn });
      params.set(y.token, { base: await r('base'), perBlock: await r('perBlock'), start: await r('startBlock') });
    }
    const expectedRate = (token: Address, block: bigint) => {
      const p = params.get(token)!;
      return p.base + p.perBlock * (block - p.start);
    };
    for (const y of got) {
      expect('error' in y).toBe(false);
      const p = params.get(y.token.address!)!;
      // Several samples, the last at the snapshot block; none before the source was deployed (left out, not 0).
      expect(y.samples.length).toBeGreaterThanOrEqual(3);
      expect(y.samples.at(-1)!.blockNumber).toBe(ctx.blockNumber);
      for (const s of y.samples) {
        expect(s.blockNumber >= p.start).toBe(true);
        expect(s.rate).toBe(expectedRate(y.token.address!, s.blockNumber));
        expect(s.timestamp).toBe(await timestampOf(s.blockNumber));
      }
      const [first, last] = [y.samples[0]!, y.samples.at(-1)!];
      const want = ((last.rate - first.rate) * 1_000_000n * YEAR) / (first.rate * BigInt(last.timestamp - first.timestamp));
      expect(y.annualizedPpm).toBe(want);
      expect(want > 0n).toBe(true);
    }
    // stETH's source grows faster than rETH's (per block and relative to its base).
    expect(got[0]!.annualizedPpm! > got[1]!.annualizedPpm!).toBe(true);

    await c.mine({ blocks: 25 });
    const later = await read();
    for (const [i, y] of later.got.entries()) {
      const now = y.samples.at(-1)!;
      expect(now.blockNumber).toBe(ctx.blockNumber + 25n);
      expect(now.rate - got[i]!.samples.at(-1)!.rate).toBe(25n * params.get(y.token.address!)!.perBlock);
    }
  });

  it('Karak value history of staker-1 shows the 20 % slash of the rETH vault, each point matching the vault at that block', async () => {
    const sc = devnet.manifest.scenario.karak!;
    const slash = sc.slashes.find((s) => s.status === 'finalized')!;
    const rVault = getAddress(slash.vaults[0]!);
    expect(BigInt(slash.slashPercentagesWad[0]!)).toBe(parseEther('20'));
    const staker = actor('staker-1');
    const snap = await readSnapshot({ chainId: 31337, rpcUrls: [devnet.rpcUrl], deployments }, [staker]);
    const ctx = await context();
    expect(ctx.blockNumber).toBe(snap.blockNumber);
    const got = (await readKarakValueHistory(ctx, [staker], new Map(snap.addresses.map((a) => [a.address, a])))).get(staker) as KarakValueHistory[];
    expect(Array.isArray(got)).toBe(true);
    const h = got.find((x) => x.vault === rVault)!;
    expect(h.asset.address).toBe(tokens.rETH.address);
    for (const p of h.points) {
      const [ta, ts] = await Promise.all([
        c.readContract({ address: rVault, abi: vault, functionName: 'totalAssets', blockNumber: p.blockNumber }),
        c.readContract({ address: rVault, abi: vault, functionName: 'totalSupply', blockNumber: p.blockNumber }),
      ]);
      expect(p.assets).toBe((h.shares * (ta + 1n)) / (ts + 1n));
      expect(p.timestamp).toBe(await timestampOf(p.blockNumber));
    }
    const before = h.points.filter((p) => p.timestamp < slash.finalizedAt!);
    const after = h.points.filter((p) => p.timestamp >= slash.finalizedAt!);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    const pre = before.at(-1)!.assets;
    const post = after[0]!.assets;
    // 20 % of the vault's assets left; the same shares are worth 80 % (up to the virtual share's rounding).
    const drift = post * 100n - pre * 80n;
    expect(drift >= -100n && drift <= 100n).toBe(true);
    expect(h.points.at(-1)!.assets).toBe(snap.addresses[0]!.positions.find((p) => p.karak?.vault === rVault)!.amount);
  });

  it('prices: answers are the feeds\' latest rounds, values follow from them, and staleness flips after the heartbeat', async () => {
    // The scenario warps the clock by weeks after the feeds were deployed: post a fresh round first.
    const deployer = actor('deployer');
    const raw = async (f: PriceFeed) => c.readContract({ address: f.feed, abi: aggregator, functionName: 'latestRoundData' });
    for (const f of v.priceFeeds) {
      const hash = await c.writeContract({ account: deployer, chain: null, address: f.feed, abi: aggregator, functionName: 'updateAnswer', args: [(await raw(f))[1]] });
      expect((await c.waitForTransactionReceipt({ hash })).status).toBe('success');
    }
    const read = async () => {
      const ctx = await context();
      return { ctx, q: (await readPrices(ctx)) as TokenQuote[] };
    };
    const { ctx, q } = await read();
    expect(q.map((x) => x.pair)).toEqual(['ETH/USD', 'stETH/ETH', 'rETH/ETH']);
    for (const [i, f] of v.priceFeeds.entries()) {
      const [, answer, , updatedAt] = await raw(f);
      expect(q[i]).toEqual({ pair: f.pair, base: f.base, quote: f.quote, token: f.token, feed: f.feed, answer, decimals: f.decimals, updatedAt: Number(updatedAt), stale: false });
    }
    // Values: 10 rETH x rETH/ETH; USD x ETH/USD (8 decimals).
    const [ethUsd, , rEthEth] = await Promise.all(v.priceFeeds.map(raw));
    const yields = (await readBaseYield(ctx, [tokens.rETH])) as RateYield[];
    const ten = parseEther('10');
    const eth = (ten * rEthEth![1]) / parseEther('1');
    expect(valueOf(ten, tokens.rETH, q, yields)).toEqual({ eth, usd: (eth * ethUsd![1]) / 10n ** 8n });
    // Without the rETH/ETH feed: the rate source (ETH per rETH) prices it.
    const rate = yields[0]!.samples.at(-1)!.rate;
    expect(valueOf(ten, tokens.rETH, q.filter((x) => x.pair !== 'rETH/ETH'), yields).eth).toBe((ten * rate) / parseEther('1'));

    // Exactly at the heartbeat an answer is still fresh; one second later it is stale.
    const stale = async () => (await read()).q.map((x) => x.stale);
    const lstUpdated = Math.min(q[1]!.updatedAt, q[2]!.updatedAt);
    await mineAt(q[0]!.updatedAt + 3600);
    expect(await stale()).toEqual([false, false, false]);
    await mineAt(q[0]!.updatedAt + 3601);
    expect(await stale()).toEqual([true, false, false]);
    await mineAt(lstUpdated + 86_401);
    expect(await stale()).toEqual([true, true, true]);
  });

  it('an UNCONFIRMED feed whose description does not match is disabled; matching ones and plausible rate sources pass', async () => {
    const art = getArtifact('DevnetAggregator');
    const deployer = actor('deployer');
    const hash = await c.deployContract({ account: deployer, chain: null, abi: art.abi, bytecode: art.bytecode, args: [18, 'CBETH / ETH', parseEther('1.1')] });
    const wrong = getAddress((await c.waitForTransactionReceipt({ hash })).contractAddress!);
    const rateArt = getArtifact('DevnetRateSource');
    const h2 = await c.deployContract({ account: deployer, chain: null, abi: rateArt.abi, bytecode: rateArt.bytecode, args: [parseEther('100'), 1n] });
    const absurd = getAddress((await c.waitForTransactionReceipt({ hash: h2 })).contractAddress!);
    const feeds = v.priceFeeds.map((f) => (f.pair === 'rETH/ETH' ? { ...f, feed: wrong } : f));
    const sources = v.yieldSources.map((y) => (y.symbol === 'stETH' ? { ...y, source: absurd } : y));
    const d: Deployments = {
      ...deployments,
      valuation: { yieldSources: sources, priceFeeds: feeds },
      unconfirmed: [...feeds.map((f) => `valuation.${f.feed}`), ...sources.map((y) => `valuation.${y.source}`)],
    };
    const ctx = await context(d);
    const q = (await readPrices(ctx)) as TokenQuote[];
    expect(q.map((x) => x.pair)).toEqual(['ETH/USD', 'stETH/ETH']);
    expect(ctx.cache.get(`valuation:verified:31337:${wrong}:feed`)).toMatchObject({ ok: false, reason: 'description() is "CBETH / ETH", expected "RETH / ETH"' });
    const [st, r] = await readBaseYield(ctx, [tokens.stETH, tokens.rETH]);
    expect(st).toMatchObject({ error: expect.stringMatching(new RegExp(`stETH rate source at ${absurd} is UNCONFIRMED .*returned 100000000000000000000, not a rate`)) });
    expect('error' in r!).toBe(false);
    // The same contracts without the UNCONFIRMED mark are used as configured.
    const trusting = await readPrices(await context({ ...d, unconfirmed: [] }));
    expect((trusting as TokenQuote[]).map((x) => x.pair)).toEqual(['ETH/USD', 'stETH/ETH', 'rETH/ETH']);
  });
});
