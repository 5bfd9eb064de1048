// Alerts in the background: for every enabled chain (in parallel), scanOnce from the persisted
// cursor, persisting cursor + that chunk's alerts in ONE write per chunk (a worker killed mid-scan
// loses nothing and, since the inbox dedupes by id, duplicates nothing); then ONE grouped system
// notification for what is due across chains, markNotified, and the badge = unread count.
// Every read-modify-write of `local:alerts` (chunks of parallel chains, inbox actions from the
// popup) goes through one serializer. Overlap guard as in the refresher: a scan requested while one
// runs joins it, except after a settings change, which queues exactly one more run.
import { singleFlight } from './single-flight.js';
import type { Address, PublicClient } from 'viem';
import type { WxtBrowser } from 'wxt/browser';
import { scanOnce as scanOnceFn } from '../../alerts/scan.js';
import { initialScanState } from '../../alerts/scan-state.js';
import { createChainClient } from '../../chains/client.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import type { AlertStore } from '../alerts/alert-store.js';
import { loadAlertStore, saveAlertStore } from '../alerts/alert-store-item.js';
import { alertsToNotify, badgeCount, markNotified } from '../alerts/alerts-to-notify.js';
import { mergeScanResult } from '../alerts/merge-scan-result.js';
import { notify, setBadge } from '../alerts/notify.js';
import { errorInfo, type ErrorInfo } from '../messages.js';
import { enabledChainIds } from '../storage/settings.js';
import { loadSettings } from '../storage/settings-item.js';
import { effectiveChainConfig } from './effective-chain-config.js';
import { firstScanBlock as defaultFirstScanBlock } from './first-scan-block.js';
import { createSerializer } from './serialize.js';

export interface AlertScannerDeps {
  browser: WxtBrowser;
  scanOnce?: typeof scanOnceFn;
  createClient?: (config: RefreshConfig) => PublicClient;
  firstScanBlock?: (chainId: number, head: bigint) => number;
  now?: () => number;
  /** Chunks per chain per run; the next run continues from the cursor. */
  maxChunks?: number;
}

/** Per decimal chain id: how far the scan got, or why it stopped (the cursor stays where it was). */
export type AlertScanResult = Record<string, { ok: true; nextBlock: number; done: boolean } | { ok: false; error: ErrorInfo }>;

export interface AlertScanner {
  scan(options?: { afterChange?: boolean }): Promise<AlertScanResult>;
  /** Read-modify-write of the inbox (serialized with the scan's writes); refreshes the badge. */
  update(change: (store: AlertStore) => AlertStore): Promise<AlertStore>;
  /** Sets the badge from storage (the badge does not survive a browser restart). */
  syncBadge(): Promise<void>;
}

export function createAlertScanner({
  browser,
  scanOnce = scanOnceFn,
  createClient = (c) => createChainClient({ chainId: c.chainId, rpcUrls: c.rpcUrls, deployments: c.deployments }),
  firstScanBlock = defaultFirstScanBlock,
  now = Date.now,
  maxChunks = 50,
}: AlertScannerDeps): AlertScanner {
  const serialize = createSerializer();

  const update = (change: (store: AlertStore) => AlertStore) =>
    serialize(async () => {
      const next = change(await loadAlertStore());
      await saveAlertStore(next);
      return next;
    });

  async function scanChain(config: RefreshConfig, addresses: Address[]) {
    const client = createClient(config);
    const key = String(config.chainId);
    let state = (await serialize(loadAlertStore)).cursors[key];
    if (!state) state = initialScanState(config.chainId, firstScanBlock(config.chainId, await client.getBlockNumber({ cacheTime: 0 })));
    const result = await scanOnce(state, {
      client,
      deployments: config.deployments,
      addresses,
      maxChunks,
      onChunk: async (step) => void (await update((store) => mergeScanResult(store, step))),
    });
    return { ok: true as const, nextBlock: result.state.nextBlock, done: result.done };
  }

  async function runOnce(): Promise<AlertScanResult> {
    const settings = await loadSettings();
    const addresses: Address[] = settings.addresses.map((t) => t.address);
    if (addresses.length === 0) return {};
    const chainIds = enabledChainIds(settings);
    const results = await Promise.all(
      chainIds.map((id) =>
        Promise.resolve()
          .then(() => scanChain(effectiveChainConfig(settings, id), addresses))
          .catch((e: unknown) => {
            console.warn(`[alerts] chain ${id}:`, e);
            return { ok: false as const, error: errorInfo(e) };
          }),
      ),
    );
    // Notify once for all chains: several alerts become one grouped notification. The store is read,
    // notified and marked inside the serializer, so an inbox action cannot interleave.
    await serialize(async () => {
      const store = await loadAlertStore();
      const due = alertsToNotify(store, now());
      await notify(browser, due, badgeCount(store));
      if (due.length) await saveAlertStore(markNotified(store, due));
    });
    return Object.fromEntries(chainIds.map((id, i) => [String(id), results[i]!]));
  }

  return {
    scan: singleFlight(runOnce),
    async update(change) {
      const next = await update(change);
      await setBadge(browser, badgeCount(next));
      return next;
    },
    async syncBadge() {
      await setBadge(browser, badgeCount(await serialize(loadAlertStore)));
    },
  };
}
