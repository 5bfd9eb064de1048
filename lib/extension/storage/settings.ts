// The user's settings as stored in `local:settings` (current version 3) and their defaults.
import type { TrackedAddress } from '../validation/parse-tracked-address.js';
import { DEFAULT_REFRESH_SECONDS } from '../build-defaults.js';
import { knownChains, orderChainIds } from '../chains/known-chains.js';

export type { TrackedAddress } from '../validation/parse-tracked-address.js';

export interface ChainSettings {
  /** Read on every refresh. */
  enabled: boolean;
  /** Tried in order; empty = the built-in defaults for this chain. */
  rpcUrls: string[];
  /** A deployments file (plain JSON, re-validated with parseDeployments on use); absent = defaults. */
  deploymentsOverride?: unknown;
  /**
   * The opt-in EigenLayer rewards API (Sidecar HTTP shape). Absent or disabled = off: asking it
   * reveals the tracked addresses to that service, so only the user can turn it on.
   */
  rewardsApi?: RewardsApiSettings;
}

export interface RewardsApiSettings {
  enabled: boolean;
  /** http(s) base URL, e.g. https://sidecar-rpc.eigenlayer.xyz/mainnet; '' while never set. */
  baseUrl: string;
}

export interface Settings {
  addresses: TrackedAddress[];
  /**
   * Keyed by decimal chain id (storage is JSON: object keys are strings). Always holds every known
   * chain (registry + build chain); chains the user added by id are kept too.
   */
  chains: Record<string, ChainSettings>;
  refreshPeriodSeconds: number;
  /** Risk engine (lib/risk) and the in-page annotator. */
  risk: RiskSettings;
  /** In-page warnings before signing a restaking transaction. */
  txGuard: TxGuardSettings;
}

export interface RiskSettings {
  /** User overrides of rule thresholds: rule id -> threshold name -> value (validated by lib/risk parseThresholds). */
  thresholds: Record<string, Record<string, number>>;
  /** Per annotated site (registry sites.json host): false = no annotations there. Absent = on. */
  sites: Record<string, boolean>;
}

export interface TxGuardSettings {
  enabled: boolean;
  /** Origins where a low-risk restaking transaction goes through without the dialog. */
  skipLowRiskOrigins: string[];
}

export const defaultRiskSettings = (): RiskSettings => ({ thresholds: {}, sites: {} });
export const defaultTxGuardSettings = (): TxGuardSettings => ({ enabled: true, skipLowRiskOrigins: [] });

export const SETTINGS_VERSION = 3;

/** One entry per known chain, enabled per the build (see known-chains.ts), built-in RPCs. */
export function defaultChainSettings(): Record<string, ChainSettings> {
  return Object.fromEntries(knownChains().map((c) => [String(c.chainId), { enabled: c.enabledByDefault, rpcUrls: [] }]));
}

export function defaultSettings(): Settings {
  return { addresses: [], chains: defaultChainSettings(), refreshPeriodSeconds: DEFAULT_REFRESH_SECONDS, risk: defaultRiskSettings(), txGuard: defaultTxGuardSettings() };
}

/** Ids of the chains a refresh reads, in display order. */
export function enabledChainIds(settings: Settings): number[] {
  return orderChainIds(Object.keys(settings.chains).filter((id) => settings.chains[id]!.enabled));
}
