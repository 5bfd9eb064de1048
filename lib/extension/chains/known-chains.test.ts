import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../chains/registry.js';
import { knownChains, orderChainIds } from './known-chains.js';

const mainnetBuild = { network: 'mainnet' as const, chainId: 1, rpcUrls: [...CHAINS[0]!.rpcUrls] };
const devnetBuild = { network: 'devnet' as const, chainId: 31337, rpcUrls: ['http://127.0.0.1:8545'] };

describe('knownChains', () => {
  it('a normal build offers every registry chain and enables only mainnet', () => {
    const chains = knownChains(mainnetBuild);
    expect(chains.map((c) => c.chainId)).toEqual([1, 560048, 11155111, 17000, 42161]);
    expect(chains.filter((c) => c.enabledByDefault).map((c) => c.chainId)).toEqual([1]);
    expect(chains.find((c) => c.chainId === 42161)?.defaultRpcUrls).toContain('https://arb1.arbitrum.io/rpc');
  });

  it('a devnet build adds its devnet first, enabled, and enables no public chain', () => {
    const chains = knownChains(devnetBuild);
    expect(chains[0]).toEqual({ chainId: 31337, name: 'Devnet', testnet: true, defaultRpcUrls: ['http://127.0.0.1:8545'], enabledByDefault: true });
    expect(chains.filter((c) => c.enabledByDefault).map((c) => c.chainId)).toEqual([31337]);
    expect(chains).toHaveLength(CHAINS.length + 1);
  });

  it('orders ids as the known chains, unknown ones last by id', () => {
    expect(orderChainIds(['42161', '5', '31337', '1', '3'], devnetBuild)).toEqual([31337, 1, 42161, 3, 5]);
  });
});
