// Storage is untrusted input (older versions, manual edits, bugs): every field is checked on read.
// A bad field falls back to its default and the reason is reported, so the UI never sees a throw
// and one bad chain entry cannot wipe the watch list.
import { getAddress, isAddress } from 'viem';
import { MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import type { Decoded } from './decoded.js';
import { parseLabel } from '../validation/parse-label.js';
import { parseRpcUrl } from '../validation/parse-rpc-urls.js';
import { defaultSettings, type ChainSettings, type Settings, type TrackedAddress } from './settings.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeSettings(raw: unknown): Decoded<Settings> {
  const defaults = defaultSettings();
  if (raw == null) return { value: defaults, problems: [] };
  if (!isObject(raw)) return { value: defaults, problems: ['settings: not an object, using defaults'] };
  const problems: string[] = [];
  const value: Settings = {
    addresses: addresses(raw.addresses, problems),
    chains: chains(raw.chains, defaults.chains, problems),
    activeChainId: chainId(raw.activeChainId, defaults.activeChainId, problems),
    refreshPeriodSeconds: period(raw.refreshPeriodSeconds, defaults.refreshPeriodSeconds, problems),
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

function chains(v: unknown, defaults: Record<string, ChainSettings>, problems: string[]): Record<string, ChainSettings> {
  if (v === undefined) return defaults;
  if (!isObject(v)) {
    problems.push('settings.chains: not an object, using defaults');
    return defaults;
  }
  const out: Record<string, ChainSettings> = {};
  for (const [key, entry] of Object.entries(v)) {
    try {
      if (!/^[1-9]\d*$/.test(key)) throw new Error('key is not a chain id');
      if (!isObject(entry) || !Array.isArray(entry.rpcUrls)) throw new Error('rpcUrls missing');
      const rpcUrls = entry.rpcUrls.map((u) => parseRpcUrl(String(u)));
      out[key] = entry.deploymentsOverride === undefined ? { rpcUrls } : { rpcUrls, deploymentsOverride: entry.deploymentsOverride };
    } catch (e) {
      problems.push(`settings.chains[${key}]: ${(e as Error).message}, dropped`);
    }
  }
  return out;
}

function chainId(v: unknown, fallback: number, problems: string[]): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  problems.push(`settings.activeChainId: ${String(v)} is not a chain id, using ${fallback}`);
  return fallback;
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
