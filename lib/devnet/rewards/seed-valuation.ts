// Devnet valuation sources: LST-like exchange-rate contracts whose rate grows with the block number
// (base staking yield) and Chainlink-shaped price aggregators (ETH/USD, LST/ETH).
// STUB: filled in by the base-yield/prices work (issue 5).
import type { Address } from 'viem';
import type { DevnetToken } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';

export interface ValuationManifest {
  yieldSources: { token: Address; symbol: string; method: string; source: Address }[];
  priceFeeds: { pair: string; base: string; quote: 'ETH' | 'USD'; feed: Address; heartbeatSeconds: number }[];
}

export async function seedValuation(_sender: TxSender, _tokens: { stETH: DevnetToken; rETH: DevnetToken }): Promise<ValuationManifest> {
  return { yieldSources: [], priceFeeds: [] };
}
