// Claim scanning over v1 and v2 contracts at once: one query for all addresses (claimer in topic3),
// decoded per contract version, cursors per address in the cache.
import { describe, expect, it } from 'vitest';
import { getAddress, pad, type Address } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { RewardsReadContext } from '../context.js';
import type { RewardsContractInfo } from './discover-rewards-contracts.js';
import { initialChunk } from './fetch-logs-range.js';
import { scanClaims } from './scan-claims.js';
import { fakeLogsClient, v1ClaimLog, v2ClaimLog } from './testing/fake-logs.js';

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const [v1, v2, network, token, alice, bob, carol] = [0xa1, 0xa2, 0xb0, 0xc0, 0xd1, 0xd2, 0xd3].map(addr) as Address[] as [Address, Address, Address, Address, Address, Address, Address];
const contracts: RewardsContractInfo[] = [
  { contract: v1, vault: addr(0xe1), version: 1, factory: addr(0xf1) },
  { contract: v2, vault: addr(0xe2), version: 2, factory: addr(0xf2) },
];
const ctxOf = (client: RewardsReadContext['client'], blockNumber: bigint, cache = memoryCache()): RewardsReadContext =>
  ({ client, deployments: { chainId: 1 } as never, blockNumber, blockTimestamp: 0, batch: true, cache, sidecar: null });

const logs = [
  v1ClaimLog({ contract: v1, network, token, claimer: alice, recipient: carol, amount: 10n, block: 100 }),
  v2ClaimLog({ contract: v2, network, token, claimer: alice, recipient: alice, amount: 20n, block: 200 }),
  v2ClaimLog({ contract: v2, network, token, claimer: bob, recipient: bob, amount: 30n, block: 300 }),
  // A v2-shaped log from the v1 contract is not a v1 claim: dropped, not decoded with swapped fields.
  v2ClaimLog({ contract: v1, network, token, claimer: alice, recipient: alice, amount: 99n, block: 150 }),
  // Claims by someone not asked for stay out (the node filters topic3).
  v2ClaimLog({ contract: v2, network, token, claimer: carol, recipient: carol, amount: 40n, block: 250 }),
];

describe('scanClaims', () => {
  it('finds each address’s claims on v1 and v2 contracts with one query filtered by claimer topic', async () => {
    const { client, calls } = fakeLogsClient(logs);
    const got = await scanClaims(ctxOf(client, 1000n), contracts, [alice, bob], 0n, { chunk: initialChunk() });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.address).toEqual([v1, v2]);
    expect(calls[0]!.topics[3]).toEqual([pad(alice.toLowerCase() as Address), pad(bob.toLowerCase() as Address)]);
    expect(got.get(alice)!.map((c) => [c.contract, c.amount, c.recipient])).toEqual([[v1, '10', carol], [v2, '20', alice]]);
    expect(got.get(bob)!.map((c) => c.amount)).toEqual(['30']);
  });

  it('continues from each address’s cursor and scans a new address from the start', async () => {
    const cache = memoryCache();
    const first = fakeLogsClient(logs);
    await scanClaims(ctxOf(first.client, 1000n, cache), contracts, [alice], 0n, { chunk: initialChunk() });
    const second = fakeLogsClient([...logs, v2ClaimLog({ contract: v2, network, token, claimer: alice, recipient: alice, amount: 50n, block: 1100 })]);
    const got = await scanClaims(ctxOf(second.client, 1200n, cache), contracts, [alice, bob], 0n, { chunk: initialChunk() });
    // alice resumes 64 blocks behind the previous read block (reorg margin); bob starts at 0.
    expect(second.calls.map((c) => c.fromBlock).sort((a, b) => a - b)).toEqual([0, 937]);
    expect(got.get(alice)!.map((c) => c.amount)).toEqual(['10', '20', '50']);
    expect(got.get(bob)!.map((c) => c.amount)).toEqual(['30']);
  });

  it('needs no query when there are no rewards contracts', async () => {
    const { client, calls } = fakeLogsClient(logs);
    expect((await scanClaims(ctxOf(client, 1000n), [], [alice], 0n, { chunk: initialChunk() })).get(alice)).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});
