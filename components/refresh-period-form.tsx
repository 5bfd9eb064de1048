// How often the background refreshes (an alarm); bounds come from the build (packed: >= 30 s).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import { parseRefreshPeriod } from '../lib/extension/validation/parse-refresh-period.js';

export interface RefreshPeriodFormProps {
  seconds: number;
  bounds: { min: number; max: number };
  send: SendRequest;
  onSaved(): void;
}

export function RefreshPeriodForm({ seconds, bounds, send, onSaved }: RefreshPeriodFormProps) {
  const id = useId();
  const [text, setText] = useState(String(seconds));
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => setText(String(seconds)), [seconds]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    let value: number;
    try {
      value = parseRefreshPeriod(text, bounds);
    } catch (err) {
      return setStatus({ kind: 'error', text: (err as Error).message });
    }
    const response = await send({ type: 'setRefreshPeriod', seconds: value });
    if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
    setStatus({ kind: 'info', text: `Refreshing every ${response.seconds} s` });
    onSaved();
  };

  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Refresh</h2>
      <label htmlFor={`${id}-period`}>
        Refresh period in seconds ({bounds.min}–{bounds.max})
      </label>
      <div className="row">
        <input id={`${id}-period`} data-testid="refresh-period" type="number" min={bounds.min} max={bounds.max} step={1} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" data-testid="save-period">Save</button>
      </div>
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'error' : 'muted'} data-testid="period-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
