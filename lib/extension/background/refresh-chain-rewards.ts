// After a chain's positions refresh succeeded: rewards at the same block -> `local:rewards`, a
// point of the value history -> `local:history`, and "rewards claimable" alerts -> the inbox.
// A rewards failure keeps the previous rewards marked stale (never zeroed) and never touches the
// positions, which are already stored. The rewards API is used only when the user turned it on.
import type { LaneContext } from './lane-context.js';
import type { Address } from 'viem';
import type { Alert } from '../../alerts/types.js';
import { createChainClient } from '../../chains/client.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import type { Snapshot } from '../../portfolio/types.js';
import { claimableAlerts, findRootSubmission, rootsToLookUp, type RootSubmission } from '../../rewards/claimable-alerts.js';
import { appendHistory } from '../../rewards/history.js';
import type { readRewards as ReadRewardsFn, RewardsReaders } from '../../rewards/read-rewards.js';
import { summarizeRewards } from '../../rewards/summary.js';
import type { RewardsSnapshot } from '../../rewards/types.js';
import { valueOfSnapshot } from '../../rewards/value-of-snapshot.js';
import { errorInfo } from '../messages.js';
import { loadHistory, saveHistory } from '../storage/history-item.js';
import { failedStatus, type RefreshStatus } from '../storage/portfolio.js';
import { chainRewards } from '../storage/rewards.js';
import { loadRewards, saveRewards } from '../storage/rewards-item.js';

export interface RewardsRefreshDeps {
  readRewards: typeof ReadRewardsFn;
  readers: RewardsReaders;
  /** Chain seconds between kept history points (fast-alarm builds use 0). */
  historySpacingSeconds: number;
  /** Adds alerts to the inbox (the alert scanner notifies them on its next run). */
  addAlerts(alerts: Alert[]): Promise<void>;
  findRootSubmission?: typeof findRootSubmission;
}

export async function refreshChainRewards(
  deps: RewardsRefreshDeps,
  ctx: LaneContext,
): Promise<RefreshStatus> {
  const { settings, config, snapshot, serialize, now } = ctx;
  const id = String(config.chainId);
  const attemptAt = now();
  const api = settings.chains[id]?.rewardsApi;
  const sidecar = api?.enabled && api.baseUrl ? { baseUrl: api.baseUrl } : null;
  let rewards: RewardsSnapshot;
  try {
    ({ rewards } = await deps.readRewards(config, snapshot.addresses.map((a) => a.address), { snapshot, sidecar, readers: deps.readers, rewardsCache: ctx.cache }));
  } catch (e) {
    let status!: RefreshStatus;
    await serialize(async () => {
      const store = await loadRewards();
      const previous = chainRewards(store, config.chainId);
      status = failedStatus(previous.status, previous.rewards !== null, attemptAt, errorInfo(e));
      store.chains[id] = { ...previous, status };
      await saveRewards(store);
    });
    return status;
  }

  const previousSeen = chainRewards(await serialize(loadRewards), config.chainId).seenRoots ?? {};
  const submissions = await lookUpSubmissions(deps, config, rewards, previousSeen);
  const { alerts, seen } = claimableAlerts(rewards, previousSeen, submissions);
  const status: RefreshStatus = { state: 'fresh', lastAttemptAt: attemptAt, lastSuccessAt: now() };
  await serialize(async () => {
    const store = await loadRewards();
    store.chains[id] = { rewards, status, seenRoots: seen };
    await saveRewards(store);
    const valueOf = valueOfSnapshot(rewards);
    const summaries = summarizeRewards(snapshot, rewards, valueOf);
    const points = new Map<Address, { valueEth: string | null; claimableEth: string | null }>();
    for (const a of snapshot.addresses) {
      const s = summaries.find((x) => x.address === a.address);
      points.set(a.address, { valueEth: positionsValueEth(a.positions, valueOf), claimableEth: s && s.totals.complete ? s.totals.claimableEth.toString() : null });
    }
    const history = appendHistory(await loadHistory(), config.chainId, points, { block: snapshot.blockNumber, t: snapshot.blockTimestamp }, {
      spacingSeconds: deps.historySpacingSeconds,
      tracked: settings.addresses.map((t) => t.address),
    });
    await saveHistory(history);
  });
  if (alerts.length) await deps.addAlerts(alerts);
  return status;
}

/** Total ETH value of positions; null when any position has no price path (unknown, never partial). */
function positionsValueEth(positions: Snapshot['addresses'][number]['positions'], valueOf: ReturnType<typeof valueOfSnapshot>): string | null {
  let total = 0n;
  for (const p of positions) {
    const v = valueOf(p.amount, p.asset).eth;
    if (v === null) return null;
    total += v;
  }
  return total.toString();
}

async function lookUpSubmissions(deps: RewardsRefreshDeps, config: RefreshConfig, rewards: RewardsSnapshot, seen: Record<string, number>): Promise<Map<number, RootSubmission>> {
  const out = new Map<number, RootSubmission>();
  const rc = config.deployments.eigenlayer?.rewardsCoordinator;
  const wanted = rootsToLookUp(rewards, seen);
  if (!rc || wanted.length === 0) return out;
  const client = createChainClient(config);
  const find = deps.findRootSubmission ?? findRootSubmission;
  for (const index of wanted) {
    try {
      const sub = await find(client, rc, index, rewards.blockNumber);
      if (sub) out.set(index, sub);
    } catch (e) {
      // No alert this time; the next refresh retries (seen roots only move when an alert is raised).
      console.warn(`[rewards] root #${index} submission lookup failed:`, e);
    }
  }
  return out;
}
