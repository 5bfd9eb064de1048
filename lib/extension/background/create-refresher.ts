// One refresh: settings -> chain config -> readSnapshot -> local:portfolio. On failure the previous
// snapshot is KEPT and marked stale with the reason (never zeroed, never dropped).
// Overlap guard: an alarm firing during a refresh joins the one in flight; a refresh requested
// after a settings change (new address) queues exactly one more run so it sees the new settings.
// The guard is in memory on purpose: if the worker dies mid-refresh the refresh dies with it.
import type { Address } from 'viem';
import type { readSnapshot as ReadSnapshotFn } from '../../portfolio/read-snapshot.js';
import { errorInfo } from '../messages.js';
import { loadPortfolio, savePortfolio } from '../storage/portfolio-item.js';
import type { RefreshStatus } from '../storage/portfolio.js';
import { loadSettings } from '../storage/settings-item.js';
import { effectiveChainConfig } from './effective-chain-config.js';

export interface RefresherDeps {
  readSnapshot: typeof ReadSnapshotFn;
  now?: () => number;
}

export interface Refresher {
  /** afterChange: settings just changed, so a refresh already in flight is not enough. */
  refresh(options?: { afterChange?: boolean }): Promise<RefreshStatus>;
}

export function createRefresher({ readSnapshot, now = Date.now }: RefresherDeps): Refresher {
  let current: Promise<RefreshStatus> | null = null;
  let queued: Promise<RefreshStatus> | null = null;

  async function runOnce(): Promise<RefreshStatus> {
    const settings = await loadSettings();
    const addresses: Address[] = settings.addresses.map((t) => t.address);
    if (addresses.length === 0) return (await loadPortfolio()).status; // nothing to read: no RPC traffic
    const attemptAt = now();
    try {
      const snapshot = await readSnapshot(effectiveChainConfig(settings), addresses);
      const status: RefreshStatus = { state: 'fresh', lastAttemptAt: attemptAt, lastSuccessAt: now() };
      await savePortfolio({ snapshot, status });
      return status;
    } catch (e) {
      const previous = await loadPortfolio();
      const status: RefreshStatus = {
        state: previous.snapshot ? 'stale' : 'never',
        lastAttemptAt: attemptAt,
        lastSuccessAt: previous.status.lastSuccessAt,
        error: errorInfo(e),
      };
      await savePortfolio({ snapshot: previous.snapshot, status });
      return status;
    }
  }

  function start(): Promise<RefreshStatus> {
    current = runOnce().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    refresh({ afterChange = false } = {}) {
      if (!current) return start();
      if (!afterChange) return current;
      queued ??= current
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
      return queued;
    },
  };
}
