// Devnet valuation sources: LST-like exchange-rate contracts whose rate grows with the block number
// (base staking yield) and Chainlink-shaped price aggregators (ETH/USD, LST/ETH). Five deployments,
// no other transaction: the rates need no keeper, so seeding runs before the scenario's time warps.
// The manifest section has exactly the shape parseDeployments() reads at contracts.valuation.
import { parseEther, parseUnits, type Address } from 'viem';
import type { ValuationDeployments } from '../../chains/valuation-config.js';
import { actorByName } from '../actors.js';
import { getArtifact } from '../compile.js';
import type { DevnetToken } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';

export type ValuationManifest = ValuationDeployments;

/**
 * DevnetRateSource: rate = base + perBlock x (block - deployment block), 1e18-scaled. At 12-s blocks
 * (2,628,000 a year) these are ~3.0 % (stETH) and ~2.6 % (rETH) a year; the devnet mines blocks far
 * apart or close together, so the yields shown are whatever the chain's clock says.
 */
export const DEVNET_RATES = {
  stETH: { base: parseEther('1.15'), perBlock: 13_127_853_881n },
  rETH: { base: parseEther('1.1'), perBlock: 10_882_800_000n },
} as const;

/** Initial answers of the devnet feeds (the deployer owns them and may updateAnswer). */
export const DEVNET_FEEDS = {
  ethUsd: { description: 'ETH / USD', decimals: 8, answer: parseUnits('3000', 8), heartbeatSeconds: 3600 },
  stEthEth: { description: 'STETH / ETH', decimals: 18, answer: parseEther('0.9995'), heartbeatSeconds: 86_400 },
  rEthEth: { description: 'RETH / ETH', decimals: 18, answer: parseEther('1.1'), heartbeatSeconds: 86_400 },
} as const;

export async function seedValuation(sender: TxSender, tokens: { stETH: DevnetToken; rETH: DevnetToken }): Promise<ValuationManifest> {
  const deployer = actorByName('deployer').address;
  const rateArt = getArtifact('DevnetRateSource');
  const feedArt = getArtifact('DevnetAggregator');
  const rate = (r: { base: bigint; perBlock: bigint }) => sender.deploy(deployer, rateArt, [r.base, r.perBlock]);
  const feed = (f: { description: string; decimals: number; answer: bigint }) => sender.deploy(deployer, feedArt, [f.decimals, f.description, f.answer]);
  const stSource = await rate(DEVNET_RATES.stETH);
  const rSource = await rate(DEVNET_RATES.rETH);
  const [ethUsd, stEthEth, rEthEth] = [await feed(DEVNET_FEEDS.ethUsd), await feed(DEVNET_FEEDS.stEthEth), await feed(DEVNET_FEEDS.rEthEth)];
  const pf = (base: string, quote: 'ETH' | 'USD', token: Address | null, address: Address, f: (typeof DEVNET_FEEDS)[keyof typeof DEVNET_FEEDS]) =>
    ({ pair: `${base}/${quote}`, base, quote, token, feed: address, description: f.description, decimals: f.decimals, heartbeatSeconds: f.heartbeatSeconds });
  return {
    yieldSources: [
      // The devnet stETH is a plain ERC-20 (no rebase): valued at its rate like a wrapped token.
      { token: tokens.stETH.address, symbol: 'stETH', method: 'wstETH.stEthPerToken', source: stSource, underlying: 'ETH', rebasing: false },
      { token: tokens.rETH.address, symbol: 'rETH', method: 'rETH.getExchangeRate', source: rSource, underlying: 'ETH', rebasing: false },
    ],
    priceFeeds: [
      pf('ETH', 'USD', null, ethUsd, DEVNET_FEEDS.ethUsd),
      pf('stETH', 'ETH', tokens.stETH.address, stEthEth, DEVNET_FEEDS.stEthEth),
      pf('rETH', 'ETH', tokens.rETH.address, rEthEth, DEVNET_FEEDS.rEthEth),
    ],
  };
}

/**
 * Re-posts every feed's latest answer so updatedAt is the current block time. The scenario warps the
 * clock by weeks after seedValuation runs; calling this last keeps the devnet's prices fresh.
 */
export async function refreshValuationFeeds(sender: TxSender, valuation: ValuationManifest): Promise<void> {
  const deployer = actorByName('deployer').address;
  const abi = getArtifact('DevnetAggregator').abi;
  for (const f of valuation.priceFeeds) {
    const [, answer] = (await sender.client.readContract({ address: f.feed, abi, functionName: 'latestRoundData' })) as readonly [bigint, bigint];
    await sender.write(deployer, f.feed, abi, 'updateAnswer' as never, [answer] as never);
  }
}
