// The opt-in EigenLayer rewards API of one chain. Off by default and worded so the user knows what
// turning it on shares: every tracked address on that chain goes to the named host on each refresh.
// Host permission is requested first thing in the click handler (Firefox needs the user gesture).
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import type { RewardsApiSettings } from '../lib/extension/storage/settings.js';
import { planHostPermissions } from '../lib/extension/plan-host-permissions.js';
import { parseRewardsApi } from '../lib/extension/validation/parse-rewards-api.js';

export interface RewardsApiFormProps {
  chainId: number;
  name: string;
  current: RewardsApiSettings | undefined;
  suggestion: string | undefined;
  send: SendRequest;
  grantedPatterns: readonly string[];
  requestOrigins(origins: string[]): Promise<boolean>;
  onSaved(): void;
}

export function RewardsApiForm({ chainId, name, current, suggestion, send, grantedPatterns, requestOrigins, onSaved }: RewardsApiFormProps) {
  const id = useId();
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [url, setUrl] = useState(current?.baseUrl || suggestion || '');
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => {
    setEnabled(current?.enabled ?? false);
    setUrl(current?.baseUrl || suggestion || '');
  }, [current, suggestion]);

  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return 'the rewards API';
    }
  })();

  const save = (e: FormEvent) => {
    e.preventDefault();
    let parsed: RewardsApiSettings;
    let origins: string[];
    try {
      parsed = parseRewardsApi({ enabled, baseUrl: url });
      origins = parsed.enabled ? planHostPermissions([parsed.baseUrl], grantedPatterns) : [];
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
      return;
    }
    const permission = origins.length ? requestOrigins(origins) : Promise.resolve(true);
    void permission.then(async (granted) => {
      if (!granted) return setStatus({ kind: 'error', text: `Permission to reach ${origins.join(', ')} was not granted; the rewards API stays off` });
      const response = await send({ type: 'saveRewardsApi', chainId, enabled: parsed.enabled, baseUrl: parsed.baseUrl });
      if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
      setStatus({ kind: 'info', text: parsed.enabled ? `On: claim proofs from ${host} are checked against the chain` : 'Off: no address is sent anywhere but your RPCs' });
      onSaved();
    });
  };

  const invalid = status?.kind === 'error';
  return (
    <form className="card" noValidate onSubmit={save} aria-labelledby={`${id}-title`} data-testid={`rewards-api-${chainId}`}>
      <h3 id={`${id}-title`}>EigenLayer claimable rewards on {name}</h3>
      <p className="small">
        What you have claimed is read from the chain. What you <em>can</em> claim is computed off chain by EigenLayer's rewards service, so showing it needs a rewards API (EigenLayer Sidecar format).{' '}
        <strong>Off by default.</strong> When on, every address you track on {name} is sent to <span className="mono">{host}</span> on each refresh, which lets that service link your addresses. Each proof it returns is verified against the distribution root on chain; a proof that does not verify is reported, never shown as money.
      </p>
      <div className="check">
        <input id={`${id}-on`} type="checkbox" data-testid="rewards-api-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <label htmlFor={`${id}-on`}>Ask the rewards API for my claimable EigenLayer rewards</label>
      </div>
      <label htmlFor={`${id}-url`}>Rewards API base URL</label>
      <input id={`${id}-url`} data-testid="rewards-api-url" className="mono" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} placeholder={suggestion ?? 'https://…'} aria-invalid={invalid} aria-describedby={`${id}-status`} />
      {suggestion && <p className="muted small">Suggested: {suggestion} (hosted by Eigen Labs).</p>}
      <div className="row buttons">
        <button type="submit" data-testid="save-rewards-api">
          Save
        </button>
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" className={invalid ? 'error' : 'muted'} data-testid="rewards-api-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
