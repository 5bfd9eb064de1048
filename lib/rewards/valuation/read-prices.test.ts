import { describe, expect, it } from 'vitest';
import { parseEther, parseUnits, type Address } from 'viem';
import type { PriceFeed } from '../../chains/valuation-config.js';
import { memoryCache } from '../../protocols/adapter.js';
import { fakeContext, revert } from './fake-chain.js';
import { readPrices } from './read-prices.js';

const ETH_USD: Address = '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419';
const RETH_ETH: Address = '0x536218f9E9Eb48863970252233c8F271f554C2d0';
const RETH: Address = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const feeds: PriceFeed[] = [
  { pair: 'ETH/USD', base: 'ETH', quote: 'USD', token: null, feed: ETH_USD, description: 'ETH / USD', decimals: 8, heartbeatSeconds: 3600 },
  { pair: 'rETH/ETH', base: 'rETH', quote: 'ETH', token: RETH, feed: RETH_ETH, description: 'RETH / ETH', decimals: 18, heartbeatSeconds: 86_400 },
];
const T = 1_800_000_000;

type Feed = { description?: unknown; decimals?: unknown; round?: unknown };
function setup(byFeed: Record<Address, Feed>, opts: { now?: number; unconfirmed?: string[]; cache?: ReturnType<typeof memoryCache>; head?: bigint } = {}) {
  return fakeContext({
    head: opts.head ?? 100n,
    time: () => opts.now ?? T,
    deployments: { valuation: { yieldSources: [], priceFeeds: feeds }, unconfirmed: opts.unconfirmed, eigenlayer: undefined },
    cache: opts.cache,
    answer: ({ address, functionName }) => {
      const f = byFeed[address];
      if (!f) return revert();
      if (functionName === 'latestRoundData') return f.round ?? revert();
      if (functionName === 'decimals') return f.decimals ?? revert();
      if (functionName === 'description') return f.description ?? revert();
      return revert();
    },
  });
}
const round = (answer: bigint, updatedAt: number) => [7n, answer, BigInt(updatedAt), BigInt(updatedAt), 7n] as const;
const good = (updatedAtUsd = T - 60, updatedAtReth = T - 3600): Record<Address, Feed> => ({
  [ETH_USD]: { description: 'ETH / USD', decimals: 8, round: round(parseUnits('3000', 8), updatedAtUsd) },
  [RETH_ETH]: { description: 'RETH / ETH', decimals: 18, round: round(parseEther('1.1'), updatedAtReth) },
});

describe('readPrices', () => {
  it('reads every feed at the block, with its token and scale', async () => {
    const { ctx, requests } = setup(good());
    const q = await readPrices(ctx);
    expect(q).toEqual([
      { pair: 'ETH/USD', base: 'ETH', quote: 'USD', token: null, feed: ETH_USD, answer: parseUnits('3000', 8), decimals: 8, updatedAt: T - 60, stale: false },
      { pair: 'rETH/ETH', base: 'rETH', quote: 'ETH', token: RETH, feed: RETH_ETH, answer: parseEther('1.1'), decimals: 18, updatedAt: T - 3600, stale: false },
    ]);
    expect(requests.every((r) => r.endsWith('@100'))).toBe(true);
  });
  it('marks an answer older than the heartbeat stale (and one exactly at it fresh)', async () => {
    const q = (await readPrices(setup(good(T - 3601, T - 86_400)).ctx)) as { stale: boolean }[];
    expect(q.map((x) => x.stale)).toEqual([true, false]);
  });
  it.each([
    ['a negative answer', { round: round(-1n, T - 60) }, /non-positive/],
    ['a zero answer', { round: round(0n, T - 60) }, /non-positive/],
    ['another scale', { decimals: 18 }, /decimals\(\) is 18/],
    ['an update after the block', { round: round(parseUnits('3000', 8), T + 1) }, /not before the block/],
    ['a never-updated round', { round: round(parseUnits('3000', 8), 0) }, /not before the block/],
    ['a revert', { round: undefined, decimals: undefined }, /ETH\/USD: /],
  ])('refuses %s and keeps the other feeds', async (_name, patch, why) => {
    const answers = good();
    answers[ETH_USD] = { ...answers[ETH_USD], ...patch } as Feed;
    const q = await readPrices(setup(answers).ctx);
    expect(Array.isArray(q) && q.map((x) => x.pair)).toEqual(['rETH/ETH']);
    // With the other feed failing too, the whole read is an error naming both.
    answers[RETH_ETH] = { ...answers[RETH_ETH], round: round(-5n, T) };
    const e = await readPrices(setup(answers).ctx);
    expect(e).toMatchObject({ error: expect.stringMatching(why) });
    expect((e as { error: string }).error).toMatch(/rETH\/ETH: non-positive/);
  });
  it('an UNCONFIRMED feed whose description differs is disabled with the reason, re-checked at a newer block', async () => {
    const answers = good();
    answers[RETH_ETH] = { ...answers[RETH_ETH], description: 'CBETH / ETH' };
    const cache = memoryCache();
    const unconfirmed = [`valuation.${ETH_USD}`, `valuation.${RETH_ETH}`];
    const first = await readPrices(setup(answers, { unconfirmed, cache }).ctx);
    expect(Array.isArray(first) && first.map((x) => x.pair)).toEqual(['ETH/USD']);
    expect(cache.get(`valuation:verified:1:${RETH_ETH}:feed`)).toMatchObject({ ok: false, reason: expect.stringMatching(/"CBETH \/ ETH", expected "RETH \/ ETH"/) });
    // Same block: not asked again. A newer block with a correct answer: enabled.
    const again = setup(good(), { unconfirmed, cache });
    await readPrices(again.ctx);
    expect(again.requests.filter((r) => r.startsWith('description'))).toEqual([]);
    const later = await readPrices(setup(good(), { unconfirmed, cache, head: 101n }).ctx);
    expect(Array.isArray(later) && later.map((x) => x.pair)).toEqual(['ETH/USD', 'rETH/ETH']);
  });
  it('an UNCONFIRMED feed with the wrong decimals is disabled', async () => {
    const answers = good();
    answers[ETH_USD] = { ...answers[ETH_USD], decimals: 18 };
    const q = await readPrices(setup(answers, { unconfirmed: [`valuation.${ETH_USD}`] }).ctx);
    expect(Array.isArray(q) && q.map((x) => x.pair)).toEqual(['rETH/ETH']);
  });
  it('no configured feeds: no prices, no error', async () => {
    const { ctx } = setup({});
    expect(await readPrices({ ...ctx, deployments: { ...ctx.deployments, valuation: undefined } })).toEqual([]);
  });
});
