// The rule contract: a small pure function over an entity's facts with an id, a version (bumped
// whenever its grading changes, so stored verdicts can be told apart), a dimension and typed,
// user-adjustable thresholds. Every sentence reads "Funds can be lost if ...".
import type { Evidence } from '../facts/fact.js';
import type { EntityFacts } from '../facts/entity-facts.js';

export type Grade = 'low' | 'medium' | 'high' | 'unknown';
export type Dimension = 'slashing' | 'exit' | 'leverage' | 'history' | 'operator' | 'governance';
export const DIMENSIONS: readonly Dimension[] = ['slashing', 'exit', 'leverage', 'history', 'operator', 'governance'];

export interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  integer: boolean;
  unit: string;
  description: string;
}

export interface RuleOutcome {
  grade: Grade;
  sentence: string;
  evidence: Evidence[];
}

export interface RiskRule<T extends Record<string, number> = Record<string, number>> {
  id: string;
  version: number;
  dimension: Dimension;
  /** The loss this rule is about, completing "Funds can be lost if ..." (used for unknown results too). */
  concern: string;
  thresholds: { [K in keyof T]: ThresholdSpec };
  /** Cross-field checks on thresholds (e.g. medium below high); returns error messages. */
  checkThresholds?: (t: T) => string[];
  /** null = the rule does not apply to this kind of entity. */
  evaluate(facts: EntityFacts, thresholds: T): RuleOutcome | null;
}

/** Identity helper that keeps the threshold type of each rule. */
export const defineRule = <T extends Record<string, number>>(rule: RiskRule<T>): RiskRule<T> => rule;

export const sentence = (text: string): string => `Funds can be lost if ${text}`;

/** The outcome for a fact that could not be read: never a guessed grade. */
export const unknownOutcome = (rule: Pick<RiskRule, 'concern'>, reason: string, evidence: Evidence[] = []): RuleOutcome => ({
  grade: 'unknown',
  sentence: sentence(`${rule.concern} (not checked: ${reason})`),
  evidence,
});
