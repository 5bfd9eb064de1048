import { describe, expect, it } from 'vitest';
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { MAINNET_RPC_URLS } from '../mainnet-rpc-urls.js';
import { defaultSettings } from '../storage/settings.js';
import { effectiveChainConfig } from './effective-chain-config.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const override = { chainId: 1, contracts: { eigenlayer: { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A } } };

describe('effectiveChainConfig', () => {
  it('uses the build defaults when nothing is configured', () => {
    expect(effectiveChainConfig(defaultSettings())).toEqual({ chainId: 1, rpcUrls: [...MAINNET_RPC_URLS], deployments: MAINNET_DEPLOYMENTS });
  });

  it('prefers the user RPCs and deployments override', () => {
    const s = { ...defaultSettings(), chains: { '1': { rpcUrls: ['https://mine.example'], deploymentsOverride: override } } };
    const c = effectiveChainConfig(s);
    expect(c.rpcUrls).toEqual(['https://mine.example']);
    expect(c.deployments.eigenlayer!.delegationManager).toBe(A);
  });

  it('falls back to the default RPCs when the list is empty', () => {
    expect(effectiveChainConfig({ ...defaultSettings(), chains: { '1': { rpcUrls: [] } } }).rpcUrls).toEqual([...MAINNET_RPC_URLS]);
  });

  it('explains what is missing for a chain without defaults', () => {
    expect(() => effectiveChainConfig({ ...defaultSettings(), activeChainId: 5, chains: { '5': { rpcUrls: ['https://x.example'] } } })).toThrow(
      'No contract deployments known for chain 5: paste a deployments file in Options',
    );
  });
});
