// RewardsClaimed history of many earners with one eth_getLogs per block chunk (earner = topic1, an
// OR-list of all addresses), so a refresh costs the same number of requests for 1 or 100 addresses.
// A per-address cursor and the decoded claims live in ctx.cache, so a refresh only scans new blocks
// (plus the last REORG_WINDOW blocks again, dropping what a reorg removed). An address added later is
// scanned from the start block on its own. Chunks come from the alert scanner's fetchLogsChunk.
import { decodeEventLog, encodeEventTopics, getAddress, type Address, type Hex, type Log } from 'viem';
import { DEFAULT_CHUNK, onChunkSuccess, type ChunkState } from '../../alerts/chunk-size.js';
import { fetchLogsChunk } from '../../alerts/fetch-logs.js';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import type { RewardsReadContext } from '../context.js';
import { rewardsScanStartBlock } from './start-blocks.js';
import { findDeploymentBlock } from '../../chains/find-deployment-block.js';

export const REORG_WINDOW = 64;
/** Earners per eth_getLogs topic list: providers cap OR-lists of topics. */
const EARNERS_PER_QUERY = 100;

/** A RewardsClaimed log, JSON-safe for the cache (amounts and block numbers as decimal strings). */
export interface CachedClaim {
  root: Hex;
  earner: Address;
  claimer: Address;
  recipient: Address;
  token: Address;
  amount: string;
  blockNumber: string;
  txHash: Hex;
  logIndex: number;
}

interface CacheValue {
  v: 1;
  chunk: ChunkState;
  earners: Record<string, { scannedTo: number; claims: CachedClaim[] }>;
}

export const claimHistoryCacheKey = (chainId: number, rewardsCoordinator: Address) => `eigenlayer-rewards:claims:${chainId}:${rewardsCoordinator.toLowerCase()}`;

function load(ctx: RewardsReadContext, key: string): CacheValue {
  const v = ctx.cache.get(key) as CacheValue | undefined;
  // A copy: a scan that fails half-way must not leave a half-updated cursor behind.
  return v && v.v === 1 && typeof v.earners === 'object' ? structuredClone(v) : { v: 1, chunk: DEFAULT_CHUNK, earners: {} };
}

function decode(log: Log): CachedClaim {
  const { args } = decodeEventLog({ abi: rewardsCoordinatorAbi, eventName: 'RewardsClaimed', data: log.data, topics: log.topics as [Hex, ...Hex[]] });
  return {
    root: args.root, earner: getAddress(args.earner), claimer: getAddress(args.claimer), recipient: getAddress(args.recipient), token: getAddress(args.token),
    amount: args.claimedAmount.toString(), blockNumber: String(log.blockNumber), txHash: log.transactionHash!, logIndex: log.logIndex!,
  };
}

async function scanRange(ctx: RewardsReadContext, rc: Address, earners: Address[], from: number, head: number, state: { chunk: ChunkState }): Promise<CachedClaim[]> {
  const [topic0, earnerTopics] = encodeEventTopics({ abi: rewardsCoordinatorAbi, eventName: 'RewardsClaimed', args: { earner: earners } }) as [Hex, Hex[]];
  const filter = { addresses: [rc], topics: [topic0], indexedTopics: [earnerTopics] };
  const out: CachedClaim[] = [];
  for (let start = from; start <= head; ) {
    // fetchLogsChunk shrinks the range on provider limits; growing back is the caller's job.
    const got = await fetchLogsChunk(ctx.client, filter, start, head, state.chunk);
    for (const l of got.logs) out.push(decode(l));
    state.chunk = onChunkSuccess(got.chunk, got.toBlock - got.fromBlock + 1);
    start = got.toBlock + 1;
  }
  return out;
}

/** Claims per address (oldest first) up to ctx.blockNumber; updates the cache. */
export async function readClaimHistory(ctx: RewardsReadContext, rc: Address, addresses: readonly Address[]): Promise<Map<Address, CachedClaim[]>> {
  const key = claimHistoryCacheKey(ctx.deployments.chainId, rc);
  const cache = load(ctx, key);
  const head = Number(ctx.blockNumber);
  // The coordinator's deployment block when the node can tell (cached); else the conservative table start.
  const floor = rewardsScanStartBlock(ctx.deployments.chainId);
  const first = (await findDeploymentBlock(ctx.client, ctx.cache, ctx.deployments.chainId, rc, { head: ctx.blockNumber, lowerBound: floor })) ?? floor;
  // Group addresses by the block their scan resumes from (normally one group).
  const groups = new Map<number, Address[]>();
  for (const a of addresses) {
    let entry = cache.earners[a.toLowerCase()];
    // The chain is behind our cursor (reverted devnet, deep reorg): start over for this address.
    if (!entry || entry.scannedTo > head) entry = cache.earners[a.toLowerCase()] = { scannedTo: first - 1, claims: [] };
    const from = Math.max(first, entry.scannedTo + 1 - REORG_WINDOW);
    groups.set(from, [...(groups.get(from) ?? []), a]);
  }
  const state = { chunk: cache.chunk };
  for (const [from, group] of groups) {
    for (let i = 0; i < group.length; i += EARNERS_PER_QUERY) {
      const batch = group.slice(i, i + EARNERS_PER_QUERY);
      const found = from <= head ? await scanRange(ctx, rc, batch, from, head, state) : [];
      for (const a of batch) {
        const entry = cache.earners[a.toLowerCase()]!;
        const kept = entry.claims.filter((c) => Number(c.blockNumber) < from);
        entry.claims = [...kept, ...found.filter((c) => c.earner.toLowerCase() === a.toLowerCase())];
        entry.scannedTo = head;
      }
    }
  }
  cache.chunk = state.chunk;
  ctx.cache.set(key, cache);
  return new Map(addresses.map((a) => [a, cache.earners[a.toLowerCase()]!.claims]));
}
