import { describe, expect, it } from 'vitest';
import type { Address, PublicClient } from 'viem';
import { DEFAULT_CHUNK } from './chunk-size.js';
import { fetchLogsChunk, mergeFilters } from './fetch-logs.js';

const a = '0x1111111111111111111111111111111111111111' as Address;

describe('topic-only filters (anyAddress)', () => {
  it('merge: set when any detector needs it, absent otherwise', () => {
    expect(mergeFilters([{ addresses: [a], topics: ['0x01'] }]).anyAddress).toBeUndefined();
    expect(mergeFilters([{ addresses: [a], topics: ['0x01'] }, { addresses: [], topics: ['0x02'], anyAddress: true }])).toEqual({ addresses: [a], topics: ['0x01', '0x02'], anyAddress: true });
  });

  it('the eth_getLogs query drops the address filter only then', async () => {
    const params: Record<string, unknown>[] = [];
    const client = { request: async (r: { params: Record<string, unknown>[] }) => (params.push(r.params[0]!), []) } as unknown as PublicClient;
    await fetchLogsChunk(client, { addresses: [a], topics: ['0x01'] }, 1, 10, DEFAULT_CHUNK);
    await fetchLogsChunk(client, { addresses: [a], topics: ['0x01'], anyAddress: true }, 1, 10, DEFAULT_CHUNK);
    expect(params[0]!.address).toEqual([a]);
    expect('address' in params[1]!).toBe(false);
    expect(params[1]!.topics).toEqual([['0x01']]);
  });
});
