// Base staking yield, on-chain prices and Karak value history (issue 5, parts 3-5).
export { readBaseYield, type BaseYieldEntry, type RateYield } from './read-base-yield.js';
export { readPrices, type TokenQuote } from './read-prices.js';
export { valueOf, WETH } from './value-of.js';
export { readKarakValueHistory } from './read-karak-value-history.js';
export { annualizedPpm, YEAR_SECONDS } from './annualize.js';
export { planSampleBlocks, LOOKBACK_SECONDS } from './plan-sample-blocks.js';
