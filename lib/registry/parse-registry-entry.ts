// Validates one untrusted registry record: address via viem (checksummed), text size-limited,
// links http(s) only, confidence one of three words. A record without a usable address or a
// declared confidence is rejected with the reason; a bad optional field is dropped and noted.
import { getAddress, isAddress } from 'viem';
import { safeHttpUrl, safeText } from './safe-text.js';
import type { Confidence, RegistryEntry, RegistryKind, RejectedRecord } from './types.js';

export const LIMITS = { name: 120, category: 120, description: 1000, source: 400, sources: 12 } as const;
const CONFIDENCE: readonly Confidence[] = ['high', 'medium', 'low'];

export interface EntrySpec {
  kind: RegistryKind;
  chainId: number;
  origin: string;
  /** Where the category comes from in this file (files differ). */
  category?: (raw: Record<string, unknown>) => unknown;
  name?: (raw: Record<string, unknown>) => unknown;
  /** For files whose records carry no confidence (Symbiotic's official metadata repo): the file's level, with the reason in the caller. */
  confidence?: Confidence;
  /** Unnamed records are allowed only where the file is a list of labels without names. */
  allowUnnamed?: boolean;
}

export type EntryResult = { entry: RegistryEntry; notes: RejectedRecord[] } | { rejected: RejectedRecord };

export function parseRegistryEntry(raw: unknown, where: string, spec: EntrySpec): EntryResult {
  const reject = (reason: string): EntryResult => ({ rejected: { where, reason } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reject('record is not an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.address !== 'string' || !isAddress(r.address, { strict: false })) return reject(`address is not a 20-byte hex address (${String(r.address).slice(0, 60)})`);
  // Mixed-case input must carry a valid EIP-55 checksum: a wrong one usually means a typo.
  if (r.address !== r.address.toLowerCase() && r.address.slice(2) !== r.address.slice(2).toUpperCase() && !isAddress(r.address, { strict: true })) {
    return reject(`address ${r.address} has an invalid EIP-55 checksum`);
  }
  const name = safeText(spec.name ? spec.name(r) : r.name, LIMITS.name);
  if (name === null && !spec.allowUnnamed) return reject('name is missing or empty');
  const confidenceRaw = r.confidence ?? spec.confidence;
  if (typeof confidenceRaw !== 'string' || !CONFIDENCE.includes(confidenceRaw as Confidence)) return reject(`confidence must be high, medium or low (got ${String(confidenceRaw).slice(0, 20)})`);
  const notes: RejectedRecord[] = [];
  let website: string | null = null;
  if (r.website !== undefined && r.website !== null) {
    website = safeHttpUrl(r.website);
    if (website === null) notes.push({ where: `${where}.website`, reason: 'dropped: not an http(s) URL' });
  }
  const rawSources = Array.isArray(r.sources) ? r.sources : r.source !== undefined ? [r.source] : [];
  const sources = rawSources.map((s) => safeText(s, LIMITS.source)).filter((s): s is string => s !== null).slice(0, LIMITS.sources);
  if (sources.length === 0) return reject('no source: every registry record must say where it came from');
  return {
    entry: {
      chainId: spec.chainId,
      address: getAddress(r.address),
      kind: spec.kind,
      name,
      category: safeText(spec.category ? spec.category(r) : r.category, LIMITS.category),
      website,
      description: safeText(r.description, LIMITS.description),
      sources,
      confidence: confidenceRaw as Confidence,
      origin: spec.origin,
    },
    notes,
  };
}

/** Parses `file[listKey]` record by record; a missing list is itself a rejection (the file changed shape). */
export function parseRegistryList(file: unknown, listKey: string, spec: EntrySpec | ((raw: Record<string, unknown>) => EntrySpec | string)): { entries: RegistryEntry[]; rejected: RejectedRecord[] } {
  const entries: RegistryEntry[] = [];
  const rejected: RejectedRecord[] = [];
  const list = typeof file === 'object' && file !== null ? (file as Record<string, unknown>)[listKey] : undefined;
  if (!Array.isArray(list)) return { entries, rejected: [{ where: listKey, reason: `${listKey} is not a list` }] };
  list.forEach((raw, i) => {
    const where = `${listKey}[${i}]`;
    const s = typeof spec === 'function' ? (typeof raw === 'object' && raw !== null ? spec(raw as Record<string, unknown>) : 'record is not an object') : spec;
    if (typeof s === 'string') return void rejected.push({ where, reason: s });
    const res = parseRegistryEntry(raw, where, s);
    if ('rejected' in res) rejected.push(res.rejected);
    else {
      entries.push(res.entry);
      rejected.push(...res.notes);
    }
  });
  return { entries, rejected };
}
