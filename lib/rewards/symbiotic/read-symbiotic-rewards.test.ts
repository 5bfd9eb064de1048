// The reader's edges without a chain (the figures themselves are covered by
// tests/chain/rewards-symbiotic.test.ts on the real contracts).
import { describe, expect, it } from 'vitest';
import { getAddress, type Address } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { AddressSnapshot } from '../../portfolio/types.js';
import type { RewardsReadContext } from '../context.js';
import { readSymbioticRewards } from './read-symbiotic-rewards.js';
import { fakeRegistryClient } from './testing/fake-registry.js';

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const [factory, alice, bob] = [0xf2, 0xd1, 0xd2].map(addr) as Address[] as [Address, Address, Address];
const snap = (address: Address, failures: AddressSnapshot['failures'] = []): AddressSnapshot => ({ address, positions: [], withdrawals: [], exposures: [], failures });
const ctxOf = (client: RewardsReadContext['client'], symbiotic: object | undefined): RewardsReadContext =>
  ({ client, deployments: { chainId: 1, symbiotic } as never, blockNumber: 5n, blockTimestamp: 0, batch: false, cache: memoryCache(), sidecar: null });

describe('readSymbioticRewards', () => {
  it('gives empty lists when the chain has no staker-rewards factory', async () => {
    const { client, calls } = fakeRegistryClient({ factories: {}, contracts: {} });
    const got = await readSymbioticRewards(ctxOf(client, { vaultFactory: addr(1) }), [alice], new Map([[alice, snap(alice)]]));
    expect(got.get(alice)).toEqual([]);
    expect(calls).toEqual({});
  });

  it('an address whose Symbiotic positions failed is a ReadError, the others are read', async () => {
    const { client } = fakeRegistryClient({ factories: { [factory]: [] }, contracts: {} });
    const positions = new Map([[alice, snap(alice, [{ protocol: 'symbiotic', message: 'vault list unavailable' }])], [bob, snap(bob)]]);
    const got = await readSymbioticRewards(ctxOf(client, { stakerRewardsFactory: factory }), [alice, bob], positions);
    expect(got.get(alice)).toEqual({ error: expect.stringContaining('vault list unavailable') });
    expect(got.get(bob)).toEqual([]);
  });

  it('an unreachable RPC is a ReadError for every address, never an empty list', async () => {
    const client = { readContract: async () => { throw Object.assign(new Error('fetch failed'), { name: 'HttpRequestError' }); } } as unknown as RewardsReadContext['client'];
    const got = await readSymbioticRewards(ctxOf(client, { stakerRewardsFactory: factory }), [alice, bob], new Map([[alice, snap(alice)], [bob, snap(bob)]]));
    for (const a of [alice, bob]) expect(got.get(a)).toEqual({ error: expect.stringMatching(/^Symbiotic rewards could not be read: /) });
  });
});
