// Rule threshold overrides from the options page. Strict: one bad value refuses the whole save
// (every reason listed, nothing stored), so the user never ends up with half their edit applied.
// Only values that differ from the rule's default are stored: a later default change then applies
// to everything the user did not choose.
import { defaultThresholds, parseThresholdsStrict, type Thresholds } from '../../risk/thresholds.js';

export function parseRiskThresholdOverrides(input: unknown): Thresholds {
  const parsed = parseThresholdsStrict(input);
  const defaults = defaultThresholds();
  const out: Thresholds = {};
  for (const [rule, values] of Object.entries(parsed)) {
    for (const [name, value] of Object.entries(values)) {
      if (defaults[rule]?.[name] !== value) (out[rule] ??= {})[name] = value;
    }
  }
  return out;
}
