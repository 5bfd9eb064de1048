// Validates `local:portfolio` on read. A corrupt snapshot is dropped (state 'never' with the reason)
// rather than half-shown: amounts we cannot trust must not be displayed.
import { snapshotFromPlain } from '../../portfolio/codec.js';
import { NEVER_REFRESHED, type FreshnessState, type Portfolio, type RefreshStatus } from './portfolio.js';
import type { Decoded } from './decoded.js';

const STATES: readonly FreshnessState[] = ['fresh', 'stale', 'never'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const msOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function decodeStatus(v: unknown, problems: string[]): RefreshStatus {
  if (!isObject(v) || !STATES.includes(v.state as FreshnessState)) {
    problems.push('portfolio.status: malformed, reset');
    return { ...NEVER_REFRESHED };
  }
  const status: RefreshStatus = { state: v.state as FreshnessState, lastAttemptAt: msOrNull(v.lastAttemptAt), lastSuccessAt: msOrNull(v.lastSuccessAt) };
  if (isObject(v.error) && typeof v.error.name === 'string' && typeof v.error.message === 'string') status.error = { name: v.error.name, message: v.error.message };
  return status;
}

export function decodePortfolio(raw: unknown): Decoded<Portfolio> {
  if (raw == null) return { value: { snapshot: null, status: { ...NEVER_REFRESHED } }, problems: [] };
  const problems: string[] = [];
  if (!isObject(raw)) return { value: { snapshot: null, status: { ...NEVER_REFRESHED } }, problems: ['portfolio: not an object, reset'] };
  const status = decodeStatus(raw.status, problems);
  if (raw.snapshot == null) return { value: { snapshot: null, status: { ...status, state: 'never' } }, problems };
  try {
    return { value: { snapshot: snapshotFromPlain(raw.snapshot), status }, problems };
  } catch (e) {
    problems.push(`portfolio.snapshot: ${(e as Error).message}, dropped`);
    return { value: { snapshot: null, status: { ...status, state: 'never' } }, problems };
  }
}
