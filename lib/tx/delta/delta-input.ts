// What every per-protocol delta function receives: a read context pinned at the block of the
// sender's snapshot (so "before" and "after" are read at the same block) and that snapshot.
import type { Address } from 'viem';
import type { AddressSnapshot, Exposure } from '../../portfolio/types.js';
import type { ReadContext } from '../../protocols/adapter.js';
import type { EntityRef } from '../../risk/entity.js';
import { fromExposure, type Completion, type DelayTerms, type DeltaExposure, type MovingAmount, type PooledExposure } from './types.js';
import { vetoOf } from './veto-of.js';

export interface DeltaInput<C> {
  ctx: ReadContext;
  call: C;
  /** The account whose stake changes; null when the request names no sender. */
  sender: Address | null;
  /** The sender's reading of the call's protocol at ctx.blockNumber (empty when sender is null). */
  reading: AddressSnapshot;
}

/** The part of a per-protocol delta that compute-tx-delta completes (chain, block, grade). */
export interface PartialDelta {
  target: { kind: 'operator' | 'vault' | 'strategy' | 'lrt' | 'contract'; address: Address };
  moving: MovingAmount[];
  before: DeltaExposure[];
  after: DeltaExposure[];
  exitDelay: DelayTerms | null;
  notes: string[];
  /** The entity whose risk grade the dialog shows (null: none applies). */
  gradeOf: EntityRef | null;
  completions?: Completion[];
  pooled?: PooledExposure;
}

export const toDelta = (list: readonly Exposure[]): DeltaExposure[] => list.map((e) => fromExposure(e, vetoOf(e)));

const key = (e: DeltaExposure) => `${e.protocol}:${e.service.toLowerCase()}:${e.serviceSetId}:${e.operator.toLowerCase()}:${e.asset.address?.toLowerCase() ?? 'eth'}:${e.strategy?.toLowerCase() ?? ''}`;

/** before + added, summed per (service, set, operator, asset): the same service slashing more of the same stake is one line. */
export function mergeExposures(before: readonly DeltaExposure[], added: readonly DeltaExposure[]): DeltaExposure[] {
  const out = new Map<string, DeltaExposure>();
  for (const e of [...before, ...added]) {
    const k = key(e);
    const prev = out.get(k);
    out.set(k, prev ? { ...prev, amount: prev.amount + e.amount, pending: prev.pending ?? e.pending } : { ...e });
  }
  return [...out.values()];
}

/** Exposures scaled by keep/total per asset (a partial exit leaves this share of each line in place). */
export function scaleExposures(list: readonly DeltaExposure[], ratio: (e: DeltaExposure) => { keep: bigint; total: bigint } | null): DeltaExposure[] {
  return list.flatMap((e) => {
    const r = ratio(e);
    if (!r) return [{ ...e }];
    if (r.total === 0n) return [];
    const amount = (e.amount * r.keep) / r.total;
    return amount === 0n ? [] : [{ ...e, amount }];
  });
}
