// The contract call behind each configured rate method (mainnet signatures). Every method returns the
// underlying per 1e18 token units; ERC-4626 vaults answer that as convertToAssets(1e18).
import { parseAbi, parseEther } from 'viem';
import type { Call } from '../../chains/read-calls.js';
import type { RateMethod, YieldSource } from '../../chains/valuation-config.js';

const rateAbi = parseAbi([
  'function stEthPerToken() view returns (uint256)',
  'function getExchangeRate() view returns (uint256)',
  'function exchangeRate() view returns (uint256)',
  'function getRate() view returns (uint256)',
  'function convertToAssets(uint256 shares) view returns (uint256 assets)',
  'function rsETHPrice() view returns (uint256)',
]);

const FUNCTION: Record<RateMethod, string> = {
  'wstETH.stEthPerToken': 'stEthPerToken',
  'rETH.getExchangeRate': 'getExchangeRate',
  'cbETH.exchangeRate': 'exchangeRate',
  'weETH.getRate': 'getRate',
  'rateProvider.getRate': 'getRate',
  'erc4626.convertToAssets': 'convertToAssets',
  'kelp.rsETHPrice': 'rsETHPrice',
};

export const ONE = parseEther('1');
/** A rate outside [0.5, 5] underlying per token is not an LST/LRT exchange rate: a wrong contract or a lying RPC. */
export const MIN_PLAUSIBLE_RATE = parseEther('0.5');
export const MAX_PLAUSIBLE_RATE = parseEther('5');

export function rateCall(y: Pick<YieldSource, 'method' | 'source'>): Call {
  const functionName = FUNCTION[y.method];
  return functionName === 'convertToAssets'
    ? { address: y.source, abi: rateAbi, functionName, args: [ONE] }
    : { address: y.source, abi: rateAbi, functionName };
}

export const plausibleRate = (v: unknown): v is bigint => typeof v === 'bigint' && v >= MIN_PLAUSIBLE_RATE && v <= MAX_PLAUSIBLE_RATE;
