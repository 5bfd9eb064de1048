// A fact is a value read from chain together with the evidence behind it, or "unknown" with the
// reason it could not be read. Never a default: a failed read must not look like a safe value.
import type { Address, Hex } from 'viem';

export interface Evidence {
  /** tx: a transaction did it; log: an event says it; parameter: a view function returns it. */
  kind: 'tx' | 'log' | 'parameter';
  contract: Address;
  /** View function (parameter) or event (log/tx) the value comes from, e.g. "getSlasher((avs,0))". */
  function?: string;
  event?: string;
  block: bigint;
  txHash?: Hex;
  /** Human-readable value as read (bigints as decimal strings). */
  value: string;
}

export type Fact<T> =
  | { status: 'known'; value: T; evidence: Evidence[] }
  | { status: 'unknown'; reason: string; evidence: Evidence[] };

export const known = <T>(value: T, evidence: Evidence[] = []): Fact<T> => ({ status: 'known', value, evidence });
export const unknown = <T = never>(reason: string, evidence: Evidence[] = []): Fact<T> => ({ status: 'unknown', reason, evidence });

/** Combines facts: known only if every input is known (the first unknown reason wins). */
export function allKnown<T extends readonly Fact<unknown>[]>(...facts: T): { ok: true; values: { [K in keyof T]: T[K] extends Fact<infer V> ? V : never } } | { ok: false; reason: string } {
  const bad = facts.find((f) => f.status === 'unknown') as { reason: string } | undefined;
  if (bad) return { ok: false, reason: bad.reason };
  return { ok: true, values: facts.map((f) => (f as { value: unknown }).value) as never };
}

export const evidenceOf = (...facts: (Fact<unknown> | undefined)[]): Evidence[] => facts.flatMap((f) => f?.evidence ?? []);
