import { describe, expect, it } from 'vitest';
import { getAddress, type Address } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { RewardsReadContext } from '../context.js';
import { discoverRewardsContracts, factoryCacheKey } from './discover-rewards-contracts.js';
import { fakeRegistryClient, type FakeRewardsChain } from './testing/fake-registry.js';

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const [f2, f1, r1, r2, r3, junk, vaultA, vaultB] = [0xf2, 0xf1, 0xa1, 0xa2, 0xa3, 0xee, 0xb1, 0xb2].map(addr) as Address[] as Address[];
const ctxOf = (client: RewardsReadContext['client'], cache = memoryCache()): RewardsReadContext =>
  ({ client, deployments: { chainId: 1 } as never, blockNumber: 1n, blockTimestamp: 0, batch: false, cache, sidecar: null });

describe('discoverRewardsContracts', () => {
  const chain: FakeRewardsChain = {
    factories: { [f2!]: [r2!, junk!], [f1!]: [r1!] },
    contracts: { [r1!]: { vault: vaultA!, version: 1n }, [r2!]: { vault: vaultA!, version: 2n } },
  };

  it('enumerates both factories and keeps each contract’s vault and version (a non-rewards entity is left out)', async () => {
    const { client } = fakeRegistryClient(chain);
    const got = await discoverRewardsContracts(ctxOf(client), [f2!, f1!]);
    expect(got).toEqual([
      { contract: r2, vault: vaultA, version: 2, factory: f2 },
      { contract: r1, vault: vaultA, version: 1, factory: f1 },
    ]);
  });

  it('on a refresh reads only the entities added since (counts kept in the cache)', async () => {
    const cache = memoryCache();
    await discoverRewardsContracts(ctxOf(fakeRegistryClient(chain).client, cache), [f2!, f1!]);
    expect((cache.get(factoryCacheKey(1, f2!)) as { seen: number }).seen).toBe(2);
    const grown: FakeRewardsChain = { factories: { ...chain.factories, [f2!]: [r2!, junk!, r3!] }, contracts: { ...chain.contracts, [r3!]: { vault: vaultB!, version: 2n } } };
    const { client, calls } = fakeRegistryClient(grown);
    const got = await discoverRewardsContracts(ctxOf(client, cache), [f2!, f1!]);
    expect(calls).toEqual({ totalEntities: 2, entity: 1, VAULT: 1, version: 1 });
    expect(got.map((c) => c.contract)).toEqual([r2, r3, r1]);
  });

  it('starts over when a registry has fewer entities than cached (another chain or fork)', async () => {
    const cache = memoryCache();
    await discoverRewardsContracts(ctxOf(fakeRegistryClient(chain).client, cache), [f2!, f1!]);
    const shrunk: FakeRewardsChain = { factories: { ...chain.factories, [f2!]: [r2!] }, contracts: chain.contracts };
    const got = await discoverRewardsContracts(ctxOf(fakeRegistryClient(shrunk).client, cache), [f2!, f1!]);
    expect(got.map((c) => c.contract)).toEqual([r2, r1]);
    expect((cache.get(factoryCacheKey(1, f2!)) as { seen: number }).seen).toBe(1);
  });
});
