import { describe, expect, it } from 'vitest';
import { parseEther, parseUnits, type Address } from 'viem';
import type { Asset } from '../../portfolio/types.js';
import type { BaseYield, PriceQuote } from '../types.js';
import type { TokenQuote } from './read-prices.js';
import type { RateYield } from './read-base-yield.js';
import { valueOf, WETH } from './value-of.js';

const STETH: Address = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84';
const WSTETH: Address = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const RETH: Address = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const EETH: Address = '0x35fA164735182de50811E8e2E824cFb9B6118ac2';
const WEETH: Address = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const SIXDEC: Address = '0x1111111111111111111111111111111111111111';
const FAKE: Address = '0x2222222222222222222222222222222222222222';

const asset = (address: Address | null, symbol: string, decimals = 18): Asset => ({ address, symbol, decimals });
const quote = (base: string, q: 'ETH' | 'USD', token: Address | null, answer: bigint, decimals: number): TokenQuote => ({
  pair: `${base}/${q}`, base, quote: q, token, feed: FAKE, answer, decimals, updatedAt: 1, stale: false,
});
const yieldOf = (token: Address, symbol: string, rate: bigint, underlying: string, rebasing: boolean): RateYield => ({
  token: asset(token, symbol), method: 'test', underlying, rebasing, annualizedPpm: null,
  samples: [{ blockNumber: 1n, timestamp: 1, rate: parseEther('0.9') }, { blockNumber: 2n, timestamp: 2, rate }],
});

const ethUsd = quote('ETH', 'USD', null, parseUnits('3000', 8), 8);
const stEthEth = quote('stETH', 'ETH', STETH, parseEther('0.999'), 18);
const rEthEth = quote('rETH', 'ETH', RETH, parseEther('1.12'), 18);
const prices = [ethUsd, stEthEth, rEthEth];
const yields = [
  yieldOf(WSTETH, 'wstETH', parseEther('1.2'), 'stETH', false),
  yieldOf(STETH, 'stETH', parseEther('1.2'), 'ETH', true),
  yieldOf(EETH, 'eETH', parseEther('1.05'), 'ETH', true),
  yieldOf(WEETH, 'weETH', parseEther('1.05'), 'eETH', false),
  yieldOf(RETH, 'rETH', parseEther('1.1'), 'ETH', false),
];

describe('valueOf', () => {
  it('native ETH and WETH are 1:1; USD through ETH/USD', () => {
    expect(valueOf(parseEther('2'), asset(null, 'ETH'), prices, yields)).toEqual({ eth: parseEther('2'), usd: parseEther('6000') });
    expect(valueOf(parseEther('2'), asset(WETH, 'WETH'), prices, yields)).toEqual({ eth: parseEther('2'), usd: parseEther('6000') });
  });
  it('a direct TOKEN/ETH feed wins over the yield source', () => {
    // 10 rETH x 1.12 (feed), not x 1.1 (rate).
    expect(valueOf(parseEther('10'), asset(RETH, 'rETH'), prices, yields)).toEqual({ eth: parseEther('11.2'), usd: parseEther('33600') });
  });
  it('a wrapped token without a feed: rate x the underlying\'s feed (wstETH = stEthPerToken x stETH/ETH)', () => {
    const v = valueOf(parseEther('10'), asset(WSTETH, 'wstETH'), prices, yields);
    expect(v.eth).toBe((parseEther('10') * parseEther('1.2') * parseEther('0.999')) / 10n ** 36n);
    expect(v.usd).toBe((v.eth! * 3000n));
  });
  it('follows a rebasing underlying 1:1 (weETH -> eETH -> ETH)', () => {
    expect(valueOf(parseEther('2'), asset(WEETH, 'weETH'), prices, yields).eth).toBe(parseEther('2.1'));
    expect(valueOf(parseEther('2'), asset(EETH, 'eETH'), prices, yields).eth).toBe(parseEther('2'));
  });
  it('scales by the token\'s decimals', () => {
    const q = quote('USDx', 'ETH', SIXDEC, parseEther('0.0005'), 18);
    expect(valueOf(parseUnits('1000', 6), asset(SIXDEC, 'USDx', 6), [...prices, q], yields).eth).toBe(parseEther('0.5'));
  });
  it('a TOKEN/USD feed is turned into ETH through ETH/USD when nothing else applies', () => {
    const q = quote('USDx', 'USD', SIXDEC, parseUnits('1', 8), 8);
    expect(valueOf(parseUnits('300', 6), asset(SIXDEC, 'USDx', 6), [ethUsd, q], [])).toEqual({ eth: parseEther('0.1'), usd: parseEther('300') });
  });
  it('unknown is null, never 0: no path, no ETH/USD, a token merely calling itself rETH', () => {
    expect(valueOf(parseEther('1'), asset(FAKE, 'XYZ'), prices, yields)).toEqual({ eth: null, usd: null });
    expect(valueOf(parseEther('1'), asset(FAKE, 'rETH'), prices, yields)).toEqual({ eth: null, usd: null });
    expect(valueOf(parseEther('1'), asset(RETH, 'rETH'), [rEthEth], [])).toEqual({ eth: parseEther('1.12'), usd: null });
    expect(valueOf(parseEther('1'), asset(WSTETH, 'wstETH'), [ethUsd], [yieldOf(WSTETH, 'wstETH', parseEther('1.2'), 'stETH', false)])).toEqual({ eth: null, usd: null });
  });
  it('trusts only what it can place: quotes without a token address and yields without a rebasing flag are not used', () => {
    const { token: _t, ...bare } = rEthEth;
    expect(valueOf(parseEther('1'), asset(RETH, 'rETH'), [bare as PriceQuote], []).eth).toBeNull();
    const { rebasing: _r, ...plain } = yields[4]!;
    expect(valueOf(parseEther('1'), asset(RETH, 'rETH'), [], [plain as BaseYield]).eth).toBeNull();
  });
  it('a zero amount is worth 0, not unknown', () => {
    expect(valueOf(0n, asset(RETH, 'rETH'), prices, yields)).toEqual({ eth: 0n, usd: 0n });
  });
});
