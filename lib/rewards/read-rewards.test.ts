import { describe, expect, it, vi } from 'vitest';
import { ALICE, sampleSnapshot } from '../extension/testing/sample-snapshot.js';
import { readRewards, type RewardsReaders } from './read-rewards.js';

const config = {
  chainId: 1,
  rpcUrls: ['http://127.0.0.1:1'],
  deployments: {
    chainId: 1,
    multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11' as const,
    eigenlayer: { delegationManager: ALICE, strategyManager: ALICE, eigenPodManager: ALICE, allocationManager: ALICE, rewardsCoordinator: ALICE },
  },
};
const httpError = () => Object.assign(new Error('HTTP request failed'), { name: 'HttpRequestError' });

function readers(over: Partial<RewardsReaders> = {}): RewardsReaders {
  return {
    eigenlayer: vi.fn(async () => new Map()),
    symbiotic: vi.fn(async () => new Map()),
    karak: vi.fn(async () => new Map()),
    baseYield: vi.fn(async () => []),
    prices: vi.fn(async () => []),
    ...over,
  };
}

describe('readRewards', () => {
  it('reads at the block of the positions snapshot it is given', async () => {
    const snapshot = sampleSnapshot({ blockNumber: 777n });
    const r = readers();
    const { rewards } = await readRewards(config, [ALICE], { snapshot, readers: r });
    expect(rewards.blockNumber).toBe(777n);
    expect((r.eigenlayer as any).mock.calls[0][0].blockNumber).toBe(777n);
  });

  it('marks an address a reader skipped as unknown, never as "no rewards"', async () => {
    const { rewards } = await readRewards(config, [ALICE], { snapshot: sampleSnapshot(), readers: readers() });
    expect(rewards.addresses[0]!.eigenlayer).toEqual({ error: 'not read' });
  });

  it('once the RPC is unreachable, the other sources fail with the same reason without being asked', async () => {
    const r = readers({ eigenlayer: vi.fn(async () => Promise.reject(httpError())) });
    const { rewards } = await readRewards(config, [ALICE], { snapshot: sampleSnapshot(), readers: r });
    expect(rewards.addresses[0]!.eigenlayer).toEqual({ error: 'HTTP request failed' });
    expect(rewards.prices).toEqual({ error: 'HTTP request failed' });
    expect(r.prices).not.toHaveBeenCalled();
    expect(r.baseYield).not.toHaveBeenCalled();
  });

  it('a source failing for another reason does not stop the others', async () => {
    const r = readers({ eigenlayer: vi.fn(async () => Promise.reject(new Error('execution reverted'))) });
    const { rewards } = await readRewards(config, [ALICE], { snapshot: sampleSnapshot(), readers: r });
    expect(rewards.addresses[0]!.eigenlayer).toEqual({ error: 'execution reverted' });
    expect(r.prices).toHaveBeenCalled();
    expect(rewards.prices).toEqual([]);
  });
});
