// Base staking yield of the LSTs/LRTs held: the configured exchange rate at the snapshot block and at
// earlier sample blocks, and the simple annualized yield from the oldest usable sample. A sample that
// cannot be read (source not yet deployed, no archive state, implausible answer) is left out, never 0.
import { getAddress, type Address } from 'viem';
import type { YieldSource } from '../../chains/valuation-config.js';
import type { Asset } from '../../portfolio/types.js';
import type { RewardsReadContext } from '../context.js';
import type { BaseYield, ReadError } from '../types.js';
import { annualizedPpm, type RateSample } from './annualize.js';
import { plausibleRate, rateCall } from './rate-call.js';
import { readAtBlocks } from './read-at-blocks.js';
import { sampleBlocks } from './sample-blocks.js';
import { rateCheck, verifySources } from './verify-sources.js';

/** BaseYield plus whether the token rebases (then one token is worth one underlying, see YieldSource). */
export type RateYield = BaseYield & { rebasing: boolean };
export type BaseYieldEntry = RateYield | (ReadError & { token: Asset });

export async function readBaseYield(ctx: RewardsReadContext, assets: readonly Asset[]): Promise<BaseYieldEntry[]> {
  const sources = new Map<Address, YieldSource>((ctx.deployments.valuation?.yieldSources ?? []).map((y) => [getAddress(y.token), y]));
  const held = new Map<Address, { asset: Asset; source: YieldSource }>();
  for (const a of assets) {
    if (a.address === null) continue;
    const source = sources.get(getAddress(a.address));
    if (source && !held.has(source.token)) held.set(source.token, { asset: a, source });
  }
  if (held.size === 0) return [];
  const entries = [...held.values()];
  // The token shown is the configured one: its symbol is trusted, the contract's may not be.
  const tokenOf = (e: (typeof entries)[number]): Asset => ({ address: e.source.token, symbol: e.source.symbol, decimals: e.asset.decimals });

  const verdicts = await verifySources(ctx, entries.map((e) => rateCheck(e.source)));
  const usable = entries.filter((_, i) => verdicts[i] === null);
  const readings = await readAtBlocks(ctx, await sampleBlocks(ctx), usable.map((e) => rateCall(e.source)));
  const head = readings.at(-1)?.blockNumber === ctx.blockNumber ? readings.at(-1) : undefined;

  return entries.map((e, i): BaseYieldEntry => {
    const token = tokenOf(e);
    if (verdicts[i] !== null) return { token, error: verdicts[i]! };
    const k = usable.indexOf(e);
    const now = head?.results[k];
    if (!now || now.status !== 'success' || !plausibleRate(now.result)) {
      const why = now?.status === 'failure' ? now.error.message.split('\n')[0] : now ? `implausible answer ${String(now.result)}` : 'block not readable';
      return { token, error: `${e.source.symbol} rate (${e.source.method} at ${e.source.source}) could not be read: ${why}` };
    }
    const samples: RateSample[] = [];
    for (const r of readings) {
      const x = r.results[k]!;
      if (x.status === 'success' && plausibleRate(x.result)) samples.push({ blockNumber: r.blockNumber, timestamp: r.timestamp, rate: x.result });
    }
    return {
      token,
      method: e.source.method,
      underlying: e.source.underlying,
      rebasing: e.source.rebasing,
      samples,
      annualizedPpm: annualizedPpm(samples),
    };
  });
}
