// Which (network, token) pairs ever paid each staker-rewards contract: DistributeRewards logs (topic1
// = network, topic2 = token in both versions; decoded by the contract's version), one eth_getLogs
// (chunked) per group of contracts sharing a cursor, each contract's pairs and cursor cached in
// ctx.cache ('symbiotic-rewards:pairs:…'). Amounts are not taken from logs: rewardsLength and
// claimable() are read on chain at the pinned block.
import { getAddress, isAddress, type Address } from 'viem';
import type { ChunkState } from '../../alerts/chunk-size.js';
import { scanIncrementally } from '../../protocols/symbiotic/log-scan.js';
import type { RewardsReadContext } from '../context.js';
import { DISTRIBUTE_TOPICS, decodeDistributionLog } from './decode-rewards-log.js';
import type { RewardsContractInfo } from './discover-rewards-contracts.js';
import { fetchLogsRange } from './fetch-logs-range.js';

export interface RewardPair {
  network: Address;
  token: Address;
}

export const pairsCacheKey = (chainId: number, contract: Address) => `symbiotic-rewards:pairs:${chainId}:${contract.toLowerCase()}`;

export async function scanDistributionPairs(
  ctx: RewardsReadContext,
  contracts: readonly RewardsContractInfo[],
  startBlock: bigint,
  state: { chunk: ChunkState },
): Promise<Map<Address, RewardPair[]>> {
  const byKey = new Map(contracts.map((c) => [pairsCacheKey(ctx.deployments.chainId, c.contract), c]));
  if (byKey.size === 0) return new Map();
  const found = await scanIncrementally<RewardPair>(
    ctx.cache, [...byKey.keys()], startBlock, ctx.blockNumber, (p) => `${p.network.toLowerCase()}:${p.token.toLowerCase()}`,
    async (keys, from, to) => {
      const group = keys.map((k) => byKey.get(k)!);
      const logs = await fetchLogsRange(ctx.client, { addresses: group.map((c) => c.contract), topics: [...DISTRIBUTE_TOPICS] }, from, to, state);
      const perContract = new Map<string, RewardPair[]>(keys.map((k) => [k, []]));
      for (const log of logs) {
        const info = group.find((c) => c.contract.toLowerCase() === log.address.toLowerCase());
        const pair = info ? decodeDistributionLog(log, info.version) : null;
        if (pair) perContract.get(pairsCacheKey(ctx.deployments.chainId, info!.contract))!.push(pair);
      }
      return perContract;
    },
  );
  const out = new Map<Address, RewardPair[]>();
  for (const [key, pairs] of found) {
    const valid = pairs.filter((p) => p && typeof p.network === 'string' && isAddress(p.network) && typeof p.token === 'string' && isAddress(p.token));
    out.set(byKey.get(key)!.contract, valid.map((p) => ({ network: getAddress(p.network), token: getAddress(p.token) })));
  }
  return out;
}
