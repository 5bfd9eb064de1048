// Adaptive eth_getLogs range. Providers cap ranges or result counts and say so in many dialects
// (-32005, -32602 "range too large", "query returned more than 10000 results", HTTP 413, timeouts).
// On such an error the range is halved (or set to the provider's stated maximum) and that size
// becomes a ceiling; after a few successes it grows back by a quarter, never past the ceiling.
// Pure functions: the state lives in ScanState.chunk and survives restarts.

export interface ChunkState {
  /** Blocks per eth_getLogs now. */
  size: number;
  /** Hard cap. */
  max: number;
  /** Largest size known to work after a limit error; null = none seen. */
  ceiling: number | null;
  /** Consecutive full-size successes since the last change. */
  streak: number;
}

export const DEFAULT_CHUNK: ChunkState = { size: 2_000, max: 10_000, ceiling: null, streak: 0 };
/** Full-size successes before growing again: slow on purpose, a limit error costs a wasted request. */
export const GROW_AFTER = 3;

export type LogsErrorKind = 'limit' | 'timeout';

export function onChunkSuccess(c: ChunkState, used: number): ChunkState {
  if (used < c.size) return c; // a short chunk at the head says nothing about the limit
  const streak = c.streak + 1;
  if (streak < GROW_AFTER) return { ...c, streak };
  const cap = Math.min(c.max, c.ceiling ?? c.max);
  return { ...c, size: Math.min(cap, c.size + Math.max(1, Math.floor(c.size / 4))), streak: 0 };
}

export function onChunkFailure(c: ChunkState, used: number, kind: LogsErrorKind, hint?: number): ChunkState {
  const halved = Math.max(1, Math.floor(used / 2));
  const size = hint !== undefined && hint >= 1 && hint < used ? hint : halved;
  // A timeout may be transient load, so it shrinks the range without remembering a ceiling.
  const ceiling = kind === 'limit' ? Math.min(size, c.ceiling ?? Infinity) : c.ceiling;
  return { ...c, size, ceiling, streak: 0 };
}

const LIMIT_CODES = new Set([-32005, -32602, -32000, -32603, -32001]);
const LIMIT_TEXT = /(block )?range|too many|too large|more than \d[\d,]* (results|logs)|limit(ed)? (to|exceeded)|exceed|response size|max(imum)? (block|results)|query timeout|payload too/i;
const TIMEOUT_TEXT = /time(d)?[ -]?out/i;

/** Whether an eth_getLogs failure means "ask for less" (and the provider's stated maximum, if any). */
export function classifyLogsError(error: unknown): { kind: LogsErrorKind; hint?: number } | null {
  let e: unknown = error;
  const texts: string[] = [];
  let code: number | undefined;
  let status: number | undefined;
  let timeout = false;
  for (let depth = 0; e && depth < 8; depth++) {
    const x = e as { name?: string; message?: string; details?: string; shortMessage?: string; code?: unknown; status?: unknown; cause?: unknown };
    if (x.name === 'TimeoutError') timeout = true;
    if (typeof x.code === 'number' && code === undefined) code = x.code;
    if (typeof x.status === 'number' && status === undefined) status = x.status;
    for (const t of [x.details, x.shortMessage, x.message]) if (typeof t === 'string') texts.push(t);
    e = x.cause;
  }
  const text = texts.join(' | ');
  if (status === 429 || /rate[ -]?limit/i.test(text)) return null; // retry later, the range is fine
  const hint = rangeHint(text);
  if (code === -32005 || status === 413 || (code !== undefined && LIMIT_CODES.has(code) && LIMIT_TEXT.test(text)) || LIMIT_TEXT.test(text)) {
    return hint === undefined ? { kind: 'limit' } : { kind: 'limit', hint };
  }
  if (timeout || TIMEOUT_TEXT.test(text) || status === 504) return { kind: 'timeout' };
  return null;
}

/** "Try with this block range [0x10, 0x2f]" -> 32; "maximum block range: 5000" -> 5000. */
export function rangeHint(text: string): number | undefined {
  const pair = /\[\s*(0x[0-9a-f]+)\s*,\s*(0x[0-9a-f]+)\s*\]/i.exec(text);
  if (pair) {
    const n = Number(BigInt(pair[2]!) - BigInt(pair[1]!)) + 1;
    if (n >= 1) return n;
  }
  const max = /(?:max(?:imum)?(?: block)?(?: range)?(?: is| of)?|limited to(?: a)?|up to(?: a)?|range (?:limit|is)(?: of)?)[^\d]{0,12}(\d[\d,]*)/i.exec(text);
  if (max) {
    const n = Number(max[1]!.replace(/,/g, ''));
    if (Number.isSafeInteger(n) && n >= 1) return n;
  }
  return undefined;
}
