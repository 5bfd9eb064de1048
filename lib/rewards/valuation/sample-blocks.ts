// The sample blocks of one rewards read, shared by the base-yield and Karak readers (one header
// request per context). The average block time is measured between the snapshot block and a block
// up to ~30 days (at 12 s) earlier; headers need no archive state.
import { isTransportError } from '../../chains/read-calls.js';
import type { RewardsReadContext } from '../context.js';
import { planSampleBlocks, type BlockTime } from './plan-sample-blocks.js';

const MEASURE_SPAN = 216_000n;
const plans = new WeakMap<RewardsReadContext, Promise<bigint[]>>();

export async function measureBlockTime(ctx: RewardsReadContext): Promise<BlockTime | null> {
  const span = ctx.blockNumber - 1n < MEASURE_SPAN ? ctx.blockNumber - 1n : MEASURE_SPAN;
  if (span <= 0n) return null;
  try {
    const ref = await ctx.client.getBlock({ blockNumber: ctx.blockNumber - span });
    const seconds = BigInt(ctx.blockTimestamp) - ref.timestamp;
    return seconds > 0n ? { seconds, blocks: span } : null;
  } catch (error) {
    if (isTransportError(error)) throw error;
    return null;
  }
}

/** Earlier blocks to sample (oldest first, snapshot block excluded), computed once per context. */
export function sampleBlocks(ctx: RewardsReadContext): Promise<bigint[]> {
  let p = plans.get(ctx);
  if (!p) {
    p = measureBlockTime(ctx).then((bt) => planSampleBlocks(ctx.blockNumber, bt));
    p.catch(() => plans.delete(ctx));
    plans.set(ctx, p);
  }
  return p;
}
