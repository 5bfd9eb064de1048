// Wires the background: every listener is registered synchronously on (re)start of the worker,
// as MV3 requires, before any await. State lives in storage, never only in this closure.
import { browser, type Browser } from 'wxt/browser';
import { isTrustedSender } from '../is-trusted-sender.js';
import { errorInfo, parseRequest, UntrustedSenderError, type Response, type RequestType } from '../messages.js';
import { loadSettings } from '../storage/settings-item.js';
import { createRefresher, type RefresherDeps } from './create-refresher.js';
import { createRequestHandler } from './create-request-handler.js';
import { ensureRefreshAlarm, REFRESH_ALARM } from './refresh-alarm.js';

export function setupBackground(deps: RefresherDeps) {
  const refresher = createRefresher(deps);
  const handle = createRequestHandler(refresher);

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

  browser.runtime.onInstalled.addListener(() => void ensureAlarm().catch((e) => console.error('[alarm]', e)));
  browser.runtime.onStartup.addListener(() => void ensureAlarm().catch((e) => console.error('[alarm]', e)));

  return { refresher, handle, ensureAlarm };
}
