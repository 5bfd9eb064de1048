// Storage is untrusted input (older versions, manual edits, bugs): every field is checked on read.
// A bad field falls back to its default and the reason is reported, so the UI never sees a throw
// and one bad chain entry cannot wipe the watch list.
import { getAddress, isAddress } from 'viem';
import { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import type { Decoded } from './decoded.js';
import { parseLabel } from '../validation/parse-label.js';
import { parseRpcUrl } from '../validation/parse-rpc-urls.js';
import { migrateSettingsTo3 } from './migrations/settings-003.js';
import { parseRewardsApi } from '../validation/parse-rewards-api.js';
import { defaultRiskSettings, defaultSettings, defaultTxGuardSettings, type ChainSettings, type RiskSettings, type Settings, type TrackedAddress, type TxGuardSettings } from './settings.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeSettings(stored: unknown): Decoded<Settings> {
  const defaults = defaultSettings();
  if (stored == null) return { value: defaults, problems: [] };
  if (!isObject(stored)) return { value: defaults, problems: ['settings: not an object, using defaults'] };
  // A page may read the key before the background has migrated it (right after an update).
  const raw = 'activeChainId' in stored ? (migrateSettingsTo3(stored) as Record<string, unknown>) : stored;
  const problems: string[] = [];
  const value: Settings = {
    addresses: addresses(raw.addresses, problems),
    chains: chains(raw.chains, defaults.chains, problems),
    refreshPeriodSeconds: period(raw.refreshPeriodSeconds, defaults.refreshPeriodSeconds, problems),
    risk: riskSettings(raw.risk, problems),
    txGuard: txGuardSettings(raw.txGuard, problems),
  };
  return { value, problems };
}

function addresses(v: unknown, problems: string[]): TrackedAddress[] {
  if (!Array.isArray(v)) {
    problems.push('settings.addresses: not a list, starting empty');
    return [];
  }
  const out: TrackedAddress[] = [];
  v.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.address !== 'string' || !isAddress(entry.address, { strict: false })) {
      problems.push(`settings.addresses[${i}]: not an address entry, dropped`);
      return;
    }
    const address = getAddress(entry.address);
    if (out.some((t) => t.address === address)) {
      problems.push(`settings.addresses[${i}]: duplicate ${address}, dropped`);
      return;
    }
    let label = '';
    try {
      label = typeof entry.label === 'string' ? parseLabel(entry.label) : '';
    } catch (e) {
      problems.push(`settings.addresses[${i}].label: ${(e as Error).message}, cleared`);
    }
    out.push({ address, label });
  });
  return out;
}

/** Every known chain is always present (a dropped entry falls back to its default); extra chains are kept. */
function chains(v: unknown, defaults: Record<string, ChainSettings>, problems: string[]): Record<string, ChainSettings> {
  if (v === undefined) return defaults;
  if (!isObject(v)) {
    problems.push('settings.chains: not an object, using defaults');
    return defaults;
  }
  const out: Record<string, ChainSettings> = { ...defaults };
  for (const [key, entry] of Object.entries(v)) {
    try {
      if (!/^[1-9]\d*$/.test(key) || !Number.isSafeInteger(Number(key))) throw new Error('key is not a chain id');
      if (!isObject(entry) || !Array.isArray(entry.rpcUrls)) throw new Error('rpcUrls missing');
      if (typeof entry.enabled !== 'boolean') throw new Error('enabled is not a boolean');
      const rpcUrls = entry.rpcUrls.map((u) => parseRpcUrl(String(u)));
      const chain: ChainSettings = { enabled: entry.enabled, rpcUrls };
      if (entry.deploymentsOverride != null) chain.deploymentsOverride = entry.deploymentsOverride;
      if (entry.rewardsApi !== undefined) {
        try {
          chain.rewardsApi = parseRewardsApi(entry.rewardsApi);
        } catch (e) {
          // Off is the safe fallback: a broken entry must never send addresses anywhere.
          problems.push(`settings.chains[${key}].rewardsApi: ${(e as Error).message}, turned off`);
        }
      }
      out[key] = chain;
    } catch (e) {
      problems.push(`settings.chains[${key}]: ${(e as Error).message}, ${key in defaults ? 'using defaults' : 'dropped'}`);
    }
  }
  return out;
}

function period(v: unknown, fallback: number, problems: string[]): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    problems.push(`settings.refreshPeriodSeconds: ${String(v)} is not a whole number, using ${fallback}`);
    return fallback;
  }
  // A value saved by a fast-alarm (e2e) build is clamped rather than dropped.
  const clamped = Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, v));
  if (clamped !== v) problems.push(`settings.refreshPeriodSeconds: ${v} out of bounds, using ${clamped}`);
  return clamped;
}

const HOST = /^[a-z0-9.-]{1,253}$/;
const ORIGIN = /^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/;

/** Absent (settings from before these features) = defaults; bad entries are dropped one by one. */
function riskSettings(v: unknown, problems: string[]): RiskSettings {
  const out = defaultRiskSettings();
  if (v === undefined) return out;
  if (!isObject(v)) {
    problems.push('settings.risk: not an object, using defaults');
    return out;
  }
  if (isObject(v.thresholds)) {
    for (const [rule, values] of Object.entries(v.thresholds)) {
      if (!/^[a-z0-9-]{1,64}$/.test(rule) || !isObject(values)) {
        problems.push(`settings.risk.thresholds.${rule.slice(0, 64)}: malformed, dropped`);
        continue;
      }
      const kept: Record<string, number> = {};
      for (const [name, n] of Object.entries(values)) if (/^[A-Za-z0-9]{1,64}$/.test(name) && typeof n === 'number' && Number.isFinite(n)) kept[name] = n;
      out.thresholds[rule] = kept;
    }
  }
  if (isObject(v.sites)) for (const [host, on] of Object.entries(v.sites)) if (HOST.test(host) && typeof on === 'boolean') out.sites[host] = on;
  return out;
}

function txGuardSettings(v: unknown, problems: string[]): TxGuardSettings {
  const out = defaultTxGuardSettings();
  if (v === undefined) return out;
  if (!isObject(v)) {
    problems.push('settings.txGuard: not an object, using defaults');
    return out;
  }
  if (typeof v.enabled === 'boolean') out.enabled = v.enabled;
  if (Array.isArray(v.skipLowRiskOrigins)) out.skipLowRiskOrigins = [...new Set(v.skipLowRiskOrigins.filter((o): o is string => typeof o === 'string' && ORIGIN.test(o)))].slice(0, 200);
  return out;
}
