// What a gatherer needs: the adapters' ReadContext (client, deployments, pinned block, batching,
// discovery cache) plus the registry and where log scans start.
import type { ReadContext } from '../../protocols/adapter.js';
import type { Registry } from '../../registry/registry.js';

export interface RiskContext extends ReadContext {
  registry: Registry;
  /** First block of risk log scans (slash history, registrations). Default: the protocol's fromBlock, else 0. */
  logsFromBlock?: bigint;
  /** Unix seconds of `blockNumber`; read once when absent. */
  blockTimestamp?: number;
}

export async function blockTimestampOf(ctx: RiskContext): Promise<number> {
  if (ctx.blockTimestamp === undefined) ctx.blockTimestamp = Number((await ctx.client.getBlock({ blockNumber: ctx.blockNumber })).timestamp);
  return ctx.blockTimestamp;
}
