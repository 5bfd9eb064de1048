// "Rewards claimable" alerts: when a distribution root NEWER than the one last seen for an address
// is active and its proof verified locally (so the chain supports it) with something to claim,
// one info alert per address, tied to the root's DistributionRootSubmitted log. The first root
// seen for an address only sets the baseline: turning the API on is not news.
import { encodeEventTopics, parseEventLogs, type Address, type Hex, type PublicClient } from 'viem';
import { DEFAULT_CHUNK } from '../alerts/chunk-size.js';
import { fetchLogsChunk } from '../alerts/fetch-logs.js';
import { amountText } from '../alerts/text.js';
import { alertIdOf, eventIdOf, type Alert, type AlertAsset } from '../alerts/types.js';
import { rewardsCoordinatorAbi } from '../protocols/eigenlayer/abi.js';
import { isReadError } from './describe.js';
import { newlyActiveRootCoverage } from './eigenlayer/root-coverage.js';
import type { EigenLayerRewards, RewardsSnapshot } from './types.js';

export interface RootSubmission {
  txHash: Hex;
  blockHash: Hex;
  blockNumber: bigint;
  logIndex: number;
  timestamp: number;
}

/** Highest root index already seen per address (lowercase). */
export type SeenRoots = Record<string, number>;

/** Verified roots that are new for some address: the ones whose submission log must be found. */
export function rootsToLookUp(rewards: RewardsSnapshot, seen: SeenRoots): number[] {
  const out = new Set<number>();
  for (const a of rewards.addresses) {
    const c = a.eigenlayer && !isReadError(a.eigenlayer) ? a.eigenlayer.claimable : null;
    const last = seen[a.address.toLowerCase()];
    if (c?.status === 'verified' && last !== undefined && c.rootIndex > last) out.add(c.rootIndex);
  }
  return [...out];
}

export function claimableAlerts(rewards: RewardsSnapshot, seen: SeenRoots, submissions: ReadonlyMap<number, RootSubmission>): { alerts: Alert[]; seen: SeenRoots } {
  const next: SeenRoots = { ...seen };
  const alerts: Alert[] = [];
  for (const a of rewards.addresses) {
    const c = a.eigenlayer && !isReadError(a.eigenlayer) ? a.eigenlayer.claimable : null;
    if (c?.status !== 'verified') continue;
    const key = a.address.toLowerCase();
    const last = seen[key];
    if (last === undefined) {
      next[key] = c.rootIndex;
      continue;
    }
    if (c.rootIndex <= last) continue;
    const sub = submissions.get(c.rootIndex);
    if (!sub) continue; // try again next refresh: an alert needs its chain event
    next[key] = c.rootIndex;
    // The shared decision: the active root is this one, its proof verified, something to claim.
    const coverage = newlyActiveRootCoverage(a.eigenlayer as EigenLayerRewards, last);
    if (!coverage) continue;
    const assets: AlertAsset[] = coverage.tokens.map((t) => ({ asset: t.token, source: 'rewards', amountClaimable: t.claimable }));
    const eventId = eventIdOf(rewards.chainId, sub.txHash, sub.logIndex);
    const amounts = assets.map((x) => amountText(x.amountClaimable!, x)).join(', ');
    alerts.push({
      id: alertIdOf(eventId, a.address),
      eventId,
      chainId: rewards.chainId,
      protocol: 'eigenlayer',
      kind: 'rewards-claimable',
      severity: 'info',
      address: a.address,
      operator: null,
      service: null,
      setId: null,
      assets,
      blockNumber: sub.blockNumber,
      blockHash: sub.blockHash,
      txHash: sub.txHash,
      logIndex: sub.logIndex,
      timestamp: sub.timestamp,
      // The root is active and its proof verified against it: the activation delay is far past finality.
      status: 'confirmed',
      title: `Rewards claimable: ${amounts}`,
      sentence: `EigenLayer distribution root #${c.rootIndex} is active and its proof for this address verified against the root on chain: ${amounts} can be claimed now.`,
    });
  }
  return { alerts, seen: next };
}

/** The DistributionRootSubmitted log of `rootIndex`, searched backwards from `head` (chunked). */
export async function findRootSubmission(client: PublicClient, rewardsCoordinator: Address, rootIndex: number, head: bigint, maxBlocks = 200_000): Promise<RootSubmission | null> {
  const [topic0, topic1] = encodeEventTopics({ abi: rewardsCoordinatorAbi, eventName: 'DistributionRootSubmitted', args: { rootIndex } }) as [Hex, Hex];
  const filter = { addresses: [rewardsCoordinator], topics: [topic0], indexedTopics: [[topic1]] };
  let chunk = DEFAULT_CHUNK;
  const stop = Math.max(0, Number(head) - maxBlocks);
  for (let to = Number(head); to >= stop; ) {
    const from = Math.max(stop, to - chunk.size + 1);
    const got = await fetchLogsChunk(client, filter, from, to, chunk);
    chunk = got.chunk;
    const [log] = parseEventLogs({ abi: rewardsCoordinatorAbi, eventName: 'DistributionRootSubmitted', logs: got.logs }).filter((l) => l.address.toLowerCase() === rewardsCoordinator.toLowerCase());
    if (log?.blockHash && log.blockNumber !== null && log.logIndex !== null && log.transactionHash) {
      const block = await client.getBlock({ blockNumber: log.blockNumber });
      return { txHash: log.transactionHash, blockHash: log.blockHash, blockNumber: log.blockNumber, logIndex: log.logIndex, timestamp: Number(block.timestamp) };
    }
    // A provider limit shrank the range below [from, to]: rescan the top with the smaller chunk.
    if (got.toBlock < to) continue;
    to = from - 1;
  }
  return null;
}
