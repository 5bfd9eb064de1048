import { describe, expect, it } from 'vitest';
import { getAddress, type Address } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { RewardsReadContext } from '../context.js';
import type { RewardsContractInfo } from './discover-rewards-contracts.js';
import { initialChunk } from './fetch-logs-range.js';
import { scanDistributionPairs } from './scan-distributions.js';
import { fakeLogsClient, v1DistributeLog, v2DistributeLog } from './testing/fake-logs.js';

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const [v1, v2, n1, n2, t1, t2] = [0xa1, 0xa2, 0xb1, 0xb2, 0xc1, 0xc2].map(addr) as Address[] as [Address, Address, Address, Address, Address, Address];
const contracts: RewardsContractInfo[] = [
  { contract: v1, vault: addr(0xe1), version: 1, factory: addr(0xf1) },
  { contract: v2, vault: addr(0xe2), version: 2, factory: addr(0xf2) },
];
const ctx = (client: RewardsReadContext['client']): RewardsReadContext =>
  ({ client, deployments: { chainId: 1 } as never, blockNumber: 1000n, blockTimestamp: 0, batch: true, cache: memoryCache(), sidecar: null });

describe('scanDistributionPairs', () => {
  it('lists the distinct (network, token) pairs that paid each contract, decoded per version', async () => {
    const { client, calls } = fakeLogsClient([
      v1DistributeLog({ contract: v1, network: n1, token: t1, amount: 1n, timestamp: 5, block: 10 }),
      v1DistributeLog({ contract: v1, network: n1, token: t1, amount: 2n, timestamp: 6, block: 11 }),
      v1DistributeLog({ contract: v1, network: n2, token: t2, amount: 2n, timestamp: 6, block: 12 }),
      v2DistributeLog({ contract: v2, network: n2, token: t1, amount: 3n, fee: 1n, timestamp: 7, block: 20 }),
      // the v1 event shape from the v2 contract is not a v2 distribution
      v1DistributeLog({ contract: v2, network: n1, token: t2, amount: 3n, timestamp: 7, block: 21 }),
    ]);
    const got = await scanDistributionPairs(ctx(client), contracts, 0n, { chunk: initialChunk() });
    expect(calls).toHaveLength(1);
    expect(got.get(v1)).toEqual([{ network: n1, token: t1 }, { network: n2, token: t2 }]);
    expect(got.get(v2)).toEqual([{ network: n2, token: t1 }]);
  });
});
