// Ethereum mainnet rate sources and Chainlink feeds. None of these addresses is in the project's
// reference: each was established from public code (method names from the token interfaces, feed
// addresses, descriptions, decimals and heartbeats from several integrators' constants), so every one
// is UNCONFIRMED and checked on chain before its first use (lib/rewards/valuation/verify-sources.ts):
// a feed must answer the exact description() and decimals(), a rate source a rate in [0.5, 5] x 1e18.
import type { ValuationDeployments } from './valuation-config.js';
import { valuationKey } from './valuation-config.js';

const STETH = '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84';
const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const RETH = '0xae78736Cd615f374D3085123A210448E74Fc6393';
const CBETH = '0xBe9895146f7AF43049ca1c1AE358B0541Ea49704';
const EETH = '0x35fA164735182de50811E8e2E824cFb9B6118ac2';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';
const DAY = 86_400;

export const MAINNET_VALUATION: ValuationDeployments = {
  yieldSources: [
    // stETH rebases; its share rate is what wstETH reports.
    { token: STETH, symbol: 'stETH', method: 'wstETH.stEthPerToken', source: WSTETH, underlying: 'ETH', rebasing: true },
    { token: WSTETH, symbol: 'wstETH', method: 'wstETH.stEthPerToken', source: WSTETH, underlying: 'stETH', rebasing: false },
    { token: RETH, symbol: 'rETH', method: 'rETH.getExchangeRate', source: RETH, underlying: 'ETH', rebasing: false },
    { token: CBETH, symbol: 'cbETH', method: 'cbETH.exchangeRate', source: CBETH, underlying: 'ETH', rebasing: false },
    // eETH rebases; weETH.getRate() is eETH per weETH.
    { token: EETH, symbol: 'eETH', method: 'weETH.getRate', source: WEETH, underlying: 'ETH', rebasing: true },
    { token: WEETH, symbol: 'weETH', method: 'weETH.getRate', source: WEETH, underlying: 'eETH', rebasing: false },
    // pufETH is the PufferVault, an ERC-4626 vault over WETH.
    { token: '0xD9A442856C234a39a81a089C06451EBAa4306a72', symbol: 'pufETH', method: 'erc4626.convertToAssets', source: '0xD9A442856C234a39a81a089C06451EBAa4306a72', underlying: 'ETH', rebasing: false },
    // Kelp: LRTOracle.rsETHPrice() (oracle address from the Kelp README via the registry).
    { token: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7', symbol: 'rsETH', method: 'kelp.rsETHPrice', source: '0x349A73444b1a310BAe67ef67973022020d70020d', underlying: 'ETH', rebasing: false },
    // Swell rswETH implements the Balancer rate-provider getRate() itself.
    { token: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', symbol: 'rswETH', method: 'rateProvider.getRate', source: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0', underlying: 'ETH', rebasing: false },
    // Renzo ezETH: its Balancer rate provider (single public source; the on-chain check guards it).
    { token: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110', symbol: 'ezETH', method: 'rateProvider.getRate', source: '0x387dBc0fB00b26fb085aa658527D5BE98302c84C', underlying: 'ETH', rebasing: false },
  ],
  priceFeeds: [
    { pair: 'ETH/USD', base: 'ETH', quote: 'USD', token: null, feed: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419', description: 'ETH / USD', decimals: 8, heartbeatSeconds: 3600 },
    { pair: 'stETH/ETH', base: 'stETH', quote: 'ETH', token: STETH, feed: '0x86392dC19c0b719886221c78AB11eb8Cf5c52812', description: 'STETH / ETH', decimals: 18, heartbeatSeconds: DAY },
    { pair: 'rETH/ETH', base: 'rETH', quote: 'ETH', token: RETH, feed: '0x536218f9E9Eb48863970252233c8F271f554C2d0', description: 'RETH / ETH', decimals: 18, heartbeatSeconds: DAY },
    { pair: 'cbETH/ETH', base: 'cbETH', quote: 'ETH', token: CBETH, feed: '0xF017fcB346A1885194689bA23Eff2fE6fA5C483b', description: 'CBETH / ETH', decimals: 18, heartbeatSeconds: DAY },
    { pair: 'weETH/ETH', base: 'weETH', quote: 'ETH', token: WEETH, feed: '0x5c9C449BbC9a6075A2c061dF312a35fd1E05fF22', description: 'weETH / ETH', decimals: 18, heartbeatSeconds: DAY },
  ],
};

/** Every valuation address above, as deployments.unconfirmed keys. */
export const MAINNET_VALUATION_UNCONFIRMED: string[] = [
  ...new Set([...MAINNET_VALUATION.yieldSources.map((y) => valuationKey(y.source)), ...MAINNET_VALUATION.priceFeeds.map((f) => valuationKey(f.feed))]),
];
