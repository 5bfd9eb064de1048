// Builds EntityFacts for rule table tests: only the signals a row sets; details are not read by rules.
import type { Address } from 'viem';
import type { EntityFacts } from '../facts/entity-facts.js';
import { known, unknown, type Evidence, type Fact } from '../facts/fact.js';
import type { Signals } from '../facts/signals.js';
import { runRule } from '../verdict.js';
import type { RiskRule } from '../rules/rule.js';
import { defaultThresholds } from '../thresholds.js';

export const A = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}` as Address;
export const ev = (value: string): Evidence => ({ kind: 'parameter', contract: A(0xc0de), function: 'f()', block: 100n, value });
export const k = <T>(value: T): Fact<T> => known(value, [ev(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))]);
export const u = <T>(reason = 'eth_call reverted'): Fact<T> => unknown(reason);

/** A fact whose value throws when read: stands for malformed data reaching a rule. */
export const throwing = <T>(): Fact<T> => ({ status: 'known', evidence: [], get value(): T { throw new Error('corrupt fact'); } }) as Fact<T>;

export function factsWith(signals: Signals): EntityFacts {
  return { kind: 'eigenlayer-operator', address: A(1), chainId: 31337, block: 100n, blockTimestamp: 1_700_000_000, signals, details: {} as never };
}

export interface Row {
  name: string;
  signals: Signals;
  thresholds?: Record<string, number>;
  grade: 'low' | 'medium' | 'high' | 'unknown' | null;
  fragment?: string | RegExp;
}

/** Runs a row through the same wrapper the verdict uses (so a throwing rule shows as unknown). */
export function runRow(rule: RiskRule, row: Row) {
  return runRule(rule, factsWith(row.signals), { ...defaultThresholds([rule])[rule.id], ...row.thresholds });
}
