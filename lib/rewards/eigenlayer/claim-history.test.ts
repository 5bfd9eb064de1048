import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, encodeEventTopics, getAddress, numberToHex, type Address, type Hex, type PublicClient } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import type { RewardsReadContext } from '../context.js';
import { claimHistoryCacheKey, readClaimHistory } from './claim-history.js';

const RC = getAddress('0x00000000000000000000000000000000000000cc');
const A = getAddress('0x00000000000000000000000000000000000000a1');
const B = getAddress('0x00000000000000000000000000000000000000b2');
const TOKEN = getAddress('0x00000000000000000000000000000000000000e1');
const ROOT = `0x${'11'.repeat(32)}` as Hex;

/** A RewardsClaimed log as an RPC returns it. */
const rawLog = (earner: Address, block: number, amount: bigint) => ({
  address: RC, blockNumber: numberToHex(block), blockHash: `0x${'22'.repeat(32)}`, transactionHash: `0x${block.toString(16).padStart(64, '0')}`, transactionIndex: '0x0', logIndex: '0x0', removed: false,
  topics: encodeEventTopics({ abi: rewardsCoordinatorAbi, eventName: 'RewardsClaimed', args: { earner, claimer: earner, recipient: earner } }),
  data: encodeAbiParameters([{ type: 'bytes32' }, { type: 'address' }, { type: 'uint256' }], [ROOT, TOKEN, amount]),
});

function fakeChain(logs: ReturnType<typeof rawLog>[], maxRange = Infinity) {
  const calls: { from: number; to: number; earners: number }[] = [];
  const client = {
    request: async ({ params: [f] }: { params: [{ fromBlock: Hex; toBlock: Hex; topics: (Hex | Hex[])[] }] }) => {
      const from = Number(f.fromBlock);
      const to = Number(f.toBlock);
      const wanted = (f.topics[1] as Hex[]).map((t) => t.toLowerCase());
      calls.push({ from, to, earners: wanted.length });
      if (to - from + 1 > maxRange) throw Object.assign(new Error('block range too large'), { code: -32005 });
      return logs.filter((l) => Number(l.blockNumber) >= from && Number(l.blockNumber) <= to && wanted.includes((l.topics[1] as Hex).toLowerCase()));
    },
  } as unknown as PublicClient;
  return { client, calls };
}
const ctxAt = (client: PublicClient, blockNumber: number, cache = memoryCache()): RewardsReadContext => ({
  client, deployments: { chainId: 31337, multicall3: RC, eigenlayer: undefined }, blockNumber: BigInt(blockNumber), blockTimestamp: 0, batch: true, cache, sidecar: null,
});

describe('readClaimHistory', () => {
  it('one request per chunk for all addresses; a refresh rescans only the reorg window', async () => {
    const chain = fakeChain([rawLog(A, 10, 5n), rawLog(B, 20, 7n), rawLog(A, 1500, 9n)]);
    const cache = memoryCache();
    const first = await readClaimHistory(ctxAt(chain.client, 1000, cache), RC, [A, B]);
    expect(chain.calls).toEqual([{ from: 0, to: 1000, earners: 2 }]);
    expect(first.get(A)!.map((c) => c.amount)).toEqual(['5']);
    expect(first.get(B)![0]).toMatchObject({ earner: B, claimer: B, token: TOKEN, amount: '7', blockNumber: '20', root: ROOT });
    chain.calls.length = 0;
    const second = await readClaimHistory(ctxAt(chain.client, 2000, cache), RC, [A, B]);
    expect(chain.calls).toEqual([{ from: 1000 + 1 - 64, to: 2000, earners: 2 }]);
    expect(second.get(A)!.map((c) => c.amount)).toEqual(['5', '9']);
    expect(cache.get(claimHistoryCacheKey(31337, RC))).toBeDefined();
  });

  it('a chain behind the cursor (revert) rescans that address from the start', async () => {
    const chain = fakeChain([rawLog(A, 10, 5n)]);
    const cache = memoryCache();
    await readClaimHistory(ctxAt(chain.client, 1000, cache), RC, [A]);
    chain.calls.length = 0;
    const again = await readClaimHistory(ctxAt(chain.client, 500, cache), RC, [A]);
    expect(chain.calls[0]!.from).toBe(0);
    expect(again.get(A)!).toHaveLength(1);
  });

  it('shrinks the range when the provider refuses it and still finds every log', async () => {
    const chain = fakeChain([rawLog(A, 10, 5n), rawLog(A, 2999, 6n)], 500);
    const got = await readClaimHistory(ctxAt(chain.client, 3000), RC, [A]);
    expect(got.get(A)!.map((c) => c.amount)).toEqual(['5', '6']);
    expect(chain.calls.some((c) => c.to - c.from + 1 > 500)).toBe(true);
    expect(chain.calls.filter((c) => c.to - c.from + 1 <= 500).at(-1)!.to).toBe(3000);
  });

  it('a failing scan leaves the cached cursor untouched', async () => {
    const good = fakeChain([rawLog(A, 10, 5n)]);
    const cache = memoryCache();
    await readClaimHistory(ctxAt(good.client, 1000, cache), RC, [A]);
    const before = JSON.stringify(cache.get(claimHistoryCacheKey(31337, RC)));
    const broken = { request: async () => Promise.reject(new Error('boom')) } as unknown as PublicClient;
    await expect(readClaimHistory(ctxAt(broken, 2000, cache), RC, [A, B])).rejects.toThrow('boom');
    expect(JSON.stringify(cache.get(claimHistoryCacheKey(31337, RC)))).toBe(before);
  });
});
