// Claim history per address: ClaimRewards logs of every known staker-rewards contract whose claimer
// (topic3 in both versions) is one of the addresses — one eth_getLogs (chunked) for all addresses
// that share a cursor, so the request count does not grow with the watch list. Each address keeps
// its own cursor in ctx.cache ('symbiotic-rewards:claims:…'): an address added later is scanned from
// the start without rescanning the others. Logs are decoded by the emitting contract's version.
import { getAddress, isAddress, pad, type Address } from 'viem';
import type { ChunkState } from '../../alerts/chunk-size.js';
import { scanIncrementally } from '../../protocols/symbiotic/log-scan.js';
import type { RewardsReadContext } from '../context.js';
import { CLAIM_TOPICS, decodeClaimLog, type StoredClaim } from './decode-rewards-log.js';
import type { RewardsContractInfo } from './discover-rewards-contracts.js';
import { fetchLogsRange } from './fetch-logs-range.js';

export const claimsCacheKey = (chainId: number, address: Address) => `symbiotic-rewards:claims:${chainId}:${address.toLowerCase()}`;

export async function scanClaims(
  ctx: RewardsReadContext,
  contracts: readonly RewardsContractInfo[],
  addresses: readonly Address[],
  startBlock: bigint,
  state: { chunk: ChunkState },
): Promise<Map<Address, StoredClaim[]>> {
  const out = new Map<Address, StoredClaim[]>(addresses.map((a) => [a, []]));
  if (contracts.length === 0 || addresses.length === 0) return out;
  const versionOf = new Map(contracts.map((c) => [c.contract.toLowerCase(), c.version]));
  const byKey = new Map(addresses.map((a) => [claimsCacheKey(ctx.deployments.chainId, a), a]));

  const found = await scanIncrementally<StoredClaim>(
    ctx.cache, [...byKey.keys()], startBlock, ctx.blockNumber, (c) => `${c.txHash}:${c.logIndex}`,
    async (keys, from, to) => {
      const claimers = keys.map((k) => byKey.get(k)!);
      const logs = await fetchLogsRange(
        ctx.client,
        { addresses: contracts.map((c) => c.contract), topics: [...CLAIM_TOPICS], indexedTopics: [null, null, claimers.map((a) => pad(a.toLowerCase() as Address))] },
        from, to, state,
      );
      const perClaimer = new Map<string, StoredClaim[]>(keys.map((k) => [k, []]));
      for (const log of logs) {
        const version = versionOf.get(log.address.toLowerCase());
        const claim = version === undefined ? null : decodeClaimLog(log, version);
        if (claim) perClaimer.get(claimsCacheKey(ctx.deployments.chainId, claim.claimer))?.push(claim);
      }
      return perClaimer;
    },
  );
  for (const [key, claims] of found) {
    // Cached values come from storage: keep only well-formed claims of known contracts up to the read block.
    const valid = claims.filter((c) => c && typeof c.amount === 'string' && /^\d+$/.test(c.amount) && /^\d+$/.test(c.blockNumber ?? '')
      && [c.contract, c.network, c.token, c.claimer, c.recipient].every((x) => typeof x === 'string' && isAddress(x))
      && versionOf.has(c.contract.toLowerCase()) && BigInt(c.blockNumber) <= ctx.blockNumber);
    out.set(byKey.get(key)!, valid.map((c) => ({ ...c, contract: getAddress(c.contract) })));
  }
  return out;
}
