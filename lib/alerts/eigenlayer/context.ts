// What every EigenLayer event handler gets: the scan context, memoized historical reads, and the
// decoded log with the fields every alert carries.
import type { Address, Log } from 'viem';
import type { DetectContext, DetectedAlert } from '../detector.js';
import { alertIdOf, eventIdOf } from '../types.js';
import type { HistoricalReads } from './historical-reads.js';

export interface DecodedLog {
  name: string;
  args: Record<string, unknown>;
  log: Log;
  blockNumber: bigint;
}

export interface HandlerEnv {
  ctx: DetectContext;
  reads: HistoricalReads;
  /** Loss events per `${block}:${key}` in this chunk: a measured difference is exact only when alone. */
  lossCount(key: string): number;
}

export type Handler = (env: HandlerEnv, ev: DecodedLog) => Promise<DetectedAlert[]>;

export async function alertBase(env: HandlerEnv, ev: DecodedLog, address: Address) {
  const eventId = eventIdOf(env.ctx.chainId, ev.log.transactionHash!, ev.log.logIndex!);
  return {
    id: alertIdOf(eventId, address),
    eventId,
    chainId: env.ctx.chainId,
    protocol: 'eigenlayer' as const,
    address,
    blockNumber: ev.blockNumber,
    blockHash: ev.log.blockHash!,
    txHash: ev.log.transactionHash!,
    logIndex: ev.log.logIndex!,
    timestamp: await env.ctx.blockTimestamp(ev.blockNumber),
  };
}

/** Runs `f` for every tracked address concurrently (reads of one round share a batch). */
export async function perAddress(env: HandlerEnv, f: (a: Address) => Promise<DetectedAlert | null>): Promise<DetectedAlert[]> {
  return (await Promise.all(env.ctx.addresses.map(f))).filter((x): x is DetectedAlert => x !== null);
}
