import { describe, expect, it } from 'vitest';
import type { PublicClient } from 'viem';
import { memoryCache } from '../protocols/adapter.js';
import { findDeploymentBlock } from './find-deployment-block.js';

const A = '0x0000000000000000000000000000000000000abc' as const;
function chain(deployedAt: number, opts: { failBelow?: number } = {}) {
  let reads = 0;
  const client = {
    getCode: async ({ blockNumber }: { blockNumber: bigint }) => {
      reads++;
      if (opts.failBelow !== undefined && Number(blockNumber) < opts.failBelow) throw new Error('missing trie node');
      return Number(blockNumber) >= deployedAt ? '0x6000' : undefined;
    },
  } as unknown as PublicClient;
  return { client, reads: () => reads };
}

describe('findDeploymentBlock', () => {
  it('finds the first block with code in about log2(head) reads, then caches it', async () => {
    const { client, reads } = chain(20_342_117);
    const cache = memoryCache();
    expect(await findDeploymentBlock(client, cache, 1, A, { head: 24_000_000n, lowerBound: 17_445_563 })).toBe(20_342_117);
    expect(reads()).toBeLessThanOrEqual(26);
    expect(await findDeploymentBlock(client, cache, 1, A, { head: 24_000_000n })).toBe(20_342_117);
    expect(reads()).toBeLessThanOrEqual(26);
  });

  it('returns the lower bound when the contract already existed there, and null when it does not exist', async () => {
    expect(await findDeploymentBlock(chain(5).client, memoryCache(), 1, A, { head: 100n, lowerBound: 10 })).toBe(10);
    expect(await findDeploymentBlock(chain(500).client, memoryCache(), 1, A, { head: 100n })).toBeNull();
  });

  it('gives up (null, nothing cached) on a node without historical state', async () => {
    const cache = memoryCache();
    expect(await findDeploymentBlock(chain(50, { failBelow: 90 }).client, cache, 1, A, { head: 100n })).toBeNull();
    expect(cache.entries()).toEqual({});
  });
});
