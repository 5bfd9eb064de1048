// Handlers of the trusted channel. Every input is re-validated here even though the pages
// validate too: the background is the only writer of storage and trusts no caller's checks.
import { InvalidAddressError } from '../../errors/errors.js';
import { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import { errorInfo, type Request, type RequestOf, type RequestType, type Response, type ResponseData } from '../messages.js';
import { loadPortfolio, portfolioToPlain } from '../storage/portfolio-item.js';
import type { Settings } from '../storage/settings.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import { parseLabel } from '../validation/parse-label.js';
import { parseRefreshPeriod } from '../validation/parse-refresh-period.js';
import { parseChainSettings } from '../validation/parse-chain-settings.js';
import { parseTrackedAddress } from '../validation/parse-tracked-address.js';
import type { Refresher } from './create-refresher.js';
import { ensureRefreshAlarm } from './refresh-alarm.js';
import { createSerializer } from './serialize.js';

type Handlers = { [T in RequestType]: (req: RequestOf<T>) => Promise<ResponseData[T]> };

export function createRequestHandler(refresher: Refresher): (req: Request) => Promise<Response<RequestType>> {
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
      const [settings, portfolio] = await Promise.all([loadSettings(), loadPortfolio()]);
      return { settings, portfolio: portfolioToPlain(portfolio), refreshBounds: { min: MIN_REFRESH_SECONDS, max: MAX_REFRESH_SECONDS } };
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
      await update((s) => void (s.chains[String(req.chainId)] = chain));
      refreshSoon();
      return {};
    },
    async setRefreshPeriod(req) {
      const seconds = parseRefreshPeriod(req.seconds, { min: MIN_REFRESH_SECONDS, max: MAX_REFRESH_SECONDS });
      await update((s) => void (s.refreshPeriodSeconds = seconds));
      await ensureRefreshAlarm(seconds);
      return { seconds };
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
