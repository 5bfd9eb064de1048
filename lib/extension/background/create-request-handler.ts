// Handlers of the trusted channel. Every input is re-validated here even though the pages
// validate too: the background is the only writer of storage and trusts no caller's checks.
import { getAddress, isAddress, type Address } from 'viem';
import { InvalidAddressError, InvalidSettingsError } from '../../errors/errors.js';
import type { Threshold } from '../alerts/alert-store.js';
import { badgeCount } from '../alerts/alerts-to-notify.js';
import { acknowledge, clearThreshold, muteOperator, setThreshold, snooze } from '../alerts/inbox-actions.js';
import { loadAlertStore } from '../alerts/alert-store-item.js';
import type { AlertScanner } from './create-alert-scanner.js';
import { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import { errorInfo, InvalidMessageError, type Request, type RequestOf, type RequestType, type Response, type ResponseData } from '../messages.js';
import { loadPortfolio, portfolioToPlain } from '../storage/portfolio-item.js';
import { forgetAddressHistory, loadHistory } from '../storage/history-item.js';
import { loadRewards, rewardsStoreToPlain } from '../storage/rewards-item.js';
import type { Settings } from '../storage/settings.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import { parseLabel } from '../validation/parse-label.js';
import { parseRefreshPeriod } from '../validation/parse-refresh-period.js';
import { parseChainId, parseChainSettings } from '../validation/parse-chain-settings.js';
import { parseRewardsApi } from '../validation/parse-rewards-api.js';
import { parseTrackedAddress } from '../validation/parse-tracked-address.js';
import { parseRiskThresholdOverrides } from '../validation/parse-risk-thresholds.js';
import { parseSiteAnnotations } from '../validation/annotation-sites.js';
import { removeSkipLowRiskOrigins } from '../validation/tx-guard-origins.js';
import type { Refresher } from './create-refresher.js';
import { ensureRefreshAlarm } from './refresh-alarm.js';
import { createSerializer } from './serialize.js';

type Handlers = { [T in RequestType]: (req: RequestOf<T>) => Promise<ResponseData[T]> };

const THRESHOLDS: readonly Threshold[] = ['critical', 'warning', 'info', 'off'];
const MAX_SNOOZE_HOURS = 30 * 24;

function parseAddress(value: string, what: string): Address {
  if (!isAddress(value.trim(), { strict: false })) throw new InvalidAddressError(`${what} is not an address: expected 0x followed by 40 hex characters`);
  return getAddress(value.trim());
}

export function createRequestHandler(refresher: Refresher, alerts: AlertScanner, now: () => number = Date.now): (req: Request) => Promise<Response<RequestType>> {
  const serialize = createSerializer();
  /** Read-modify-write of settings, one at a time. */
  const update = <T>(change: (s: Settings) => T | Promise<T>) =>
    serialize(async () => {
      const settings = await loadSettings();
      const result = await change(settings);
      await saveSettings(settings);
      return result;
    });
  /** Fire-and-forget: the outcome lands in storage, which the popup watches. */
  const refreshSoon = () => void refresher.refresh({ afterChange: true }).catch((e) => console.error('[refresh]', e));
  const findIndex = (s: Settings, address: string) => {
    const i = s.addresses.findIndex((t) => t.address.toLowerCase() === address.trim().toLowerCase());
    if (i < 0) throw new InvalidAddressError(`Not tracked: ${address}`);
    return i;
  };

  const handlers: Handlers = {
    async getState() {
      const [settings, portfolio, inbox, rewards, history] = await Promise.all([loadSettings(), loadPortfolio(), loadAlertStore(), loadRewards(), loadHistory()]);
      return {
        settings,
        portfolio: portfolioToPlain(portfolio),
        rewards: rewardsStoreToPlain(rewards),
        history,
        refreshBounds: { min: MIN_REFRESH_SECONDS, max: MAX_REFRESH_SECONDS },
        alerts: { settings: inbox.settings, mutedOperators: inbox.mutedOperators },
      };
    },
    async addAddress(req) {
      const address = await update((s) => {
        const address = parseTrackedAddress(req.address, s.addresses);
        s.addresses.push({ address, label: parseLabel(req.label) });
        return address;
      });
      refreshSoon();
      return { address };
    },
    async removeAddress(req) {
      await update((s) => void s.addresses.splice(findIndex(s, req.address), 1));
      await forgetAddressHistory(req.address);
      return {};
    },
    async setLabel(req) {
      const label = parseLabel(req.label);
      await update((s) => {
        const entry = s.addresses[findIndex(s, req.address)];
        if (entry) entry.label = label;
      });
      return {};
    },
    async refreshNow() {
      return { chains: await refresher.refresh() };
    },
    async saveChainSettings(req) {
      const chain = parseChainSettings(req);
      // The rewards API has its own form and request: saving RPCs must not turn it off (or on).
      await update((s) => {
        const previous = s.chains[String(req.chainId)]?.rewardsApi;
        s.chains[String(req.chainId)] = previous ? { ...chain, rewardsApi: previous } : chain;
      });
      refreshSoon();
      return {};
    },
    async saveRewardsApi(req) {
      const chainId = parseChainId(req.chainId);
      const rewardsApi = parseRewardsApi({ enabled: req.enabled, baseUrl: req.baseUrl });
      await update((s) => {
        const chain = s.chains[String(chainId)];
        if (!chain) throw new InvalidSettingsError(`Chain ${chainId} is not configured: add it first`);
        chain.rewardsApi = rewardsApi;
      });
      refreshSoon();
      return {};
    },
    async setRefreshPeriod(req) {
      const seconds = parseRefreshPeriod(req.seconds, { min: MIN_REFRESH_SECONDS, max: MAX_REFRESH_SECONDS });
      await update((s) => void (s.refreshPeriodSeconds = seconds));
      await ensureRefreshAlarm(seconds);
      return { seconds };
    },
    async acknowledgeAlert(req) {
      // Only ids the inbox holds: a caller cannot grow the store with made-up ids.
      const store = await alerts.update((s) => {
        const known = new Set(s.alerts.map((a) => a.id));
        return acknowledge(s, req.ids.filter((id) => known.has(id)));
      });
      return { unread: badgeCount(store) };
    },
    async snoozeAlert(req) {
      if (!(req.hours > 0 && req.hours <= MAX_SNOOZE_HOURS)) throw new InvalidMessageError(`Snooze must be between 0 and ${MAX_SNOOZE_HOURS} hours`);
      const until = now() + Math.round(req.hours * 3_600_000);
      await alerts.update((s) => {
        if (!s.alerts.some((a) => a.id === req.id)) throw new InvalidMessageError('No such alert in the inbox');
        return snooze(s, req.id, until);
      });
      return { until };
    },
    async muteOperator(req) {
      const operator = parseAddress(req.operator, 'Operator');
      await alerts.update((s) => muteOperator(s, operator, req.muted));
      return {};
    },
    async setAlertThreshold(req) {
      const address = req.address === null ? null : parseAddress(req.address, 'Address');
      if (req.threshold === 'default') {
        if (!address) throw new InvalidMessageError('The default threshold needs a severity');
        await alerts.update((s) => clearThreshold(s, address));
        return {};
      }
      if (!THRESHOLDS.includes(req.threshold as Threshold)) throw new InvalidMessageError(`Unknown threshold ${JSON.stringify(req.threshold).slice(0, 30)}: use critical, warning, info or off`);
      await alerts.update((s) => setThreshold(s, req.threshold as Threshold, address ?? undefined));
      return {};
    },
    async saveRiskThresholds(req) {
      // Validated in full before anything is written: a refused save keeps every stored value.
      const thresholds = parseRiskThresholdOverrides(req.thresholds);
      await update((s) => void (s.risk.thresholds = thresholds));
      // Verdicts are recomputed from cached facts on the next refresh: no extra chain reads.
      refreshSoon();
      return { thresholds };
    },
    async saveSiteAnnotations(req) {
      const sites = parseSiteAnnotations(req.sites);
      await update((s) => void (s.risk.sites = { ...s.risk.sites, ...sites }));
      return {};
    },
    async saveTxGuardSettings(req) {
      const settings = await update((s) => {
        // Removal by name (not a whole new list): an origin the guard adds meanwhile is not lost.
        const next = removeSkipLowRiskOrigins(s, req.removeOrigins);
        s.txGuard = { enabled: req.enabled, skipLowRiskOrigins: next.txGuard.skipLowRiskOrigins };
        return s;
      });
      return { skipLowRiskOrigins: settings.txGuard.skipLowRiskOrigins };
    },
  };

  return async (req) => {
    try {
      const handler = handlers[req.type] as (r: Request) => Promise<ResponseData[RequestType]>;
      return { ok: true, ...(await handler(req)) };
    } catch (e) {
      return { ok: false, error: errorInfo(e) };
    }
  };
}
