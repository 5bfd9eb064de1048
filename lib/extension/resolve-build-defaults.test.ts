import { describe, expect, it } from 'vitest';
import { MAINNET_DEPLOYMENTS, parseDeployments } from '../chains/deployments.js';
import { resolveBuildDefaults } from './resolve-build-defaults.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const manifest = { chainId: 31337, rpcUrl: 'http://127.0.0.1:8545', contracts: { eigenlayer: { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A } }, actors: { alice: A } };

describe('resolveBuildDefaults', () => {
  it('defaults to mainnet with slow alarms', () => {
    const d = resolveBuildDefaults({});
    expect(d).toMatchObject({ network: 'mainnet', chainId: 1, fastAlarms: false });
    // The UNCONFIRMED list survives the round trip, so the Karak adapter still verifies those addresses.
    expect(parseDeployments(d.deployments)).toEqual(MAINNET_DEPLOYMENTS);
    expect(d.rpcUrls).toEqual(['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com', 'https://eth.drpc.org']);
  });

  it('uses the devnet manifest named by RESTAKE_DEVNET_MANIFEST', () => {
    const d = resolveBuildDefaults({ RESTAKE_DEVNET_MANIFEST: '/m.json', RESTAKE_FAST_ALARMS: '1' }, () => JSON.stringify(manifest));
    expect(d).toMatchObject({ network: 'devnet', chainId: 31337, rpcUrls: ['http://127.0.0.1:8545'], fastAlarms: true });
    expect(parseDeployments(d.deployments).eigenlayer?.delegationManager).toBe(A);
  });

  it('fails the build on a manifest without a usable rpcUrl or contracts', () => {
    expect(() => resolveBuildDefaults({ RESTAKE_DEVNET_MANIFEST: '/m.json' }, () => JSON.stringify({ ...manifest, rpcUrl: undefined }))).toThrow(/rpcUrl must be an http\(s\) URL/);
    expect(() => resolveBuildDefaults({ RESTAKE_DEVNET_MANIFEST: '/m.json' }, () => JSON.stringify({ chainId: 31337 }))).toThrow('contracts is missing');
  });
});
