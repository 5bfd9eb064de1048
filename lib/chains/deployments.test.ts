import { describe, expect, it } from 'vitest';
import { MAINNET_DEPLOYMENTS, MULTICALL3, parseDeployments } from './deployments.js';

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
    const plain = { chainId: 1, contracts: { multicall3: MAINNET_DEPLOYMENTS.multicall3, eigenlayer: MAINNET_DEPLOYMENTS.eigenlayer, symbiotic: MAINNET_DEPLOYMENTS.symbiotic, karak: MAINNET_DEPLOYMENTS.karak } };
    const d = parseDeployments({ ...plain, unconfirmed: MAINNET_DEPLOYMENTS.unconfirmed });
    expect(d.symbiotic).toEqual(MAINNET_DEPLOYMENTS.symbiotic);
    expect(d.unconfirmed).toEqual(['karak.core', 'karak.vaultSupervisor', 'karak.delegationSupervisor']);
    expect(() => parseDeployments({ ...plain, unconfirmed: ['rm -rf'] })).toThrow(/unconfirmed/);
    expect(d.karak).toEqual(MAINNET_DEPLOYMENTS.karak);
  });
});
