// Read-only view of storage for extension pages. Pages never write storage and never import the
// versioned items (that would run migrations, i.e. write, from a page): they read the raw keys and
// decode them with the same validators the background uses.
import { storage } from 'wxt/utils/storage';
import type { AlertStore } from '../alerts/alert-store.js';
import { decodeAlertStore } from '../alerts/decode-alert-store.js';
import { decodePortfolio } from './decode-portfolio.js';
import { decodeSettings } from './decode-settings.js';
import type { Portfolio } from './portfolio.js';
import type { Settings } from './settings.js';
import { decodeRewards } from './decode-rewards.js';
import type { RewardsStore } from './rewards.js';
import { decodeHistory, type History } from '../../rewards/history.js';
import { decodeRisk } from './decode-risk.js';
import type { RiskStore } from './risk.js';

const SETTINGS_KEY = 'local:settings' as const;
const PORTFOLIO_KEY = 'local:portfolio' as const;
const ALERTS_KEY = 'local:alerts' as const;
const REWARDS_KEY = 'local:rewards' as const;
const HISTORY_KEY = 'local:history' as const;
const RISK_KEY = 'local:risk' as const;

export interface StoredState {
  settings: Settings;
  portfolio: Portfolio;
  /** The alert inbox (scan cursors included; the popup only renders alerts and the user's choices). */
  alerts: AlertStore;
  rewards: RewardsStore;
  history: History;
  /** Risk verdicts of the positions' entities per chain. */
  risk: RiskStore;
}

export function decodeStoredState(rawSettings: unknown, rawPortfolio: unknown, rawAlerts: unknown = null, rawRewards: unknown = null, rawHistory: unknown = null, rawRisk: unknown = null): StoredState {
  return {
    settings: decodeSettings(rawSettings).value,
    portfolio: decodePortfolio(rawPortfolio).value,
    alerts: decodeAlertStore(rawAlerts).value,
    rewards: decodeRewards(rawRewards).value,
    history: decodeHistory(rawHistory),
    risk: decodeRisk(rawRisk).value,
  };
}

export async function readStoredState(): Promise<StoredState> {
  const keys = [SETTINGS_KEY, PORTFOLIO_KEY, ALERTS_KEY, REWARDS_KEY, HISTORY_KEY, RISK_KEY] as const;
  const [settings, portfolio, alerts, rewards, history, risk] = await Promise.all(keys.map((k) => storage.getItem<unknown>(k)));
  return decodeStoredState(settings, portfolio, alerts, rewards, history, risk);
}

export interface StoredStateWatchers {
  onSettings(settings: Settings): void;
  onPortfolio(portfolio: Portfolio): void;
  onAlerts(alerts: AlertStore): void;
  onRewards?(rewards: RewardsStore): void;
  onHistory?(history: History): void;
  onRisk?(risk: RiskStore): void;
}

/** Calls back with decoded values whenever the background writes; returns the unwatch function. */
export function watchStoredState(cb: StoredStateWatchers): () => void {
  const a = storage.watch<unknown>(SETTINGS_KEY, (v) => cb.onSettings(decodeSettings(v).value));
  const b = storage.watch<unknown>(PORTFOLIO_KEY, (v) => cb.onPortfolio(decodePortfolio(v).value));
  const c = storage.watch<unknown>(ALERTS_KEY, (v) => cb.onAlerts(decodeAlertStore(v).value));
  const d = storage.watch<unknown>(REWARDS_KEY, (v) => cb.onRewards?.(decodeRewards(v).value));
  const e = storage.watch<unknown>(HISTORY_KEY, (v) => cb.onHistory?.(decodeHistory(v)));
  const f = storage.watch<unknown>(RISK_KEY, (v) => cb.onRisk?.(decodeRisk(v).value));
  return () => {
    for (const off of [a, b, c, d, e, f]) off();
  };
}
