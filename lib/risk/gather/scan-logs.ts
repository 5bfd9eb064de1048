// Log scans for risk facts: one eth_getLogs per contract and range for several events, split in
// halves when the RPC refuses a range, decoded strictly. A failure is returned as a reason (the
// caller records an unknown fact), never as "no logs".
import { getAddress, parseEventLogs, type Abi, type AbiEvent, type Address, type Hex } from 'viem';
import type { Evidence } from '../facts/fact.js';
import type { RiskContext } from './context.js';

const MAX_SPLIT_DEPTH = 6;

export interface DecodedLog {
  address: Address;
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
}

export type LogScan = { ok: true; logs: DecodedLog[] } | { ok: false; reason: string };

export async function scanLogs(ctx: RiskContext, params: { address?: Address | Address[]; abi: Abi; events: string[]; args?: Record<string, unknown> }, fromBlock: bigint): Promise<LogScan> {
  const events = params.abi.filter((x): x is AbiEvent => x.type === 'event' && params.events.includes(x.name));
  const fetchRange = async (from: bigint, to: bigint, depth: number): Promise<unknown[]> => {
    if (from > to) return [];
    try {
      return await ctx.client.getLogs({ ...(params.address ? { address: params.address } : {}), ...(events.length === 1 ? { event: events[0]!, args: params.args } : { events }), fromBlock: from, toBlock: to, strict: true } as never);
    } catch (error) {
      if (depth >= MAX_SPLIT_DEPTH || from === to) throw error;
      const mid = (from + to) / 2n;
      return [...(await fetchRange(from, mid, depth + 1)), ...(await fetchRange(mid + 1n, to, depth + 1))];
    }
  };
  try {
    const raw = await fetchRange(fromBlock, ctx.blockNumber, 0);
    // Re-decode against our ABI: getLogs decoded with the same events, parseEventLogs drops foreign shapes.
    const logs = parseEventLogs({ abi: events, logs: raw as never, strict: true }) as unknown as DecodedLog[];
    logs.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
    return { ok: true, logs };
  } catch (e) {
    return { ok: false, reason: `eth_getLogs for ${params.events.join('/')} failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

export const logEvidence = (log: DecodedLog, value: string): Evidence => ({
  kind: 'log', contract: getAddress(log.address), event: log.eventName, block: log.blockNumber, txHash: log.transactionHash, value,
});
