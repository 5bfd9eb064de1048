// One refresh: settings -> for every enabled chain, in parallel: chain config -> readSnapshot ->
// that chain's entry in local:portfolio. Each chain has its own status: a chain that fails KEEPS
// its previous snapshot, marked stale with the reason (never zeroed, never dropped), while the
// other chains still update. The adapters' discovery cache (vault lists, log cursors) is loaded
// before a chain's read and saved after a successful one (discovery-item.ts).
// Overlap guard: an alarm firing during a refresh joins the one in flight; a refresh requested
// after a settings change (new address, chain enabled) queues exactly one more run so it sees the
// new settings. The guard is in memory on purpose: if the worker dies mid-refresh the refresh dies
// with it. Storage writes of the parallel chains are serialized (read-modify-write of one key).
import { singleFlight } from './single-flight.js';
import type { Address } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { readSnapshot as ReadSnapshotFn } from '../../portfolio/read-snapshot.js';
import { errorInfo } from '../messages.js';
import { deploymentsFingerprint, loadDiscovery, saveDiscovery } from '../storage/discovery-item.js';
import { loadPortfolio, savePortfolio } from '../storage/portfolio-item.js';
import { chainPortfolio, failedStatus, type ChainPortfolio, type RefreshStatus } from '../storage/portfolio.js';
import { enabledChainIds, type Settings } from '../storage/settings.js';
import { loadSettings } from '../storage/settings-item.js';
import { effectiveChainConfig } from './effective-chain-config.js';
import { createSerializer } from './serialize.js';
import { refreshChainRewards, type RewardsRefreshDeps } from './refresh-chain-rewards.js';
import { refreshChainRisk, type RiskRefreshDeps } from './refresh-chain-risk.js';

export interface RefresherDeps {
  readSnapshot: typeof ReadSnapshotFn;
  now?: () => number;
  /** Rewards at the same block after each successful positions read; absent = positions only. */
  rewards?: RewardsRefreshDeps;
  /** Risk verdicts of the positions' entities after each successful positions read; absent = none. */
  risk?: RiskRefreshDeps;
}

/** Status of each enabled chain after a refresh, keyed by decimal chain id. */
export type RefreshResult = Record<string, RefreshStatus>;

export interface Refresher {
  /** afterChange: settings just changed, so a refresh already in flight is not enough. */
  refresh(options?: { afterChange?: boolean }): Promise<RefreshResult>;
  /** Resolves when the rewards/risk lanes started so far are done (tests, shutdown). */
  settled?(): Promise<void>;
}

export function createRefresher({ readSnapshot, now = Date.now, rewards, risk }: RefresherDeps): Refresher {
  const serialize = createSerializer();
  /** Rewards/risk lane in flight per chain (see refreshChain). */
  const followUps = new Map<number, Promise<void>>();

  const writeChain = (chainId: number, entry: (previous: ChainPortfolio) => ChainPortfolio) =>
    serialize(async () => {
      const portfolio = await loadPortfolio();
      portfolio.chains[String(chainId)] = entry(chainPortfolio(portfolio, chainId));
      await savePortfolio(portfolio);
    });

  async function refreshChain(settings: Settings, chainId: number, addresses: Address[]): Promise<RefreshStatus> {
    const attemptAt = now();
    try {
      const config = effectiveChainConfig(settings, chainId);
      const fingerprint = deploymentsFingerprint(config.deployments);
      const cache = memoryCache(await loadDiscovery(chainId, fingerprint));
      const snapshot = await readSnapshot(config, addresses, { cache });
      const status: RefreshStatus = { state: 'fresh', lastAttemptAt: attemptAt, lastSuccessAt: now() };
      await writeChain(chainId, () => ({ snapshot, status }));
      // A cache that cannot be saved costs speed next time, not correctness: not a refresh failure.
      const saveCache = () => serialize(() => saveDiscovery(chainId, fingerprint, cache.entries())).catch((e) => console.warn(`[discovery] chain ${chainId}:`, e));
      await saveCache();
      // Rewards and risk follow at the same block in their own lane: the refresh (and the popup's
      // "Refresh", the stale mark of a dead RPC) never waits for them. One lane run per chain at a
      // time; a refresh that finds it busy skips it and the next refresh catches up. The lane saves
      // the discovery cache again with its own cursors (an older positions cursor only costs a rescan).
      if ((rewards || risk) && !followUps.has(chainId)) {
        const run = (async () => {
          if (rewards) await refreshChainRewards(rewards, { settings, config, snapshot, cache, serialize, now }).catch((e) => console.error(`[rewards] chain ${chainId}:`, e));
          if (risk) await refreshChainRisk(risk, { settings, config, snapshot, cache, serialize, now }).catch((e) => console.error(`[risk] chain ${chainId}:`, e));
          await saveCache();
        })().finally(() => followUps.delete(chainId));
        followUps.set(chainId, run);
      }
      return status;
    } catch (e) {
      let status!: RefreshStatus;
      await writeChain(chainId, (previous) => {
        status = failedStatus(previous.status, previous.snapshot !== null, attemptAt, errorInfo(e));
        return { snapshot: previous.snapshot, status };
      });
      return status;
    }
  }

  async function runOnce(): Promise<RefreshResult> {
    const settings = await loadSettings();
    const addresses: Address[] = settings.addresses.map((t) => t.address);
    const chainIds = enabledChainIds(settings);
    if (addresses.length === 0) {
      // Nothing to read: no RPC traffic.
      const portfolio = await loadPortfolio();
      return Object.fromEntries(chainIds.map((id) => [String(id), chainPortfolio(portfolio, id).status]));
    }
    const statuses = await Promise.all(chainIds.map((id) => refreshChain(settings, id, addresses)));
    return Object.fromEntries(chainIds.map((id, i) => [String(id), statuses[i]!]));
  }

  return {
    refresh: singleFlight(runOnce),
    settled: async () => void (await Promise.all(followUps.values())),
  };
}
