// Rule thresholds: typed defaults from each rule's spec, and a parser for untrusted input (options
// page, CLI flags, stored settings) that keeps every valid value and names every invalid one.
import { InvalidThresholdsError } from '../errors/errors.js';
import { RULES } from './rules/index.js';
import type { RiskRule } from './rules/rule.js';

/** ruleId -> thresholdName -> value. */
export type Thresholds = Record<string, Record<string, number>>;
export interface ThresholdError {
  path: string;
  message: string;
}

export function defaultThresholds(rules: readonly RiskRule[] = RULES): Thresholds {
  return Object.fromEntries(rules.map((r) => [r.id, Object.fromEntries(Object.entries(r.thresholds).map(([k, s]) => [k, s.default]))]));
}

/**
 * Untrusted `{ ruleId: { name: number } }` merged onto the defaults. Unknown rules/names, non-numbers,
 * out-of-range or non-integer values are reported and fall back to the default; everything valid is
 * kept. A rule whose values fail its cross-field check keeps its defaults for those fields.
 */
export function parseThresholds(input: unknown, rules: readonly RiskRule[] = RULES): { thresholds: Thresholds; errors: ThresholdError[] } {
  const thresholds = defaultThresholds(rules);
  const errors: ThresholdError[] = [];
  if (input === undefined || input === null) return { thresholds, errors };
  if (typeof input !== 'object' || Array.isArray(input)) return { thresholds, errors: [{ path: '', message: 'thresholds must be an object of { ruleId: { name: number } }' }] };
  for (const [ruleId, values] of Object.entries(input as Record<string, unknown>)) {
    const rule = rules.find((r) => r.id === ruleId);
    if (!rule) {
      errors.push({ path: ruleId, message: `unknown rule "${ruleId.slice(0, 60)}"` });
      continue;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      errors.push({ path: ruleId, message: 'must be an object of { name: number }' });
      continue;
    }
    const accepted: Record<string, number> = {};
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      const spec = (rule.thresholds as Record<string, RiskRule['thresholds'][string]>)[name];
      const path = `${ruleId}.${name}`;
      if (!spec) errors.push({ path, message: `unknown threshold; ${ruleId} has ${Object.keys(rule.thresholds).join(', ') || 'none'}` });
      else if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ path, message: `must be a number (${spec.unit})` });
      else if (value < spec.min || value > spec.max) errors.push({ path, message: `must be between ${spec.min} and ${spec.max} ${spec.unit}` });
      else if (spec.integer && !Number.isInteger(value)) errors.push({ path, message: 'must be a whole number' });
      else accepted[name] = value;
    }
    const merged = { ...thresholds[ruleId]!, ...accepted };
    const cross = rule.checkThresholds?.(merged) ?? [];
    if (cross.length > 0) {
      for (const message of cross) errors.push({ path: ruleId, message: `${message}; defaults kept for ${Object.keys(accepted).join(', ')}` });
    } else {
      thresholds[ruleId] = merged;
    }
  }
  return { thresholds, errors };
}

/** For callers that must refuse bad input outright (CLI flags): throws with every error listed. */
export function parseThresholdsStrict(input: unknown, rules: readonly RiskRule[] = RULES): Thresholds {
  const { thresholds, errors } = parseThresholds(input, rules);
  if (errors.length > 0) throw new InvalidThresholdsError(`Invalid risk thresholds: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`, { errors });
  return thresholds;
}
