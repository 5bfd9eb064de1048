// Read-only view of storage for extension pages. Pages never write storage and never import the
// versioned items (that would run migrations, i.e. write, from a page): they read the raw keys and
// decode them with the same validators the background uses.
import { storage } from 'wxt/utils/storage';
import { decodePortfolio } from './decode-portfolio.js';
import { decodeSettings } from './decode-settings.js';
import type { Portfolio } from './portfolio.js';
import type { Settings } from './settings.js';

const SETTINGS_KEY = 'local:settings' as const;
const PORTFOLIO_KEY = 'local:portfolio' as const;

export interface StoredState {
  settings: Settings;
  portfolio: Portfolio;
}

export function decodeStoredState(rawSettings: unknown, rawPortfolio: unknown): StoredState {
  return { settings: decodeSettings(rawSettings).value, portfolio: decodePortfolio(rawPortfolio).value };
}

export async function readStoredState(): Promise<StoredState> {
  const [settings, portfolio] = await Promise.all([storage.getItem<unknown>(SETTINGS_KEY), storage.getItem<unknown>(PORTFOLIO_KEY)]);
  return decodeStoredState(settings, portfolio);
}

export interface StoredStateWatchers {
  onSettings(settings: Settings): void;
  onPortfolio(portfolio: Portfolio): void;
}

/** Calls back with decoded values whenever the background writes; returns the unwatch function. */
export function watchStoredState(cb: StoredStateWatchers): () => void {
  const a = storage.watch<unknown>(SETTINGS_KEY, (v) => cb.onSettings(decodeSettings(v).value));
  const b = storage.watch<unknown>(PORTFOLIO_KEY, (v) => cb.onPortfolio(decodePortfolio(v).value));
  return () => {
    a();
    b();
  };
}
