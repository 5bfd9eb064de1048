import { describe, expect, it } from 'vitest';
import { getAddress, type Address, type PublicClient } from 'viem';
import type { Deployments } from '../../chains/deployments.js';
import { memoryCache, type ReadContext } from '../adapter.js';
import { cacheKeys, discover } from './discovery.js';

const A = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const CORE = A(0xc0);

type Log = { eventName: string; blockNumber: bigint; logIndex: number; args: Record<string, unknown> };

/** A client whose getLogs serves `logs` by block range and records the ranges asked for. */
function fakeCtx(logs: Log[], head: bigint, cache = memoryCache(), fromBlock?: number) {
  const asked: [bigint, bigint][] = [];
  const client = {
    getLogs: async ({ fromBlock: f, toBlock: t }: { fromBlock: bigint; toBlock: bigint }) => {
      asked.push([f, t]);
      return logs.filter((l) => l.blockNumber >= f && l.blockNumber <= t);
    },
  } as unknown as PublicClient;
  const deployments: Deployments = { chainId: 7, multicall3: A(1), karak: { core: CORE, fromBlock } };
  const ctx: ReadContext = { client, deployments, blockNumber: head, batch: true, cache };
  return { ctx, asked, cache };
}

const update = (nonce: number, vault: Address, dss: Address, toStake: boolean) => ({ nonce, startTimestamp: 100 + nonce, operator: A(2), updateRequest: { vault, dss, toStake } });

describe('Karak discovery from Core logs', () => {
  it('scans from fromBlock in 10k-block ranges, then only after the cursor', async () => {
    const logs: Log[] = [{ eventName: 'DeployedVault', blockNumber: 5n, logIndex: 0, args: { operator: A(2), vault: A(3), asset: A(4) } }];
    const first = fakeCtx(logs, 25_000n, memoryCache(), 1);
    const d1 = await discover(first.ctx, CORE);
    expect(first.asked).toEqual([[1n, 10_000n], [10_001n, 20_000n], [20_001n, 25_000n]]);
    expect(d1.vaults).toEqual([{ vault: A(3), operator: A(2), asset: A(4) }]);
    expect(first.cache.get(cacheKeys(7, CORE).vaults)).toEqual({ vaults: d1.vaults, cursorBlock: 25_000 });

    logs.push({ eventName: 'DeployedVault', blockNumber: 25_003n, logIndex: 0, args: { operator: A(2), vault: A(5), asset: A(4) } });
    const second = fakeCtx(logs, 25_010n, first.cache, 1);
    const d2 = await discover(second.ctx, CORE);
    expect(second.asked).toEqual([[25_001n, 25_010n]]);
    expect(d2.vaults.map((v) => v.vault)).toEqual([A(3), A(5)]);
    // Same block again: nothing to scan.
    const third = fakeCtx(logs, 25_010n, first.cache, 1);
    await discover(third.ctx, CORE);
    expect(third.asked).toEqual([]);
  });

  it('tracks registrations and pending stake updates in log order', async () => {
    const logs: Log[] = [
      { eventName: 'RegisteredOperatorToDSS', blockNumber: 1n, logIndex: 0, args: { operator: A(2), dss: A(8) } },
      { eventName: 'RegisteredOperatorToDSS', blockNumber: 1n, logIndex: 1, args: { operator: A(2), dss: A(9) } },
      { eventName: 'UnregisteredOperatorToDSS', blockNumber: 2n, logIndex: 0, args: { operator: A(2), dss: A(8) } },
      { eventName: 'RequestedStakeUpdate', blockNumber: 3n, logIndex: 0, args: { updateRequest: update(0, A(3), A(9), true) } },
      { eventName: 'RequestedStakeUpdate', blockNumber: 3n, logIndex: 1, args: { updateRequest: update(1, A(5), A(9), true) } },
      { eventName: 'FinishedStakeUpdate', blockNumber: 4n, logIndex: 0, args: { updateRequest: update(0, A(3), A(9), true) } },
    ];
    const d = await discover(fakeCtx(logs, 10n).ctx, CORE);
    expect(d.registrations).toEqual([{ operator: A(2), dss: A(9) }]);
    expect(d.pendingStakeUpdates).toEqual([{ nonce: 1, startTimestamp: 101, operator: A(2), vault: A(5), dss: A(9), toStake: true }]);
  });

  it('ignores a malformed cache entry and rescans from the start', async () => {
    const cache = memoryCache({ [cacheKeys(7, CORE).vaults]: { vaults: [{ vault: 'nope' }], cursorBlock: 50 } });
    const { ctx, asked } = fakeCtx([], 60n, cache);
    await discover(ctx, CORE);
    expect(asked).toEqual([[0n, 60n]]);
  });
});
