// Content script <-> background messages of the tx guard, over a runtime Port named PORT_NAME (one
// port per intercepted request). This channel is UNTRUSTED on the background side: content scripts
// run inside hostile pages, so every field is validated here and the page origin is taken from the
// browser's sender info, never from a message. Nothing flows back but what the dialog shows.
import { isAddress, isHex } from 'viem';
import type { DialogView } from '../../tx/delta/dialog-view.js';
import { LIMITS } from '../../tx/bridge/schema.js';
import { INTERCEPTED_METHODS, type InterceptedMethod } from '../../tx/parse-wallet-request.js';

export const PORT_NAME = 'rc-tx-guard';

export interface AnalyzeCall { to: `0x${string}` | null; data: `0x${string}`; value: `0x${string}`; from?: `0x${string}` }
export interface AnalyzeMessage { type: 'analyze'; method: InterceptedMethod; chainId: number | null; calls: AnalyzeCall[] }
/** Sent only after a trusted click on Proceed with the checkbox ticked; the token came from a low-grade result for this tab and origin. */
export interface RememberMessage { type: 'remember'; token: string }
export type ToBackground = AnalyzeMessage | RememberMessage;

export type AnalyzeResult =
  /** Not a restaking call, unknown chain, guard off, or a low-risk site the user chose to skip: forward, no dialog. */
  | { kind: 'pass' }
  /** The check could not run: forward, with a small notice. */
  | { kind: 'unavailable'; reason: string }
  | { kind: 'review'; views: DialogView[]; lowRisk: boolean; rememberToken: string | null };
export type ToContent = { type: 'result'; result: AnalyzeResult } | { type: 'remembered'; ok: boolean };

const TOKEN = /^[0-9a-f]{32}$/;
const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]{0,63})$/;
const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const exactKeys = (o: Record<string, unknown>, required: string[], optional: string[] = []) =>
  required.every((k) => Object.hasOwn(o, k)) && Object.keys(o).every((k) => required.includes(k) || optional.includes(k));

function parseCall(v: unknown): AnalyzeCall | null {
  if (!plain(v) || !exactKeys(v, ['to', 'data', 'value'], ['from'])) return null;
  const { to, data, value, from } = v;
  if (!(to === null || (typeof to === 'string' && isAddress(to, { strict: false })))) return null;
  if (typeof data !== 'string' || !isHex(data, { strict: true }) || data.length % 2 !== 0 || (data.length - 2) / 2 > LIMITS.maxCalldataBytes) return null;
  if (typeof value !== 'string' || !QUANTITY.test(value)) return null;
  if (from !== undefined && (typeof from !== 'string' || !isAddress(from, { strict: false }))) return null;
  return { to: to as AnalyzeCall['to'], data: data as AnalyzeCall['data'], value: value as AnalyzeCall['value'], ...(from !== undefined ? { from: from as AnalyzeCall['from'] } : {}) };
}

/** Background side: null for anything that is not exactly one of the two messages. */
export function parseToBackground(v: unknown): ToBackground | null {
  if (!plain(v)) return null;
  if (v.type === 'remember') return exactKeys(v, ['type', 'token']) && typeof v.token === 'string' && TOKEN.test(v.token) ? { type: 'remember', token: v.token } : null;
  if (v.type !== 'analyze' || !exactKeys(v, ['type', 'method', 'chainId', 'calls'])) return null;
  if (typeof v.method !== 'string' || !(INTERCEPTED_METHODS as readonly string[]).includes(v.method)) return null;
  if (!(v.chainId === null || (typeof v.chainId === 'number' && Number.isSafeInteger(v.chainId) && v.chainId > 0))) return null;
  if (!Array.isArray(v.calls) || v.calls.length === 0 || v.calls.length > LIMITS.maxCalls) return null;
  const calls = v.calls.map(parseCall);
  if (calls.some((c) => c === null)) return null;
  return { type: 'analyze', method: v.method as InterceptedMethod, chainId: v.chainId as number | null, calls: calls as AnalyzeCall[] };
}

export const newToken = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
