// Wires the background: every listener is registered synchronously on (re)start of the worker,
// as MV3 requires, before any await. State lives in storage, never only in this closure.
import { browser, type Browser } from 'wxt/browser';
import { isTrustedSender } from '../is-trusted-sender.js';
import { errorInfo, parseRequest, UntrustedSenderError, type Response, type RequestType } from '../messages.js';
import { loadSettings } from '../storage/settings-item.js';
import { alertPagePath } from './alert-page-url.js';
import { createAlertScanner, type AlertScannerDeps } from './create-alert-scanner.js';
import { createRefresher, type Refresher, type RefresherDeps } from './create-refresher.js';
import { createRequestHandler } from './create-request-handler.js';
import { mergeAlerts } from '../alerts/merge-scan-result.js';
import type { RewardsRefreshDeps } from './refresh-chain-rewards.js';
import { ensureRefreshAlarm, REFRESH_ALARM } from './refresh-alarm.js';
import { registerTxGuardChannel } from './tx-guard-channel.js';
import { setupAnnotatorChannel } from './annotator-channel.js';

export interface BackgroundDeps extends Omit<RefresherDeps, 'rewards'> {
  alerts?: Omit<AlertScannerDeps, 'browser'>;
  /** Rewards readers; absent = positions only (tests of other parts). */
  rewards?: Omit<RewardsRefreshDeps, 'addAlerts'>;
}

export function setupBackground(deps: BackgroundDeps) {
  const alerts = createAlertScanner({ ...deps.alerts, browser });
  const positions = createRefresher({
    ...deps,
    rewards: deps.rewards && { ...deps.rewards, addAlerts: async (list) => void (await alerts.update((store) => mergeAlerts(store, list))) },
  });
  // Every refresh (alarm, refreshNow, after a settings change) is followed by an alert scan. They
  // fail apart: the refresh's result does not wait for the scan, and a failed refresh still scans.
  const refresher: Refresher = {
    refresh(options) {
      const run = positions.refresh(options);
      void run
        .catch(() => undefined)
        .then(() => alerts.scan(options))
        .catch((e) => console.error('[alerts]', e));
      return run;
    },
  };
  const handle = createRequestHandler(refresher, alerts, deps.now);
  restrictStorageToExtensionPages();
  registerTxGuardChannel(); // untrusted port of the in-page tx guard (tx-guard-channel.ts)
  setupAnnotatorChannel(); // untrusted port for the in-page annotator (annotator-channel.ts)

  const ensureAlarm = async () => ensureRefreshAlarm((await loadSettings()).refreshPeriodSeconds);

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender): Promise<Response<RequestType>> => {
    if (!isTrustedSender(sender, browser.runtime)) {
      // Refused without reading the message: untrusted callers learn nothing (not even the watch list's size).
      return Promise.resolve({ ok: false, error: errorInfo(new UntrustedSenderError('Only Restake Companion pages may send this message')) });
    }
    let request;
    try {
      request = parseRequest(message);
    } catch (e) {
      return Promise.resolve({ ok: false, error: errorInfo(e) });
    }
    return handle(request);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refresher.refresh().catch((e) => console.error('[refresh]', e));
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    const path = alertPagePath(notificationId);
    if (!path) return;
    void browser.tabs
      .create({ url: browser.runtime.getURL(path as '/popup.html') })
      .then(() => browser.notifications.clear(notificationId))
      .catch((e) => console.error('[notification]', e));
  });

  browser.runtime.onInstalled.addListener(() => void ensureAlarm().catch((e) => console.error('[alarm]', e)));
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm().catch((e) => console.error('[alarm]', e));
    // The badge does not survive a browser restart; the inbox does.
    void alerts.syncBadge().catch((e) => console.error('[badge]', e));
  });

  return { refresher, alerts, handle, ensureAlarm };
}

/**
 * Content scripts run inside web pages: they get what they need through the background's checked
 * ports and must not be able to read stored state (tracked addresses, amounts) directly, so
 * `storage.local` is limited to extension pages and the worker. Browsers without setAccessLevel
 * (Firefox) keep their default; content scripts never read storage there either.
 */
function restrictStorageToExtensionPages() {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  try {
    void Promise.resolve(local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })).catch((e: unknown) => console.warn('[storage] access level:', e));
  } catch (e) {
    // A browser (or test double) that lacks it: the default stays; nothing else depends on it.
    console.warn('[storage] access level:', e);
  }
}
