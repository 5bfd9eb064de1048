// `local:rewards`: written only by the background's refresher after each chain's rewards read.
import { storage } from 'wxt/utils/storage';
import { rewardsToPlain } from '../../rewards/codec.js';
import { decodeRewards } from './decode-rewards.js';
import { REWARDS_VERSION, type RewardsStore, type StoredRewards } from './rewards.js';

export const REWARDS_KEY = 'local:rewards' as const;

export const rewardsItem = storage.defineItem<unknown>(REWARDS_KEY, { version: REWARDS_VERSION });

export async function loadRewards(): Promise<RewardsStore> {
  const { value, problems } = decodeRewards(await rewardsItem.getValue());
  if (problems.length) console.warn('[rewards] stored rewards repaired on read:', problems);
  return value;
}

export function rewardsStoreToPlain(store: RewardsStore): StoredRewards {
  const chains: StoredRewards['chains'] = {};
  for (const [id, c] of Object.entries(store.chains)) chains[id] = { rewards: c.rewards ? rewardsToPlain(c.rewards) : null, status: c.status, ...(c.seenRoots ? { seenRoots: c.seenRoots } : {}) };
  return { chains };
}

export async function saveRewards(store: RewardsStore): Promise<void> {
  await rewardsItem.setValue(rewardsStoreToPlain(store));
}
