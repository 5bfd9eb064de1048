// The ETH/USD valuation of one rewards snapshot, with its quotes and rates bound in: what the
// popup, CLI and CSV export call for each figure. Unknown (null) when prices failed.
import { isReadError } from './describe.js';
import type { ValueOf } from './summary.js';
import type { BaseYield, RewardsSnapshot } from './types.js';
import { valueOf } from './valuation/value-of.js';

export function valueOfSnapshot(rewards: RewardsSnapshot): ValueOf {
  const prices = isReadError(rewards.prices) ? [] : rewards.prices;
  const yields = rewards.baseYield.filter((y): y is BaseYield => !isReadError(y));
  return (amount, asset) => valueOf(amount, asset, prices, yields);
}
