import { describe, expect, it } from 'vitest';
import { parseEther, type Address } from 'viem';
import type { YieldSource } from '../../chains/valuation-config.js';
import type { Asset } from '../../portfolio/types.js';
import { annualizedPpm } from './annualize.js';
import { fakeContext, revert } from './fake-chain.js';
import { readBaseYield, type RateYield } from './read-base-yield.js';

const RETH: Address = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const STETH: Address = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84';
const WSTETH: Address = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const OTHER: Address = '0x3333333333333333333333333333333333333333';
const sources: YieldSource[] = [
  { token: RETH, symbol: 'rETH', method: 'rETH.getExchangeRate', source: RETH, underlying: 'ETH', rebasing: false },
  { token: STETH, symbol: 'stETH', method: 'wstETH.stEthPerToken', source: WSTETH, underlying: 'ETH', rebasing: true },
];
const HEAD = 21_000_000n;
const time = (b: bigint) => 1_700_000_000 + Number(b) * 12;
// rETH rate = 1.1e18 + 1e9 per block; wstETH only exists from block HEAD - 10,000 on.
const rate = (b: bigint) => parseEther('1.1') + b * 1_000_000_000n;
const steth = (b: bigint) => parseEther('1.2') + b * 2_000_000_000n;

function setup(answer?: (a: Address, fn: string, b: bigint) => unknown, unconfirmed?: string[]) {
  return fakeContext({
    head: HEAD,
    time,
    deployments: { valuation: { yieldSources: sources, priceFeeds: [] }, unconfirmed },
    answer: ({ address, functionName, block }) => {
      const custom = answer?.(address, functionName, block);
      if (custom !== undefined) return custom;
      if (address === RETH && functionName === 'getExchangeRate') return rate(block);
      if (address === WSTETH && functionName === 'stEthPerToken') return block >= HEAD - 10_000n ? steth(block) : revert();
      return revert();
    },
  });
}
const asset = (address: Address | null, symbol: string): Asset => ({ address, symbol, decimals: 18 });

describe('readBaseYield', () => {
  it('samples the rate 30, 7 and 1 day(s) back and now, and annualizes from the oldest sample', async () => {
    const { ctx } = setup();
    const [r] = (await readBaseYield(ctx, [asset(RETH, 'rETH')])) as RateYield[];
    const blocks = [HEAD - 216_000n, HEAD - 50_400n, HEAD - 7_200n, HEAD];
    expect(r!.samples).toEqual(blocks.map((b) => ({ blockNumber: b, timestamp: time(b), rate: rate(b) })));
    const expected = ((rate(HEAD) - rate(blocks[0]!)) * 1_000_000n * 31_536_000n) / (rate(blocks[0]!) * BigInt(time(HEAD) - time(blocks[0]!)));
    expect(r!.annualizedPpm).toBe(expected);
    expect(r).toMatchObject({ method: 'rETH.getExchangeRate', underlying: 'ETH', rebasing: false, token: { address: RETH, symbol: 'rETH' } });
  });
  it('leaves out samples before the source existed, never as 0', async () => {
    const { ctx } = setup();
    const [r] = (await readBaseYield(ctx, [asset(STETH, 'stETH')])) as RateYield[];
    expect(r!.samples.map((s) => s.blockNumber)).toEqual([HEAD - 7_200n, HEAD]);
    expect(r!.annualizedPpm).toBe(annualizedPpm(r!.samples));
    expect(r!.rebasing).toBe(true);
  });
  it('only held tokens with a source are read; the configured symbol is shown, not the contract\'s', async () => {
    const { ctx } = setup();
    const got = await readBaseYield(ctx, [asset(null, 'ETH'), asset(OTHER, 'rETH'), asset(RETH, 'ROCKET!!'), asset(RETH, 'rETH')]);
    expect(got.map((g) => g.token)).toEqual([{ address: RETH, symbol: 'rETH', decimals: 18 }]);
    expect(await readBaseYield(ctx, [asset(OTHER, 'X')])).toEqual([]);
  });
  it('one sample only gives no annualized figure', async () => {
    const { ctx } = setup((a, _fn, b) => (a === RETH && b < HEAD ? revert() : undefined));
    const [r] = (await readBaseYield(ctx, [asset(RETH, 'rETH')])) as RateYield[];
    expect(r!.samples).toHaveLength(1);
    expect(r!.annualizedPpm).toBeNull();
  });
  it.each([
    ['a revert', () => revert(), /could not be read: execution reverted/],
    ['an implausible rate', () => 7n, /implausible answer 7/],
    ['garbage', () => 'abc', /implausible answer abc/],
  ])('%s at the snapshot block is a ReadError for that token only', async (_name, bad, why) => {
    const { ctx } = setup((a, _fn, b) => (a === RETH && b === HEAD ? bad() : undefined));
    const [r, s] = await readBaseYield(ctx, [asset(RETH, 'rETH'), asset(STETH, 'stETH')]);
    expect(r).toEqual({ token: { address: RETH, symbol: 'rETH', decimals: 18 }, error: expect.stringMatching(why) });
    expect((s as RateYield).samples.length).toBeGreaterThan(0);
  });
  it('an implausible earlier sample is left out', async () => {
    const { ctx } = setup((a, _fn, b) => (a === RETH && b === HEAD - 50_400n ? parseEther('50') : undefined));
    const [r] = (await readBaseYield(ctx, [asset(RETH, 'rETH')])) as RateYield[];
    expect(r!.samples.map((s) => s.blockNumber)).toEqual([HEAD - 216_000n, HEAD - 7_200n, HEAD]);
  });
  it('an UNCONFIRMED source that fails its check is disabled with the reason', async () => {
    const { ctx } = setup((a, fn) => (a === RETH && fn === 'getExchangeRate' ? parseEther('100') : undefined), [`valuation.${RETH}`]);
    const [r] = await readBaseYield(ctx, [asset(RETH, 'rETH')]);
    expect(r).toMatchObject({ error: expect.stringMatching(/UNCONFIRMED.*not a rate in \[0\.5e18, 5e18\]/) });
  });
  it('reads the same number of blocks whatever the number of tokens', async () => {
    const one = setup();
    await readBaseYield(one.ctx, [asset(RETH, 'rETH')]);
    const two = setup();
    await readBaseYield(two.ctx, [asset(RETH, 'rETH'), asset(STETH, 'stETH')]);
    const blocks = (rs: string[]) => new Set(rs.map((r) => r.split('@')[1]));
    expect(blocks(two.requests)).toEqual(blocks(one.requests));
    expect(one.requests.filter((r) => r.startsWith('getBlock'))).toHaveLength(1);
  });
});
