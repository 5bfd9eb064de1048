// Validates `local:rewards` on read: a corrupt chain entry is dropped with the reason (figures we
// cannot trust are not shown), and never hides the other chains.
import { rewardsFromPlain } from '../../rewards/codec.js';
import type { Decoded } from './decoded.js';
import { decodeStatus } from './decode-portfolio.js';
import { emptyRewards, type ChainRewards, type RewardsStore } from './rewards.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeRewards(stored: unknown): Decoded<RewardsStore> {
  if (stored == null) return { value: emptyRewards(), problems: [] };
  if (!isObject(stored) || !isObject(stored.chains)) return { value: emptyRewards(), problems: ['rewards: malformed, reset'] };
  const problems: string[] = [];
  const chains: Record<string, ChainRewards> = {};
  for (const [key, raw] of Object.entries(stored.chains)) {
    const where = `rewards.chains[${key}]`;
    if (!/^[1-9]\d*$/.test(key) || !isObject(raw)) {
      problems.push(`${where}: malformed, dropped`);
      continue;
    }
    const status = decodeStatus(raw.status, where, problems);
    const seenRoots = decodeSeenRoots(raw.seenRoots);
    if (raw.rewards == null) {
      chains[key] = { rewards: null, status: { ...status, state: 'never' }, seenRoots };
      continue;
    }
    try {
      const rewards = rewardsFromPlain(raw.rewards);
      if (String(rewards.chainId) !== key) throw new Error(`rewards are for chain ${rewards.chainId}`);
      chains[key] = { rewards, status, seenRoots };
    } catch (e) {
      problems.push(`${where}.rewards: ${(e as Error).message}, dropped`);
      chains[key] = { rewards: null, status: { ...status, state: 'never' }, seenRoots };
    }
  }
  return { value: { chains }, problems };
}

function decodeSeenRoots(v: unknown): Record<string, number> {
  if (!isObject(v)) return {};
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(v)) if (/^0x[0-9a-f]{40}$/.test(k) && typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) out[k] = n;
  return out;
}
