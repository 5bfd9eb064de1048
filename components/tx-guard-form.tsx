// Options: the in-page transaction warning's off switch, and the sites where low-risk restaking
// transactions skip the dialog (added from the dialog itself; removed here). Each change is sent at
// once; removal names the origin so an entry added meanwhile from a dApp tab is not lost.
import { useId, useState } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import type { TxGuardSettings } from '../lib/extension/storage/settings.js';

export interface TxGuardFormProps {
  txGuard: TxGuardSettings;
  send: SendRequest;
  onSaved(): void;
}

export function TxGuardForm({ txGuard, send, onSaved }: TxGuardFormProps) {
  const id = useId();
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const save = async (enabled: boolean, removeOrigins: string[], done: string) => {
    const response = await send({ type: 'saveTxGuardSettings', enabled, removeOrigins });
    if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
    setStatus({ kind: 'info', text: done });
    onSaved();
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="tx-guard">
      <h2 id={`${id}-title`}>Transaction warnings</h2>
      <p className="muted">Before your wallet asks you to sign a restaking transaction (delegate, deposit, withdraw), a warning shows what changes for your risk.</p>
      <div className="row">
        <input id={`${id}-enabled`} type="checkbox" data-testid="tx-guard-enabled" checked={txGuard.enabled} onChange={(e) => void save(e.target.checked, [], e.target.checked ? 'Transaction warnings on' : 'Transaction warnings off')} />
        <label htmlFor={`${id}-enabled`}>Warn before signing restaking transactions</label>
      </div>
      <h3 className="small">Sites where low-risk transactions skip the warning</h3>
      {txGuard.skipLowRiskOrigins.length === 0 ? (
        <p className="muted small" data-testid="skip-origins-empty">None. You can add a site from the warning itself (“don’t ask again for low risk”).</p>
      ) : (
        <ul className="rows">
          {txGuard.skipLowRiskOrigins.map((o) => (
            <li key={o} data-testid="skip-origin" data-origin={o}>
              <span className="mono">{o}</span>
              <button type="button" className="link danger" aria-label={`Remove ${o}`} onClick={() => void save(txGuard.enabled, [o], `${o} removed: its low-risk transactions show the warning again`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'error' : 'muted'} data-testid="tx-guard-status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
