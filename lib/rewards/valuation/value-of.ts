// ETH and USD value (18 decimals, bigint) of an amount of one asset, from quotes and rates read at the
// same block. Paths, first that applies: native ETH / WETH 1:1; a TOKEN/ETH feed; the token's yield
// source (wrapped: rate x value of the underlying, e.g. wstETH = stEthPerToken x stETH/ETH; rebasing:
// one token = one underlying); a TOKEN/USD feed. USD = ETH x ETH/USD. Tokens are matched by address,
// never by their self-declared symbol; symbols are only followed between configured entries.
// No path = null ("unknown"), never 0.
import { getAddress, type Address } from 'viem';
import type { Asset } from '../../portfolio/types.js';
import type { BaseYield, PriceQuote } from '../types.js';

/** Mainnet WETH: worth exactly one ETH. */
export const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const E18 = 10n ** 18n;
const MAX_DEPTH = 3;

interface Frac {
  num: bigint;
  den: bigint;
}
const mul = (a: Frac, b: Frac): Frac => ({ num: a.num * b.num, den: a.den * b.den });
const same = (a: string | null | undefined, b: string) => typeof a === 'string' && getAddress(a) === getAddress(b);
// Quotes and yields may come from a stored snapshot: only the fields this module relies on are trusted.
const tokenOf = (q: PriceQuote): Address | null | undefined => (q as { token?: Address | null }).token;
const rebasingOf = (y: BaseYield): boolean | undefined => (y as { rebasing?: boolean }).rebasing;
const latestRate = (y: BaseYield): bigint | null => {
  const r = y.samples.at(-1)?.rate;
  return r !== undefined && r > 0n ? r : null;
};
const ratio = (q: PriceQuote): Frac | null => (q.answer > 0n ? { num: q.answer, den: 10n ** BigInt(q.decimals) } : null);

export function valueOf(
  amount: bigint,
  asset: Asset,
  prices: readonly PriceQuote[],
  yields: readonly BaseYield[],
): { eth: bigint | null; usd: bigint | null } {
  const ethUsd = prices.find((q) => q.base === 'ETH' && q.quote === 'USD');

  const viaYield = (y: BaseYield, depth: number): Frac | null => {
    const rebasing = rebasingOf(y);
    const rate = latestRate(y);
    if (rebasing === undefined || rate === null) return null;
    const underlying = ethPerSymbol(y.underlying, depth + 1);
    return underlying && (rebasing ? underlying : mul({ num: rate, den: E18 }, underlying));
  };
  function ethPerSymbol(symbol: string, depth: number): Frac | null {
    if (symbol === 'ETH') return { num: 1n, den: 1n };
    if (depth > MAX_DEPTH) return null;
    const q = prices.find((p) => p.base === symbol && p.quote === 'ETH');
    if (q) return ratio(q);
    const y = yields.find((x) => x.token.symbol === symbol);
    return y ? viaYield(y, depth) : null;
  }
  const ethPerToken = (): Frac | null => {
    const a = asset.address;
    if (a === null || same(a, WETH)) return { num: 1n, den: 1n };
    const q = prices.find((p) => p.quote === 'ETH' && same(tokenOf(p), a));
    if (q) return ratio(q);
    const y = yields.find((x) => same(x.token.address, a));
    const v = y ? viaYield(y, 0) : null;
    if (v) return v;
    // Last resort: a TOKEN/USD feed turned into ETH through ETH/USD.
    const u = prices.find((p) => p.quote === 'USD' && same(tokenOf(p), a));
    const eu = ethUsd && ratio(ethUsd);
    const uf = u && ratio(u);
    return uf && eu ? { num: uf.num * eu.den, den: uf.den * eu.num } : null;
  };

  const scale = 10n ** BigInt(asset.decimals);
  const f = ethPerToken();
  const eth = f ? (amount * f.num * E18) / (scale * f.den) : null;
  const eu = ethUsd && ratio(ethUsd);
  const usd = eth !== null && eu ? (eth * eu.num) / eu.den : null;
  return { eth, usd };
}
