import { describe, expect, it } from 'vitest';
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { chainInfo } from '../../chains/registry.js';
import { defaultSettings } from '../storage/settings.js';
import { effectiveChainConfig } from './effective-chain-config.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const override = { chainId: 1, contracts: { eigenlayer: { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A } } };
const MAINNET_RPCS = [...chainInfo(1)!.rpcUrls];

describe('effectiveChainConfig', () => {
  it('uses the registry defaults when nothing is configured (including the UNCONFIRMED list)', () => {
    expect(effectiveChainConfig(defaultSettings(), 1)).toEqual({ chainId: 1, rpcUrls: MAINNET_RPCS, deployments: MAINNET_DEPLOYMENTS });
    expect(effectiveChainConfig(defaultSettings(), 42161)).toEqual({ chainId: 42161, rpcUrls: [...chainInfo(42161)!.rpcUrls], deployments: chainInfo(42161)!.deployments });
  });

  it('prefers the user RPCs and deployments override', () => {
    const s = { ...defaultSettings(), chains: { '1': { enabled: true, rpcUrls: ['https://mine.example'], deploymentsOverride: override } } };
    const c = effectiveChainConfig(s, 1);
    expect(c.rpcUrls).toEqual(['https://mine.example']);
    expect(c.deployments.eigenlayer!.delegationManager).toBe(A);
  });

  it('falls back to the default RPCs when the list is empty', () => {
    expect(effectiveChainConfig({ ...defaultSettings(), chains: { '1': { enabled: true, rpcUrls: [] } } }, 1).rpcUrls).toEqual(MAINNET_RPCS);
  });

  it('explains what is missing for a chain without defaults', () => {
    const s = { ...defaultSettings(), chains: { '5': { enabled: true, rpcUrls: ['https://x.example'] } } };
    expect(() => effectiveChainConfig(s, 5)).toThrow('No contract deployments known for chain 5: paste a deployments file in Options');
    expect(() => effectiveChainConfig(s, 999)).toThrow('No RPC URL for chain 999: add one in Options');
    const wrong = { ...defaultSettings(), chains: { '5': { enabled: true, rpcUrls: ['https://x.example'], deploymentsOverride: override } } };
    expect(() => effectiveChainConfig(wrong, 5)).toThrow('Deployments are for chain 1, not chain 5');
  });
});
