// Options: every risk rule (id, version, dimension, the loss it is about) with its thresholds
// (unit, default, bounds) as inputs. Checked here with the same parser the background uses, so
// errors show beside each field before anything is sent; the background checks again and refuses
// the whole save on any bad value (nothing half-applied). A saved change re-grades on the next refresh.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import { RULES } from '../lib/risk/rules/index.js';
import { sentence, type RiskRule } from '../lib/risk/rules/rule.js';
import { defaultThresholds, parseThresholds, type ThresholdError } from '../lib/risk/thresholds.js';

export interface RiskRulesFormProps {
  /** The stored overrides (settings.risk.thresholds). */
  overrides: Record<string, Record<string, number>>;
  send: SendRequest;
  onSaved(): void;
  rules?: readonly RiskRule[];
}

type Texts = Record<string, Record<string, string>>;

const toTexts = (overrides: RiskRulesFormProps['overrides'], rules: readonly RiskRule[]): Texts => {
  const { thresholds } = parseThresholds(overrides, rules);
  return Object.fromEntries(Object.entries(thresholds).map(([r, v]) => [r, Object.fromEntries(Object.entries(v).map(([n, x]) => [n, String(x)]))]));
};

/** Text fields -> the request value; a field that is not a plain number stays text so the parser names it. */
export function textsToInput(texts: Texts): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(texts).map(([r, v]) => [r, Object.fromEntries(Object.entries(v).map(([n, t]) => [n, /^\s*-?\d+(\.\d+)?\s*$/.test(t) ? Number(t) : t]))]));
}

export function RiskRulesForm({ overrides, send, onSaved, rules = RULES }: RiskRulesFormProps) {
  const id = useId();
  const [texts, setTexts] = useState<Texts>(() => toTexts(overrides, rules));
  const [errors, setErrors] = useState<ThresholdError[]>([]);
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => setTexts(toTexts(overrides, rules)), [overrides, rules]);

  const submit = async (thresholds: unknown, done: string) => {
    const response = await send({ type: 'saveRiskThresholds', thresholds });
    if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
    setErrors([]);
    setStatus({ kind: 'info', text: done });
    onSaved();
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = textsToInput(texts);
    const found = parseThresholds(input, rules).errors;
    setErrors(found);
    if (found.length) return setStatus({ kind: 'error', text: `Not saved: ${found.length} value${found.length > 1 ? 's' : ''} to fix` });
    await submit(input, 'Thresholds saved; grades update on the next refresh');
  };
  const reset = async () => {
    setTexts(toTexts({}, rules));
    await submit({}, 'Defaults restored; grades update on the next refresh');
  };
  const errorFor = (rule: string, name: string) => errors.filter((x) => x.path === `${rule}.${name}` || x.path === rule).map((x) => x.message);
  const defaults = defaultThresholds(rules);

  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`} data-testid="risk-rules">
      <h2 id={`${id}-title`}>Risk rules</h2>
      <p className="muted">Each rule grades one way your stake can be lost. Adjust when a grade becomes medium or high; the defaults are shown beside each value.</p>
      {rules.map((rule) => (
        <fieldset key={rule.id} data-testid={`risk-rule-${rule.id}`} data-rule={rule.id}>
          <legend>
            <span className="mono">{rule.id}</span> <span className="muted small">v{rule.version} · {rule.dimension}</span>
          </legend>
          <p className="small">{sentence(rule.concern)}</p>
          {Object.keys(rule.thresholds).length === 0 && <p className="muted small">No adjustable threshold.</p>}
          {Object.entries(rule.thresholds).map(([name, spec]) => {
            const field = `${id}-${rule.id}-${name}`;
            const errs = errorFor(rule.id, name);
            return (
              <div key={name} className="threshold">
                <label htmlFor={field}>
                  {spec.description} ({spec.unit})
                </label>
                <div className="row">
                  <input
                    id={field}
                    data-testid={`threshold-${rule.id}.${name}`}
                    type="number"
                    inputMode={spec.integer ? 'numeric' : 'decimal'}
                    min={spec.min}
                    max={spec.max}
                    step={spec.integer ? 1 : 'any'}
                    value={texts[rule.id]?.[name] ?? ''}
                    onChange={(e) => setTexts({ ...texts, [rule.id]: { ...texts[rule.id], [name]: e.target.value } })}
                    aria-invalid={errs.length > 0}
                    aria-describedby={`${field}-hint${errs.length ? ` ${field}-error` : ''}`}
                  />
                </div>
                <div id={`${field}-hint`} className="muted small">
                  <span className="mono">{name}</span> · default {defaults[rule.id]?.[name]} {spec.unit} · {spec.min}–{spec.max}
                  {spec.integer ? ', whole numbers' : ''}
                </div>
                {errs.length > 0 && (
                  <p id={`${field}-error`} className="error small" data-testid="threshold-error">
                    {errs.join('; ')}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      <div className="row">
        <button type="submit" data-testid="save-thresholds">Save thresholds</button>
        <button type="button" className="secondary" data-testid="reset-thresholds" onClick={() => void reset()}>
          Reset to defaults
        </button>
      </div>
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'error' : 'muted'} data-testid="thresholds-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
