// The user's settings as stored in `local:settings` (current version 2) and their defaults.
import type { TrackedAddress } from '../validation/parse-tracked-address.js';
import { BUILD_DEFAULTS, DEFAULT_REFRESH_SECONDS } from '../build-defaults.js';

export type { TrackedAddress } from '../validation/parse-tracked-address.js';

export interface ChainSettings {
  /** Tried in order; empty = the build's defaults for this chain. */
  rpcUrls: string[];
  /** A deployments file (plain JSON, re-validated with parseDeployments on use); absent = defaults. */
  deploymentsOverride?: unknown;
}

export interface Settings {
  addresses: TrackedAddress[];
  /** Keyed by decimal chain id (storage is JSON: object keys are strings). */
  chains: Record<string, ChainSettings>;
  activeChainId: number;
  refreshPeriodSeconds: number;
}

export const SETTINGS_VERSION = 2;

export function defaultSettings(): Settings {
  return {
    addresses: [],
    chains: { [String(BUILD_DEFAULTS.chainId)]: { rpcUrls: [...BUILD_DEFAULTS.rpcUrls] } },
    activeChainId: BUILD_DEFAULTS.chainId,
    refreshPeriodSeconds: DEFAULT_REFRESH_SECONDS,
  };
}
