// Adds a chain that is not built in, by id: it gets its own section below, to be saved with an RPC
// URL and a deployments file.
import { useId, useState, type FormEvent } from 'react';
import { parseChainId } from '../lib/extension/validation/parse-chain-settings.js';

export function AddChainForm({ known, onAdd }: { known: readonly number[]; onAdd(chainId: number): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const chainId = parseChainId(text);
      if (known.includes(chainId)) throw new Error(`Chain ${chainId} is already listed`);
      onAdd(chainId);
      setText('');
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="card" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Another chain</h2>
      <label htmlFor={`${id}-chain`}>Chain id</label>
      <div className="row">
        <input id={`${id}-chain`} data-testid="add-chain-id" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} />
        <button type="submit" data-testid="add-chain">
          Add
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
