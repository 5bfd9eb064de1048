// Tenure from the first registration log: its block, that block's timestamp, and the age at the
// pinned block. No log (or no scan) is unknown, never "new".
import { known, unknown, type Fact } from '../facts/fact.js';
import type { Tenure } from '../facts/signals.js';
import type { RiskContext } from './context.js';
import { logEvidence, type LogScan } from './scan-logs.js';

export async function tenureFromLog(ctx: RiskContext, scan: LogScan, what: string, now: number): Promise<Fact<Tenure>> {
  if (!scan.ok) return unknown(scan.reason);
  const first = scan.logs[0];
  if (!first) return unknown(`no ${what} log found since block ${ctx.logsFromBlock ?? 0n}`);
  try {
    const registeredAt = Number((await ctx.client.getBlock({ blockNumber: first.blockNumber })).timestamp);
    return known({ registeredAtBlock: first.blockNumber, registeredAt, ageSeconds: Math.max(0, now - registeredAt) }, [logEvidence(first, `registered at block ${first.blockNumber}`)]);
  } catch (e) {
    return unknown(`timestamp of block ${first.blockNumber} could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
}
