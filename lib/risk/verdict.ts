// Facts -> every rule -> a grade per dimension (the worst of its rules) and overall. A rule that
// throws becomes "unknown" for that rule alone; the others still run and count.
import type { EntityFacts } from './facts/entity-facts.js';
import type { Evidence } from './facts/fact.js';
import { RULES } from './rules/index.js';
import { DIMENSIONS, sentence, type Dimension, type Grade, type RiskRule } from './rules/rule.js';
import { defaultThresholds, type Thresholds } from './thresholds.js';

export interface RuleResult {
  ruleId: string;
  version: number;
  dimension: Dimension;
  grade: Grade;
  sentence: string;
  evidence: Evidence[];
  /** Set when the rule threw: the message, for diagnostics. */
  error?: string;
}

export interface Verdict {
  overall: Grade;
  dimensions: Partial<Record<Dimension, Grade>>;
  results: RuleResult[];
  /** Rules that do not apply to this kind of entity. */
  notApplicable: string[];
  /** True when some rule could not be checked: the overall grade may be too optimistic. */
  incomplete: boolean;
}

// unknown ranks above low (we cannot claim "low" without the fact) but below a known medium or
// high (an unread fact must not hide a known problem); `incomplete` flags it either way.
const RANK: Record<Grade, number> = { low: 0, unknown: 1, medium: 2, high: 3 };
export const worst = (grades: readonly Grade[]): Grade => grades.reduce<Grade>((w, g) => (RANK[g] > RANK[w] ? g : w), 'low');

export function runRule(rule: RiskRule, facts: EntityFacts, thresholds: Record<string, number>): RuleResult | null {
  const base = { ruleId: rule.id, version: rule.version, dimension: rule.dimension };
  try {
    const out = rule.evaluate(facts, thresholds);
    if (out === null) return null;
    return { ...base, ...out };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...base, grade: 'unknown', sentence: sentence(`${rule.concern} (not checked: the rule failed)`), evidence: [], error: message.slice(0, 300) };
  }
}

export function verdict(facts: EntityFacts, thresholds: Thresholds = defaultThresholds(), rules: readonly RiskRule[] = RULES): Verdict {
  const defaults = defaultThresholds(rules);
  const results: RuleResult[] = [];
  const notApplicable: string[] = [];
  for (const rule of rules) {
    const r = runRule(rule, facts, { ...defaults[rule.id], ...thresholds[rule.id] });
    if (r === null) notApplicable.push(rule.id);
    else results.push(r);
  }
  const dimensions: Partial<Record<Dimension, Grade>> = {};
  for (const d of DIMENSIONS) {
    const grades = results.filter((r) => r.dimension === d).map((r) => r.grade);
    if (grades.length > 0) dimensions[d] = worst(grades);
  }
  // Nothing applicable means nothing was assessed, which is not the same as low risk.
  const overall = results.length === 0 ? 'unknown' : worst(results.map((r) => r.grade));
  return { overall, dimensions, results, notApplicable, incomplete: results.some((r) => r.grade === 'unknown') };
}
