// The rewards sources, one line each (the rewards counterpart of lib/protocols/registry.ts).
import { readEigenLayerRewards } from './eigenlayer/read-eigenlayer-rewards.js';
import type { RewardsReaders } from './read-rewards.js';
import { readSymbioticRewards } from './symbiotic/read-symbiotic-rewards.js';
import { readBaseYield, readKarakValueHistory, readPrices } from './valuation/index.js';

export const REWARDS_READERS: RewardsReaders = {
  eigenlayer: readEigenLayerRewards,
  symbiotic: readSymbioticRewards,
  karak: readKarakValueHistory,
  baseYield: readBaseYield,
  prices: readPrices,
};
