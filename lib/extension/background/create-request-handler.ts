// Handlers of the trusted channel. Every input is re-validated here even though the pages
// validate too: the background is the only writer of storage and trusts no caller's checks.
import { parseDeployments } from '../../chains/deployments.js';
import { InvalidAddressError, InvalidSettingsError } from '../../errors/errors.js';
import { snapshotToPlain } from '../../portfolio/codec.js';
import { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import { deploymentsToPlain } from '../deployments-to-plain.js';
import { errorInfo, type Request, type RequestOf, type RequestType, type Response, type ResponseData } from '../messages.js';
import { loadPortfolio } from '../storage/portfolio-item.js';
import type { Settings } from '../storage/settings.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import { parseLabel } from '../validation/parse-label.js';
import { parseRefreshPeriod } from '../validation/parse-refresh-period.js';
import { parseRpcUrl } from '../validation/parse-rpc-urls.js';
import { parseTrackedAddress } from '../validation/parse-tracked-address.js';
import { defaultDeploymentsFor } from './effective-chain-config.js';
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
      const plain = { snapshot: portfolio.snapshot ? snapshotToPlain(portfolio.snapshot) : null, status: portfolio.status };
      return { settings, portfolio: plain, refreshBounds: { min: MIN_REFRESH_SECONDS, max: MAX_REFRESH_SECONDS } };
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
      return { status: await refresher.refresh() };
    },
    async saveChainSettings(req) {
      if (!Number.isSafeInteger(req.chainId) || req.chainId <= 0) throw new InvalidSettingsError('Chain id must be a positive integer');
      const rpcUrls = [...new Set(req.rpcUrls.map(parseRpcUrl))];
      let deploymentsOverride: unknown;
      if (req.deploymentsOverride != null) {
        const d = parseDeployments(req.deploymentsOverride);
        if (d.chainId !== req.chainId) throw new InvalidSettingsError(`The deployments file is for chain ${d.chainId}, not chain ${req.chainId}`);
        deploymentsOverride = deploymentsToPlain(d); // store the validated core, not the whole manifest
      } else if (!defaultDeploymentsFor(req.chainId)) {
        throw new InvalidSettingsError(`No default deployments for chain ${req.chainId}: paste a deployments file`);
      }
      await update((s) => {
        s.chains[String(req.chainId)] = deploymentsOverride === undefined ? { rpcUrls } : { rpcUrls, deploymentsOverride };
        if (req.activate) s.activeChainId = req.chainId;
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
