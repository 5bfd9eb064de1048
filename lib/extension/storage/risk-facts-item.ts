// `local:risk-facts`: the facts read per risk entity, kept between refreshes so a refresh does not
// re-read every entity's state and log history each time (the expensive part on mainnet: full-range
// slash and registration log scans). Facts are re-read after a TTL; in between, verdicts are
// recomputed from them, so a threshold change costs no RPC at all.
// Internal to the background (pages never read it). Bounded: past MAX_FACTS_BYTES per chain the
// oldest entries are dropped (they are re-read next time: slower, never wrong). Entries carry the
// deployments fingerprint (like local:discovery) and FACTS_FORMAT, so facts of other contracts or of
// an older gatherer are never reused.
import { storage } from 'wxt/utils/storage';
import type { EntityFacts } from '../../risk/facts/entity-facts.js';

export const RISK_FACTS_KEY = 'local:risk-facts' as const;
export const MAX_FACTS_BYTES = 1_500_000;
/** Bump when the shape of EntityFacts changes. */
export const FACTS_FORMAT = 1;

export interface CachedFacts {
  /** Unix ms when read. */
  at: number;
  facts: EntityFacts;
}

export const riskFactsItem = storage.defineItem<unknown>(RISK_FACTS_KEY, { version: 1 });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with bigints tagged, so facts (blocks, magnitudes, balances) round-trip exactly. */
export const encodeFacts = (facts: EntityFacts): unknown => JSON.parse(JSON.stringify(facts, (_, v) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v)));
export function decodeFacts(raw: unknown): EntityFacts | null {
  try {
    const facts = JSON.parse(JSON.stringify(raw), (_, v) => (isObject(v) && typeof v.$bigint === 'string' && /^-?\d+$/.test(v.$bigint) && Object.keys(v).length === 1 ? BigInt(v.$bigint) : v));
    // Just enough shape for the rules to run; a rule that trips over a bad fact yields 'unknown' (runRule).
    if (!isObject(facts) || typeof facts.kind !== 'string' || typeof facts.address !== 'string' || typeof facts.block !== 'bigint' || !isObject(facts.signals) || !isObject(facts.details)) return null;
    return facts as EntityFacts;
  } catch {
    return null;
  }
}

export async function loadRiskFacts(chainId: number, fingerprint: string): Promise<Map<string, CachedFacts>> {
  const all = await riskFactsItem.getValue();
  const entry = isObject(all) ? all[String(chainId)] : undefined;
  const out = new Map<string, CachedFacts>();
  if (!isObject(entry) || entry.fingerprint !== `${FACTS_FORMAT}:${fingerprint}` || !isObject(entry.entries)) return out;
  for (const [key, e] of Object.entries(entry.entries)) {
    if (!isObject(e) || typeof e.at !== 'number') continue;
    const facts = decodeFacts(e.facts);
    if (facts) out.set(key, { at: e.at, facts });
  }
  return out;
}

/** Saves one chain's facts (newest first until the byte bound); returns how many entries were kept. */
export async function saveRiskFacts(chainId: number, fingerprint: string, facts: Map<string, CachedFacts>): Promise<number> {
  const raw = await riskFactsItem.getValue();
  const all: Record<string, unknown> = isObject(raw) ? { ...raw } : {};
  const entries: Record<string, unknown> = {};
  let size = 0;
  for (const [key, c] of [...facts].sort((a, b) => b[1].at - a[1].at)) {
    const encoded = { at: c.at, facts: encodeFacts(c.facts) };
    const bytes = JSON.stringify(encoded).length + key.length;
    if (size + bytes > MAX_FACTS_BYTES) continue;
    size += bytes;
    entries[key] = encoded;
  }
  all[String(chainId)] = { fingerprint: `${FACTS_FORMAT}:${fingerprint}`, entries };
  await riskFactsItem.setValue(all);
  return Object.keys(entries).length;
}
