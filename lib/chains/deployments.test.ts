import { describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { MAINNET_DEPLOYMENTS, MULTICALL3, parseDeployments } from './deployments.js';
import { MAINNET_VALUATION_UNCONFIRMED } from './mainnet-valuation.js';

const A = '0x39053d51b77dc0d36036fc1fcc8cb819df8ef37a';
const el = { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A };

describe('parseDeployments', () => {
  it('accepts an EigenLayer-only file, checksums addresses and defaults Multicall3', () => {
    const d = parseDeployments({ chainId: 17000, contracts: { eigenlayer: el } });
    expect(d.eigenlayer?.delegationManager).toBe('0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A');
    expect(d.multicall3).toBe(MULTICALL3);
    expect(d.symbiotic).toBeUndefined();
  });
  it('accepts Symbiotic and Karak sections with their log-scan start blocks', () => {
    const sym = Object.fromEntries(
      ['vaultFactory', 'delegatorFactory', 'slasherFactory', 'networkRegistry', 'operatorRegistry', 'networkMiddlewareService', 'operatorVaultOptInService', 'operatorNetworkOptInService'].map((k) => [k, A]),
    );
    const d = parseDeployments({ chainId: 31337, contracts: { symbiotic: { ...sym, fromBlock: 5 }, karak: { core: A, fromBlock: 7 } } });
    expect(d.symbiotic?.fromBlock).toBe(5);
    expect(d.karak?.core).toBe('0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A');
    expect(d.eigenlayer).toBeUndefined();
  });
  it.each([
    [null, /JSON object/],
    [{ chainId: 0, contracts: { eigenlayer: el } }, /chainId/],
    [{ chainId: 1 }, /contracts is missing/],
    [{ chainId: 1, contracts: {} }, /at least one protocol/],
    [{ chainId: 1, contracts: { eigenlayer: { ...el, strategyManager: '0x12' } } }, /contracts\.eigenlayer\.strategyManager/],
    [{ chainId: 1, contracts: { karak: { core: A, fromBlock: -1 } } }, /fromBlock/],
  ])('refuses %j with a reason', (input, reason) => {
    expect(() => parseDeployments(input)).toThrow(reason);
  });
  it('round-trips the mainnet defaults', () => {
    const { multicall3, eigenlayer, symbiotic, karak, valuation } = MAINNET_DEPLOYMENTS;
    const plain = { chainId: 1, contracts: { multicall3, eigenlayer, symbiotic, karak, valuation } };
    const d = parseDeployments({ ...plain, unconfirmed: MAINNET_DEPLOYMENTS.unconfirmed });
    expect(d.symbiotic).toEqual(MAINNET_DEPLOYMENTS.symbiotic);
    expect(d.valuation).toEqual(MAINNET_DEPLOYMENTS.valuation);
    expect(d.unconfirmed).toEqual(['karak.core', 'karak.vaultSupervisor', 'karak.delegationSupervisor', ...MAINNET_VALUATION_UNCONFIRMED]);
    expect(() => parseDeployments({ ...plain, unconfirmed: ['rm -rf'] })).toThrow(/unconfirmed/);
    expect(d.karak).toEqual(MAINNET_DEPLOYMENTS.karak);
  });

  it('marks every mainnet valuation contract UNCONFIRMED and gives testnets none', () => {
    const v = MAINNET_DEPLOYMENTS.valuation!;
    for (const a of [...v.yieldSources.map((y) => y.source), ...v.priceFeeds.map((f) => f.feed)]) {
      expect(MAINNET_DEPLOYMENTS.unconfirmed).toContain(`valuation.${a}`);
    }
    expect(v.priceFeeds.find((f) => f.pair === 'ETH/USD')).toMatchObject({ decimals: 8, token: null });
    expect(parseDeployments({ chainId: 17000, contracts: { eigenlayer: el } }).valuation).toBeUndefined();
  });
});

describe('parseDeployments valuation section', () => {
  const yieldSource = { token: A, symbol: 'rETH', method: 'rETH.getExchangeRate', source: A, underlying: 'ETH' };
  const feed = { pair: 'rETH/ETH', base: 'rETH', quote: 'ETH', token: A, feed: A, description: 'RETH / ETH', decimals: 18, heartbeatSeconds: 86400 };
  const withValuation = (valuation: unknown) => ({ chainId: 31337, contracts: { eigenlayer: el, valuation } });

  it('accepts the devnet manifest shape, checksums addresses and defaults rebasing to false', () => {
    const d = parseDeployments(withValuation({ yieldSources: [yieldSource], priceFeeds: [feed] }));
    expect(d.valuation!.yieldSources[0]).toEqual({ ...yieldSource, token: getAddress(A), source: getAddress(A), rebasing: false });
    expect(d.valuation!.priceFeeds[0]!.feed).toBe(getAddress(A));
  });
  it.each([
    [{ yieldSources: [{ ...yieldSource, method: 'balanceOf' }] }, /method must be one of/],
    [{ yieldSources: [{ ...yieldSource, symbol: '<img src=x>' }] }, /symbol/],
    [{ yieldSources: [yieldSource, yieldSource] }, /token twice/],
    [{ priceFeeds: [{ ...feed, quote: 'EUR' }] }, /quote must be ETH or USD/],
    [{ priceFeeds: [{ ...feed, heartbeatSeconds: 0 }] }, /heartbeatSeconds/],
    [{ priceFeeds: [{ ...feed, pair: 'stETH/ETH' }] }, /pair must be rETH\/ETH/],
    [{ priceFeeds: [{ ...feed, feed: '0x12' }] }, /priceFeeds\[0\]\.feed/],
    [[], /must be an object/],
  ])('refuses valuation %j with a reason', (valuation, reason) => {
    expect(() => parseDeployments(withValuation(valuation))).toThrow(reason);
  });
});
