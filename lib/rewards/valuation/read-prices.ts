// Chainlink prices at the snapshot block: latestRoundData and decimals of every configured feed in one
// batched read (after the UNCONFIRMED check). Answers are untrusted: a non-positive answer, a decimals()
// that differs from the configured scale, or an update time after the block are refused. An answer older
// than the feed's heartbeat allowance is kept but marked stale.
import type { Address } from 'viem';
import { parseAbi } from 'viem';
import type { Call } from '../../chains/read-calls.js';
import { readCalls } from '../../chains/read-calls.js';
import type { PriceFeed } from '../../chains/valuation-config.js';
import type { RewardsReadContext } from '../context.js';
import type { PriceQuote, ReadError } from '../types.js';
import { feedCheck, verifySources } from './verify-sources.js';

const aggregatorAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);

/** A quote with the token it prices (null = ETH), so values match tokens by address, never by symbol. */
export type TokenQuote = PriceQuote & { token: Address | null };

type Round = readonly [bigint, bigint, bigint, bigint, bigint];

function quoteOf(ctx: RewardsReadContext, f: PriceFeed, decimals: unknown, round: Round): TokenQuote | string {
  if (decimals !== f.decimals) return `${f.pair}: decimals() is ${String(decimals)}, configured ${f.decimals}`;
  const [, answer, , updatedAt] = round;
  if (answer <= 0n) return `${f.pair}: non-positive answer ${answer}`;
  if (updatedAt === 0n || updatedAt > BigInt(ctx.blockTimestamp)) return `${f.pair}: update time ${updatedAt} is not before the block`;
  const age = BigInt(ctx.blockTimestamp) - updatedAt;
  return {
    pair: f.pair, base: f.base, quote: f.quote, feed: f.feed, token: f.token,
    answer, decimals: f.decimals, updatedAt: Number(updatedAt), stale: age > BigInt(f.heartbeatSeconds),
  };
}

export async function readPrices(ctx: RewardsReadContext): Promise<TokenQuote[] | ReadError> {
  const feeds = ctx.deployments.valuation?.priceFeeds ?? [];
  if (feeds.length === 0) return [];
  const verdicts = await verifySources(ctx, feeds.map(feedCheck));
  const problems = verdicts.filter((v): v is string => v !== null);
  const usable = feeds.filter((_, i) => verdicts[i] === null);
  const calls = usable.flatMap((f): Call[] => [
    { address: f.feed, abi: aggregatorAbi, functionName: 'decimals' },
    { address: f.feed, abi: aggregatorAbi, functionName: 'latestRoundData' },
  ]);
  const results = await readCalls(ctx.client, calls, { blockNumber: ctx.blockNumber, batch: ctx.batch });
  const quotes: TokenQuote[] = [];
  usable.forEach((f, i) => {
    const [d, r] = [results[2 * i]!, results[2 * i + 1]!];
    if (d.status !== 'success' || r.status !== 'success') {
      const e = d.status === 'failure' ? d.error : r.status === 'failure' ? r.error : undefined;
      return void problems.push(`${f.pair}: ${e?.message.split('\n')[0] ?? 'read failed'}`);
    }
    const q = quoteOf(ctx, f, d.result, r.result as Round);
    if (typeof q === 'string') problems.push(q);
    else quotes.push(q);
  });
  // Some prices beat none; only when every feed failed is the whole read an error.
  return quotes.length === 0 ? { error: `no usable price feed: ${problems.join('; ')}` } : quotes;
}
