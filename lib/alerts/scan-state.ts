// The scanner's persisted state for one chain: a plain JSON object (numbers, strings, plain alerts)
// the caller stores after every chunk, so a killed service worker resumes exactly where it stopped.
import { isHex, type Hex } from 'viem';
import { RestakeError } from '../errors/errors.js';
import { alertFromPlain } from './codec.js';
import { DEFAULT_CHUNK, type ChunkState } from './chunk-size.js';

export class InvalidScanStateError extends RestakeError {
  override name = 'InvalidScanStateError';
}

/** How many recent block hashes are kept for reorg detection (~ one finality period on Ethereum). */
export const RECENT_WINDOW = 64;

export interface ScanState {
  version: 1;
  chainId: number;
  /** First block not scanned yet. */
  nextBlock: number;
  /** Hashes of the last scanned blocks near the head, ascending by number. */
  recent: { number: number; hash: Hex }[];
  chunk: ChunkState;
  /**
   * Alerts that may still change (plain form, see codec.ts): unconfirmed ones, and confirmed ones
   * whose block is still in `recent` (a devnet can reorg below "finalized").
   */
  open: Record<string, unknown>[];
  /** Ids of open alerts whose block was reorged out; retracted unless the rescan finds them again. */
  suspect: string[];
}

export function initialScanState(chainId: number, fromBlock: number, chunk: Partial<ChunkState> = {}): ScanState {
  return { version: 1, chainId, nextBlock: Math.max(0, fromBlock), recent: [], chunk: { ...DEFAULT_CHUNK, ...chunk }, open: [], suspect: [] };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlock = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Validates a stored state (throws InvalidScanStateError with the bad field). */
export function scanStateFromPlain(v: unknown): ScanState {
  const fail = (what: string): never => {
    throw new InvalidScanStateError(`scan state: ${what}`);
  };
  if (!isObj(v) || v.version !== 1) return fail('not a version-1 object');
  if (!isBlock(v.chainId) || v.chainId === 0) fail('chainId');
  if (!isBlock(v.nextBlock)) fail('nextBlock');
  if (!Array.isArray(v.recent) || !v.recent.every((b) => isObj(b) && isBlock(b.number) && typeof b.hash === 'string' && isHex(b.hash))) fail('recent');
  const c = v.chunk;
  if (!isObj(c) || !isBlock(c.size) || c.size < 1 || !isBlock(c.max) || !isBlock(c.streak) || !(c.ceiling === null || isBlock(c.ceiling))) fail('chunk');
  if (!Array.isArray(v.open)) fail('open');
  (v.open as unknown[]).forEach((a, i) => alertFromPlain(a, `scan state.open[${i}]`));
  if (!Array.isArray(v.suspect) || !v.suspect.every((s) => typeof s === 'string')) fail('suspect');
  return v as unknown as ScanState;
}
