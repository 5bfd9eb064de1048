// Encoding and strict parsing of bridge messages. Parsing trusts nothing: only a string within the
// size limit, valid JSON, exactly the schema's keys with the right types and formats, a kind meant
// for this receiver, the expected page origin and a valid MAC is accepted. Anything else is ignored
// by the caller (never answered with details a page could learn from).
import { isAddress, isHex, type Address, type Hex } from 'viem';
import { INTERCEPTED_METHODS, type InterceptedMethod } from '../parse-wallet-request.js';
import { bridgeMac, isBridgeSecret, sameMac } from './bridge-secret.js';
import {
  BRIDGE_VERSION, LIMITS, RECEIVER_KINDS,
  type BridgeCall, type BridgeMessage, type ToContentMessage, type ToMainMessage,
} from './schema.js';

const ID = /^[0-9a-f]{32}$/;
const MAC = /^0x[0-9a-f]{64}$/;
const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]{0,63})$/;

/** 16 random bytes as hex: the id of one intercepted request. */
export function createRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The MAC input: the validated fields in schema order, never the page's raw text. */
function canonical(m: BridgeMessage): string {
  switch (m.kind) {
    case 'intercept':
      return JSON.stringify([m.v, m.kind, m.id, m.origin, m.method, m.chainId, m.calls.map((c) => [c.to, c.data, c.value, c.from ?? null])]);
    case 'verdict':
      return JSON.stringify([m.v, m.kind, m.id, m.verdict]);
    default:
      return JSON.stringify([m.v, m.kind, m.id]);
  }
}

export function encodeBridgeMessage(message: BridgeMessage, secret: string): string {
  if (!isBridgeSecret(secret)) throw new TypeError('bridge secret must be 64 hex characters');
  return JSON.stringify({ ...message, mac: bridgeMac(secret, canonical(message)) });
}

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const exactKeys = (o: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []) =>
  required.every((k) => Object.hasOwn(o, k)) && Object.keys(o).every((k) => required.includes(k) || optional.includes(k));

function parseCall(raw: unknown): BridgeCall | null {
  if (!plain(raw) || !exactKeys(raw, ['to', 'data', 'value'], ['from'])) return null;
  const { to, data, value, from } = raw;
  if (!(to === null || (typeof to === 'string' && isAddress(to, { strict: false })))) return null;
  if (typeof data !== 'string' || !isHex(data, { strict: true }) || data.length % 2 !== 0 || (data.length - 2) / 2 > LIMITS.maxCalldataBytes) return null;
  if (typeof value !== 'string' || !QUANTITY.test(value)) return null;
  if (from !== undefined && (typeof from !== 'string' || !isAddress(from, { strict: false }))) return null;
  return { to: to as Address | null, data: data as Hex, value: value as Hex, ...(from !== undefined ? { from: from as Address } : {}) };
}

function isOrigin(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > LIMITS.maxOriginChars) return false;
  try {
    return new URL(v).origin === v;
  } catch {
    return false;
  }
}

/** Schema only (no MAC): returns the typed message or the first field that is wrong. */
function parseShape(o: Record<string, unknown>): BridgeMessage | string {
  const base = ['v', 'kind', 'id', 'mac'];
  if (o.v !== BRIDGE_VERSION) return 'version';
  if (typeof o.id !== 'string' || !ID.test(o.id)) return 'id';
  switch (o.kind) {
    case 'intercept': {
      if (!exactKeys(o, [...base, 'origin', 'method', 'chainId', 'calls'])) return 'keys';
      if (!isOrigin(o.origin)) return 'origin';
      if (typeof o.method !== 'string' || !(INTERCEPTED_METHODS as readonly string[]).includes(o.method)) return 'method';
      if (!(o.chainId === null || (typeof o.chainId === 'number' && Number.isSafeInteger(o.chainId) && o.chainId > 0))) return 'chainId';
      if (!Array.isArray(o.calls) || o.calls.length === 0 || o.calls.length > LIMITS.maxCalls) return 'calls';
      const calls = o.calls.map(parseCall);
      if (calls.some((c) => c === null)) return 'calls';
      return { v: 1, kind: 'intercept', id: o.id, origin: o.origin, method: o.method as InterceptedMethod, chainId: o.chainId as number | null, calls: calls as BridgeCall[] };
    }
    case 'verdict':
      if (!exactKeys(o, [...base, 'verdict'])) return 'keys';
      if (o.verdict !== 'proceed' && o.verdict !== 'cancel' && o.verdict !== 'unavailable') return 'verdict';
      return { v: 1, kind: 'verdict', id: o.id, verdict: o.verdict };
    case 'ack':
    case 'abandon':
      if (!exactKeys(o, base)) return 'keys';
      return { v: 1, kind: o.kind, id: o.id };
    default:
      return 'kind';
  }
}

export interface ParseExpectations {
  /** Who is reading: messages meant for the other side are rejected (no reflection of our own messages). */
  receiver: 'content' | 'main';
  /** Content side: its own location.origin; an intercept naming another origin is rejected. */
  origin?: string;
}

export function parseBridgeMessage(untrusted: unknown, secret: string, expect: { receiver: 'content'; origin?: string }): ParseResult<ToContentMessage>;
export function parseBridgeMessage(untrusted: unknown, secret: string, expect: { receiver: 'main' }): ParseResult<ToMainMessage>;
export function parseBridgeMessage(untrusted: unknown, secret: string, expect: ParseExpectations): ParseResult<BridgeMessage> {
  // Strings only: an object from the page could carry getters or proxies; JSON text cannot.
  if (typeof untrusted !== 'string') return { ok: false, reason: 'not-a-string' };
  if (untrusted.length > LIMITS.maxMessageChars) return { ok: false, reason: 'too-large' };
  if (!isBridgeSecret(secret)) return { ok: false, reason: 'no-secret' };
  let raw: unknown;
  try {
    raw = JSON.parse(untrusted);
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
  if (!plain(raw)) return { ok: false, reason: 'bad-schema:root' };
  const shaped = parseShape(raw);
  if (typeof shaped === 'string') return { ok: false, reason: `bad-schema:${shaped}` };
  if (!(RECEIVER_KINDS[expect.receiver] as readonly string[]).includes(shaped.kind)) return { ok: false, reason: 'wrong-direction' };
  if (typeof raw.mac !== 'string' || !MAC.test(raw.mac) || !sameMac(raw.mac, bridgeMac(secret, canonical(shaped)))) return { ok: false, reason: 'bad-mac' };
  if (shaped.kind === 'intercept' && expect.origin !== undefined && shaped.origin !== expect.origin) return { ok: false, reason: 'wrong-origin' };
  return { ok: true, message: shaped };
}

/** For a window.postMessage transport: only messages this window posted to itself, from its own origin. */
export function isOwnWindowMessage(event: { source: unknown; origin: string }, win: { location: { origin: string } }): boolean {
  return event.source === win && event.origin === win.location.origin;
}
