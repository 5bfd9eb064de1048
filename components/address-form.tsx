// Add an address to watch. Invalid input is refused with the reason (from the same validator the
// background uses); the input keeps its text so the user can fix a typo.
import { useId, useState, type FormEvent } from 'react';
import type { ActionResult } from '../lib/extension/popup-store.js';
import { MAX_LABEL_LENGTH } from '../lib/extension/validation/parse-label.js';

export function AddressForm({ onAdd }: { onAdd(address: string, label: string): Promise<ActionResult> }) {
  const id = useId();
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await onAdd(address, label);
    setBusy(false);
    if (result.ok) {
      setAddress('');
      setLabel('');
      setError(null);
    } else setError(result.message);
  };

  return (
    <form className="address-form card" noValidate onSubmit={(e) => void submit(e)} aria-label="Track an address">
      <label htmlFor={`${id}-address`}>Address to watch</label>
      <input
        id={`${id}-address`}
        data-testid="address-input"
        className="mono"
        placeholder="0x…"
        spellCheck={false}
        autoComplete="off"
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        required
      />
      <label htmlFor={`${id}-label`}>Label (optional)</label>
      <div className="row">
        <input id={`${id}-label`} data-testid="label-input" maxLength={MAX_LABEL_LENGTH * 2} placeholder="e.g. cold wallet" value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" data-testid="address-submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error" data-testid="address-error">
          {error}
        </p>
      )}
    </form>
  );
}
