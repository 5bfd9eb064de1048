// The annotator channel (content script <-> background), over one runtime port named
// ANNOTATOR_PORT. The content script runs inside hostile pages, so the background treats every
// message as untrusted (parseAnnotatorMessage) and answers only public facts about entities plus
// one bit per entity (`exposed`); never tracked addresses, amounts or how many are tracked.
import type { EntityKind } from '../risk/entity.js';
import type { Dimension, Grade } from '../risk/rules/rule.js';
import { isAddress } from './find-addresses.js';

export const ANNOTATOR_PORT = 'rc-annotator';
export const MAX_ITEMS_PER_REQUEST = 100;
export const MAX_URL_LENGTH = 2048;
const MAX_ID = 2 ** 31 - 1;

export interface GradeItem {
  /** Lowercase address. */
  a: string;
  /** EigenLayer operator set under the AVS `a`. */
  set?: number;
}

export type AnnotatorMessage =
  | { t: 'hello' }
  | { t: 'grades'; id: number; items: GradeItem[] }
  | { t: 'page'; id: number; url: string };

export interface EvidenceRef {
  /** "OperatorSlashed at block 812 (tx 0x…)": plain text. */
  label: string;
  /** https explorer link, or null when the chain has no known explorer. */
  url: string | null;
}

export interface Reason {
  rule: string;
  dimension: Dimension;
  grade: Grade;
  /** "Funds can be lost if …" */
  text: string;
  evidence: EvidenceRef[];
}

export interface EntityAnswer {
  a: string;
  set?: number;
  /** 'none': not a restaking entity on an enabled chain nor in the registry: no chip. */
  kind: EntityKind | 'none';
  chainId: number | null;
  /** Registry name, sanitized plain text. */
  name: string | null;
  grade: Grade;
  dims: Partial<Record<Dimension, Grade>>;
  reasons: Reason[];
  /** Some tracked address has a position or exposure touching this entity. Nothing more. */
  exposed: boolean;
}

export type AnnotatorReply =
  | { t: 'site'; on: boolean }
  | { t: 'grades'; id: number; answers: EntityAnswer[] }
  | { t: 'page'; id: number; answers: EntityAnswer[] }
  | { t: 'error'; id: number | null; code: 'invalid' | 'rate-limited' | 'disabled' | 'failed'; retryMs?: number }
  /** Grades or exposure may have changed (settings, a refresh): drop cached answers and ask again. */
  | { t: 'refresh' };

export class AnnotatorMessageError extends Error {
  override name = 'AnnotatorMessageError';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[]) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new AnnotatorMessageError(`unexpected field ${k.slice(0, 20)}`);
}

function id(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_ID) throw new AnnotatorMessageError('id must be a non-negative integer');
  return v;
}

/** Strict parse of one message from a content script: exact shapes, bounded sizes, lowercase addresses. */
export function parseAnnotatorMessage(raw: unknown): AnnotatorMessage {
  if (!isPlainObject(raw)) throw new AnnotatorMessageError('message must be an object');
  if (raw.t === 'hello') {
    onlyKeys(raw, ['t']);
    return { t: 'hello' };
  }
  if (raw.t === 'page') {
    onlyKeys(raw, ['t', 'id', 'url']);
    if (typeof raw.url !== 'string' || raw.url.length > MAX_URL_LENGTH) throw new AnnotatorMessageError('url must be a string of at most 2048 characters');
    return { t: 'page', id: id(raw.id), url: raw.url };
  }
  if (raw.t === 'grades') {
    onlyKeys(raw, ['t', 'id', 'items']);
    const items = raw.items;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ITEMS_PER_REQUEST) throw new AnnotatorMessageError(`items must hold 1 to ${MAX_ITEMS_PER_REQUEST} entries`);
    const out: GradeItem[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      if (!isPlainObject(item)) throw new AnnotatorMessageError('item must be an object');
      onlyKeys(item, ['a', 'set']);
      if (typeof item.a !== 'string' || !isAddress(item.a)) throw new AnnotatorMessageError('item.a must be a 0x address');
      const g: GradeItem = { a: item.a.toLowerCase() };
      if (item.set !== undefined) {
        if (typeof item.set !== 'number' || !Number.isInteger(item.set) || item.set < 0 || item.set > 0xffffffff) throw new AnnotatorMessageError('item.set must be a uint32');
        g.set = item.set;
      }
      const key = `${g.a}/${g.set ?? ''}`;
      if (!seen.has(key)) out.push(g);
      seen.add(key);
    }
    return { t: 'grades', id: id(raw.id), items: out };
  }
  throw new AnnotatorMessageError('unknown message type');
}
