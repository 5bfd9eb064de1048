// Where base staking yield and prices are read on a chain (deployments.valuation; the devnet manifest
// puts it at contracts.valuation). Read from a file, so untrusted: validated here like the other sections.
import { getAddress, isAddress, type Address } from 'viem';
import { InvalidDeploymentsError } from '../errors/errors.js';

/**
 * How a rate is read: `<contract kind>.<function>`. Each returns underlying per 1e18 token units.
 * erc4626.convertToAssets is called with 1e18 shares.
 */
export const RATE_METHODS = [
  'wstETH.stEthPerToken',
  'rETH.getExchangeRate',
  'cbETH.exchangeRate',
  'weETH.getRate',
  'rateProvider.getRate',
  'erc4626.convertToAssets',
  'kelp.rsETHPrice',
] as const;
export type RateMethod = (typeof RATE_METHODS)[number];

export interface YieldSource {
  /** The LST/LRT a position holds. */
  token: Address;
  /** Trusted display symbol (from this config, not from the token contract). */
  symbol: string;
  method: RateMethod;
  /** The contract answering `method` (the token itself, wstETH for stETH, an oracle for rsETH). */
  source: Address;
  /** What the rate is denominated in: 'ETH' or another configured symbol (wstETH -> 'stETH'). */
  underlying: string;
  /**
   * Rebasing tokens (stETH, eETH): the balance grows, one token stays worth one underlying; the rate
   * measures the yield only. Otherwise the token is worth `rate` underlying.
   */
  rebasing: boolean;
}

export interface PriceFeed {
  /** e.g. 'ETH/USD', 'stETH/ETH'. */
  pair: string;
  base: string;
  quote: 'ETH' | 'USD';
  /** The token the feed prices; null for ETH itself. Values are matched by this address, never by symbol. */
  token: Address | null;
  feed: Address;
  /** Exact `description()` of the aggregator, checked when the feed is UNCONFIRMED. */
  description: string;
  decimals: number;
  /** An answer older than this (seconds, vs. the snapshot block) is marked stale. */
  heartbeatSeconds: number;
}

export interface ValuationDeployments {
  yieldSources: YieldSource[];
  priceFeeds: PriceFeed[];
}

function fail(message: string, value?: unknown): never {
  throw new InvalidDeploymentsError(message, value === undefined ? undefined : { value });
}

function address(v: unknown, where: string): Address {
  if (typeof v !== 'string' || !isAddress(v, { strict: false })) fail(`${where} must be a 0x-prefixed 20-byte address`, v);
  return getAddress(v);
}

// Symbols are shown to the user and matched between entries: short and printable only.
function symbol(v: unknown, where: string): string {
  if (typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,16}$/.test(v)) fail(`${where} must be a short token symbol`, v);
  return v;
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${where} must be an object`, v);
  return v as Record<string, unknown>;
}

function list(v: unknown, where: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 200) fail(`${where} must be a list (at most 200 entries)`, v);
  return v;
}

function parseYieldSource(v: unknown, where: string): YieldSource {
  const o = record(v, where);
  if (typeof o.method !== 'string' || !(RATE_METHODS as readonly string[]).includes(o.method)) {
    fail(`${where}.method must be one of ${RATE_METHODS.join(', ')}`, o.method);
  }
  if (o.rebasing !== undefined && typeof o.rebasing !== 'boolean') fail(`${where}.rebasing must be true or false`, o.rebasing);
  return {
    token: address(o.token, `${where}.token`),
    symbol: symbol(o.symbol, `${where}.symbol`),
    method: o.method as RateMethod,
    source: address(o.source, `${where}.source`),
    underlying: o.underlying === undefined ? 'ETH' : symbol(o.underlying, `${where}.underlying`),
    rebasing: o.rebasing === true,
  };
}

function parsePriceFeed(v: unknown, where: string): PriceFeed {
  const o = record(v, where);
  const base = symbol(o.base, `${where}.base`);
  if (o.quote !== 'ETH' && o.quote !== 'USD') fail(`${where}.quote must be ETH or USD`, o.quote);
  const decimals = o.decimals;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) fail(`${where}.decimals must be 0-36`, decimals);
  const hb = o.heartbeatSeconds;
  if (typeof hb !== 'number' || !Number.isSafeInteger(hb) || hb <= 0) fail(`${where}.heartbeatSeconds must be a positive number of seconds`, hb);
  if (typeof o.description !== 'string' || o.description.length === 0 || o.description.length > 64) fail(`${where}.description must be the aggregator's description() text`, o.description);
  const pair = `${base}/${o.quote}`;
  if (o.pair !== undefined && o.pair !== pair) fail(`${where}.pair must be ${pair}`, o.pair);
  return {
    pair,
    base,
    quote: o.quote,
    token: o.token === null || o.token === undefined ? null : address(o.token, `${where}.token`),
    feed: address(o.feed, `${where}.feed`),
    description: o.description,
    decimals,
    heartbeatSeconds: hb,
  };
}

export function parseValuation(v: unknown, where = 'contracts.valuation'): ValuationDeployments {
  const o = record(v, where);
  const yieldSources = list(o.yieldSources, `${where}.yieldSources`).map((y, i) => parseYieldSource(y, `${where}.yieldSources[${i}]`));
  const priceFeeds = list(o.priceFeeds, `${where}.priceFeeds`).map((f, i) => parsePriceFeed(f, `${where}.priceFeeds[${i}]`));
  const tokens = yieldSources.map((y) => y.token);
  if (new Set(tokens).size !== tokens.length) fail(`${where}.yieldSources lists a token twice`);
  const pairs = priceFeeds.map((f) => f.pair);
  if (new Set(pairs).size !== pairs.length) fail(`${where}.priceFeeds lists a pair twice`);
  return { yieldSources, priceFeeds };
}

/** deployments.unconfirmed key of a valuation contract. */
export const valuationKey = (a: Address) => `valuation.${getAddress(a)}`;
