import { describe, expect, it } from 'vitest';
import type { Hex, PublicClient } from 'viem';
import { findForkPoint } from './find-fork.js';
import { mergeFilters } from './fetch-logs.js';

const h = (n: number, fork = '') => `0x${(fork + String(n)).padStart(64, '0')}` as Hex;
/** A chain whose blocks >= forkAt have different hashes; blocks above `height` do not exist. */
function chain(forkAt: number, height = 1_000) {
  let calls = 0;
  const client = {
    getBlock: async ({ blockNumber }: { blockNumber: bigint }) => {
      calls++;
      const n = Number(blockNumber);
      if (n > height) throw Object.assign(new Error('not found'), { name: 'BlockNotFoundError' });
      return { hash: h(n, n >= forkAt ? 'f' : '') };
    },
  } as unknown as PublicClient;
  return { client, calls: () => calls };
}
const recent = Array.from({ length: 10 }, (_, i) => ({ number: 100 + i, hash: h(100 + i) }));

describe('findForkPoint', () => {
  it('costs one header when the newest recorded block is unchanged', async () => {
    const c = chain(10_000);
    expect(await findForkPoint(c.client, recent)).toBeNull();
    expect(c.calls()).toBe(1);
  });

  it('finds the first changed block', async () => {
    expect(await findForkPoint(chain(105).client, recent)).toBe(105);
  });

  it('treats vanished blocks (a shorter chain) as changed', async () => {
    expect(await findForkPoint(chain(10_000, 103).client, recent)).toBe(104);
  });

  it('a reorg deeper than the window rescans from the oldest recorded block', async () => {
    expect(await findForkPoint(chain(50).client, recent)).toBe(100);
  });

  it('nothing recorded: nothing to check', async () => {
    expect(await findForkPoint(chain(0).client, [])).toBeNull();
  });
});

describe('mergeFilters', () => {
  it('one address array and one topic0 array for all detectors, deduplicated', () => {
    const a = '0x00000000000000000000000000000000000000aA' as const;
    expect(mergeFilters([{ addresses: [a], topics: ['0x01'] }, { addresses: [a.toLowerCase() as typeof a], topics: ['0x01', '0x02'] }])).toEqual({ addresses: [a.toLowerCase()], topics: ['0x01', '0x02'] });
  });
});
