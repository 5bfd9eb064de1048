// `local:discovery`: the adapters' discovery cache per chain (vault lists, log cursors), so a
// refresh does not re-enumerate thousands of vaults (lib/protocols/adapter.ts, ReadContext.cache).
// Kept apart from `local:portfolio` on purpose: pages watch the portfolio key and every write
// ships the whole value to them; they never need this cache, which can be large.
// Bounds: chrome.storage.local holds 10 MB without `unlimitedStorage`, so one chain's cache is
// dropped past MAX_CHAIN_BYTES and a save that would take all chains past MAX_TOTAL_BYTES is
// skipped (the adapters then rediscover from scratch: slower, never wrong).
// Each entry carries the fingerprint of the deployments it was built with: after a deployments
// override changes, a vault list of other contracts must not be reused.
import { storage } from 'wxt/utils/storage';

export const DISCOVERY_KEY = 'local:discovery' as const;
export const MAX_CHAIN_BYTES = 2_000_000;
export const MAX_TOTAL_BYTES = 4_000_000;

export interface DiscoveryEntry {
  fingerprint: string;
  entries: Record<string, unknown>;
}

export const discoveryItem = storage.defineItem<unknown>(DISCOVERY_KEY, { version: 1 });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function decode(raw: unknown): Record<string, DiscoveryEntry> {
  if (!isObject(raw)) return {};
  const out: Record<string, DiscoveryEntry> = {};
  for (const [id, e] of Object.entries(raw)) if (isObject(e) && typeof e.fingerprint === 'string' && isObject(e.entries)) out[id] = { fingerprint: e.fingerprint, entries: e.entries };
  return out;
}

/** The chain's cache if it was built for these deployments, else empty. */
export async function loadDiscovery(chainId: number, fingerprint: string): Promise<Record<string, unknown>> {
  const entry = decode(await discoveryItem.getValue())[String(chainId)];
  return entry?.fingerprint === fingerprint ? entry.entries : {};
}

/** Saves (or, past the bounds, drops) one chain's cache; returns whether it was kept. */
export async function saveDiscovery(chainId: number, fingerprint: string, entries: Record<string, unknown>): Promise<boolean> {
  const all = decode(await discoveryItem.getValue());
  const id = String(chainId);
  const size = JSON.stringify(entries).length;
  const others = Object.entries(all).reduce((n, [k, e]) => (k === id ? n : n + JSON.stringify(e.entries).length), 0);
  const keep = size <= MAX_CHAIN_BYTES && size + others <= MAX_TOTAL_BYTES;
  if (keep) all[id] = { fingerprint, entries };
  else {
    console.warn(`[discovery] chain ${id}: cache of ${size} bytes not kept (limit ${MAX_CHAIN_BYTES} per chain, ${MAX_TOTAL_BYTES} in all)`);
    delete all[id];
  }
  await discoveryItem.setValue(all);
  return keep;
}

/** Short stable hash of the deployments a cache was built with (FNV-1a over their JSON). */
export function deploymentsFingerprint(deployments: unknown): string {
  const text = JSON.stringify(deployments);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(16)}-${text.length}`;
}
