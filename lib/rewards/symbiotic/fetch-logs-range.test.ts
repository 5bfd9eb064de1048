import { describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { DISTRIBUTE_TOPICS } from './decode-rewards-log.js';
import { fetchLogsRange, initialChunk } from './fetch-logs-range.js';
import { fakeLogsClient, v2DistributeLog } from './testing/fake-logs.js';

const contract = getAddress('0x1111111111111111111111111111111111111111');
const network = getAddress('0x2222222222222222222222222222222222222222');
const token = getAddress('0x3333333333333333333333333333333333333333');

describe('fetchLogsRange', () => {
  it('asks for the whole range first and shrinks to the provider’s limit, keeping every log', async () => {
    const logs = [5, 480, 999].map((block) => v2DistributeLog({ contract, network, token, amount: 1n, fee: 0n, timestamp: 1, block }));
    const { client, calls } = fakeLogsClient(logs, { maxRange: 300 });
    const state = { chunk: initialChunk() };
    const got = await fetchLogsRange(client, { addresses: [contract], topics: [...DISTRIBUTE_TOPICS] }, 0n, 999n, state);
    expect(got.map((l) => Number(l.blockNumber))).toEqual([5, 480, 999]);
    expect(calls[0]!.toBlock - calls[0]!.fromBlock + 1).toBe(1000);
    expect(state.chunk.ceiling).toBe(300);
    const served = calls.filter((c) => c.toBlock - c.fromBlock + 1 <= 300);
    expect(served[0]!.fromBlock).toBe(0);
    expect(served.at(-1)!.toBlock).toBe(999);
  });

  it('starts at the size learned before (no wasted wide request)', async () => {
    const { client, calls } = fakeLogsClient([], { maxRange: 300 });
    await fetchLogsRange(client, { addresses: [contract], topics: [...DISTRIBUTE_TOPICS] }, 0n, 599n, { chunk: { size: 300, max: 1_000_000, ceiling: 300, streak: 0 } });
    expect(calls.map((c) => [c.fromBlock, c.toBlock])).toEqual([[0, 299], [300, 599]]);
  });
});
