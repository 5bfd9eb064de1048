import { describe, expect, it } from 'vitest';
import { MULTICALL3 } from '../../chains/deployments.js';
import { parseChainForm, parseChainId, parseChainSettings } from './parse-chain-settings.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const sepolia = { chainId: 11155111, contracts: { eigenlayer: { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A } }, actors: { alice: A } };
const form = (over: Partial<Parameters<typeof parseChainForm>[0]> = {}) => ({ chainId: 11155111, enabled: true, rpcText: '', overrideText: '', ...over });

describe('parseChainSettings (options page and background)', () => {
  it('an empty RPC list means the built-in RPCs; no override means the built-in deployments', () => {
    expect(parseChainSettings({ chainId: 42161, enabled: true, rpcUrls: [], deploymentsOverride: null })).toEqual({ enabled: true, rpcUrls: [] });
  });

  it('keeps the validated core of an override (not the manifest extras), deduplicates RPCs', () => {
    const chain = parseChainSettings({ chainId: 11155111, enabled: false, rpcUrls: ['https://a.example', 'https://a.example'], deploymentsOverride: sepolia });
    expect(chain).toEqual({ enabled: false, rpcUrls: ['https://a.example'], deploymentsOverride: { chainId: 11155111, contracts: { multicall3: MULTICALL3, eigenlayer: sepolia.contracts.eigenlayer } } });
  });

  it.each([
    ['deployments for another chain', { chainId: 1, rpcUrls: [], deploymentsOverride: sepolia }, 'The deployments file is for chain 11155111, not chain 1'],
    ['an unknown chain without RPC', { chainId: 5, rpcUrls: [], deploymentsOverride: null }, 'No built-in RPC for chain 5: enter at least one RPC URL'],
    ['an unknown chain without deployments', { chainId: 5, rpcUrls: ['https://x.example'], deploymentsOverride: null }, 'No built-in deployments for chain 5: paste a deployments file'],
    ['a bad scheme', { chainId: 1, rpcUrls: ['ws://x'], deploymentsOverride: null }, /Unsupported scheme ws:/],
    ['too many RPCs', { chainId: 1, rpcUrls: [1, 2, 3, 4, 5, 6].map((i) => `https://r${i}.example`), deploymentsOverride: null }, 'At most 5 RPC URLs'],
    ['a bad chain id', { chainId: 0, rpcUrls: [], deploymentsOverride: null }, 'Chain id must be a positive integer'],
  ])('refuses %s with the reason', (_name, input, reason) => {
    expect(() => parseChainSettings({ enabled: true, ...input })).toThrow(reason);
  });
});

describe('parseChainForm (options page text fields)', () => {
  it('reads one URL per line and the override as JSON', () => {
    const chain = parseChainForm(form({ rpcText: ' https://a.example \n\nhttps://b.example', overrideText: JSON.stringify(sepolia) }));
    expect(chain.rpcUrls).toEqual(['https://a.example', 'https://b.example']);
    expect(chain.deploymentsOverride).toMatchObject({ chainId: 11155111 });
  });

  it('says which field is wrong', () => {
    expect(() => parseChainForm(form({ overrideText: '{nope' }))).toThrow(/^Deployments override is not valid JSON: /);
    expect(() => parseChainForm(form({ overrideText: '{"chainId": 11155111}' }))).toThrow('Deployments override: contracts is missing');
    expect(() => parseChainForm(form({ rpcText: 'localhost:8545' }))).toThrow(/Unsupported scheme localhost:/);
  });
});

describe('parseChainId', () => {
  it.each([['17000', 17000], [' 1 ', 1], [42161, 42161]])('accepts %s', (input, expected) => expect(parseChainId(input)).toBe(expected));
  it.each(['', 'abc', '-1', '1.5', 0, '99999999999999999999'])('refuses %s', (input) => expect(() => parseChainId(input)).toThrow('Chain id must be a positive integer'));
});
