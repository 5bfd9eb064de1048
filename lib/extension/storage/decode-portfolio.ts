// Validates `local:portfolio` on read. A corrupt snapshot is dropped (state 'never' with the reason)
// rather than half-shown: amounts we cannot trust must not be displayed. One bad chain entry never
// hides the other chains.
import { snapshotFromPlain } from '../../portfolio/codec.js';
import { migratePortfolioTo2 } from './migrations/portfolio-002.js';
import { emptyPortfolio, NEVER_REFRESHED, type ChainPortfolio, type FreshnessState, type Portfolio, type RefreshStatus } from './portfolio.js';
import type { Decoded } from './decoded.js';

const STATES: readonly FreshnessState[] = ['fresh', 'stale', 'never'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const msOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function decodeStatus(v: unknown, where: string, problems: string[]): RefreshStatus {
  if (!isObject(v) || !STATES.includes(v.state as FreshnessState)) {
    problems.push(`${where}.status: malformed, reset`);
    return { ...NEVER_REFRESHED };
  }
  const status: RefreshStatus = { state: v.state as FreshnessState, lastAttemptAt: msOrNull(v.lastAttemptAt), lastSuccessAt: msOrNull(v.lastSuccessAt) };
  if (isObject(v.error) && typeof v.error.name === 'string' && typeof v.error.message === 'string') status.error = { name: v.error.name, message: v.error.message };
  return status;
}

function decodeChain(raw: unknown, chainId: string, problems: string[]): ChainPortfolio {
  const where = `portfolio.chains[${chainId}]`;
  if (!isObject(raw)) {
    problems.push(`${where}: not an object, reset`);
    return { snapshot: null, status: { ...NEVER_REFRESHED } };
  }
  const status = decodeStatus(raw.status, where, problems);
  if (raw.snapshot == null) return { snapshot: null, status: { ...status, state: 'never' } };
  try {
    const snapshot = snapshotFromPlain(raw.snapshot);
    if (String(snapshot.chainId) !== chainId) throw new Error(`snapshot is for chain ${snapshot.chainId}`);
    return { snapshot, status };
  } catch (e) {
    problems.push(`${where}.snapshot: ${(e as Error).message}, dropped`);
    return { snapshot: null, status: { ...status, state: 'never' } };
  }
}

export function decodePortfolio(stored: unknown): Decoded<Portfolio> {
  if (stored == null) return { value: emptyPortfolio(), problems: [] };
  if (!isObject(stored)) return { value: emptyPortfolio(), problems: ['portfolio: not an object, reset'] };
  // A page may read the key before the background has migrated it (right after an update).
  const raw = !('chains' in stored) && 'snapshot' in stored ? (migratePortfolioTo2(stored) as Record<string, unknown>) : stored;
  if (!isObject(raw.chains)) return { value: emptyPortfolio(), problems: ['portfolio.chains: not an object, reset'] };
  const problems: string[] = [];
  const chains: Record<string, ChainPortfolio> = {};
  for (const [key, entry] of Object.entries(raw.chains)) {
    if (!/^[1-9]\d*$/.test(key)) {
      problems.push(`portfolio.chains[${key}]: not a chain id, dropped`);
      continue;
    }
    chains[key] = decodeChain(entry, key, problems);
  }
  return { value: { chains }, problems };
}
