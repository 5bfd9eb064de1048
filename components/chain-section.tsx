// One chain on the options page: read it or not, its RPC endpoints and its deployments override.
// Validated here for an instant reason (parseChainForm, the same checks the background re-runs)
// and saved through the background. Host permissions for new RPC hosts are requested first thing
// in the click handler: Firefox only allows the prompt from a user gesture, before any await.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { SendRequest } from '../lib/extension/send-request.js';
import type { RefreshStatus } from '../lib/extension/storage/portfolio.js';
import type { ChainSettings } from '../lib/extension/storage/settings.js';
import { planHostPermissions } from '../lib/extension/plan-host-permissions.js';
import { parseChainForm } from '../lib/extension/validation/parse-chain-settings.js';

export interface ChainSectionProps {
  chainId: number;
  name: string;
  testnet: boolean;
  /** Stored settings; undefined for a chain just added on this page (not saved yet). */
  chain: ChainSettings | undefined;
  defaultRpcUrls: readonly string[];
  /** Last refresh of this chain (from the portfolio), if any. */
  lastRefresh: RefreshStatus | undefined;
  send: SendRequest;
  grantedPatterns: readonly string[];
  requestOrigins(origins: string[]): Promise<boolean>;
  onSaved(): void;
}

type Status = { kind: 'info' | 'error'; text: string } | null;

export function ChainSection(props: ChainSectionProps) {
  const { chainId, name, testnet, chain, defaultRpcUrls, lastRefresh, send, grantedPatterns, requestOrigins, onSaved } = props;
  const id = useId();
  const [enabled, setEnabled] = useState(chain?.enabled ?? true);
  const [rpcText, setRpcText] = useState('');
  const [overrideText, setOverrideText] = useState('');
  const [status, setStatus] = useState<Status>(null);

  // Show the stored values (again after a save).
  useEffect(() => {
    setEnabled(chain?.enabled ?? true);
    setRpcText((chain?.rpcUrls ?? []).join('\n'));
    setOverrideText(chain?.deploymentsOverride == null ? '' : JSON.stringify(chain.deploymentsOverride, null, 2));
  }, [chain]);

  const save = (e: FormEvent, reset = false) => {
    e.preventDefault();
    const form = reset ? { chainId, enabled, rpcText: '', overrideText: '' } : { chainId, enabled, rpcText, overrideText };
    let parsed: ChainSettings;
    let origins: string[];
    try {
      parsed = parseChainForm(form);
      origins = planHostPermissions(parsed.rpcUrls, grantedPatterns);
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
      return;
    }
    // Synchronously inside the gesture (see header).
    const permission = origins.length ? requestOrigins(origins) : Promise.resolve(true);
    void permission.then(async (granted) => {
      if (!granted) return setStatus({ kind: 'error', text: `Permission to reach ${origins.join(', ')} was not granted; the RPC cannot be used` });
      const response = await send({ type: 'saveChainSettings', chainId, enabled: parsed.enabled, rpcUrls: parsed.rpcUrls, deploymentsOverride: parsed.deploymentsOverride ?? null });
      if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
      setStatus({ kind: 'info', text: reset ? 'Reset to the built-in RPCs and deployments; saved' : parsed.enabled ? 'Saved; refreshing with the new settings' : 'Saved; this chain is no longer read' });
      onSaved();
    });
  };

  const loadFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setOverrideText(await file.text());
  };

  const invalid = status?.kind === 'error';
  const describedBy = `${id}-status`;
  return (
    <form className="card chain-settings" noValidate onSubmit={(e) => save(e)} aria-labelledby={`${id}-title`} data-testid={`chain-settings-${chainId}`} data-chain-id={chainId}>
      <h2 id={`${id}-title`}>
        {name} <span className="muted small">chain {chainId}{testnet ? ' · testnet' : ''}</span>
      </h2>
      <div className="check">
        <input id={`${id}-enabled`} type="checkbox" data-testid="chain-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <label htmlFor={`${id}-enabled`}>Read my addresses on {name}</label>
      </div>
      {lastRefresh && lastRefresh.state !== 'never' && !lastRefresh.error && <p className="muted small" data-testid="chain-last-refresh">Last refresh succeeded.</p>}
      {lastRefresh?.error && (
        <p className="small error" data-testid="chain-last-refresh">
          Last refresh failed: {lastRefresh.error.message}
        </p>
      )}

      <label htmlFor={`${id}-rpcs`}>RPC URLs (one per line, tried in order)</label>
      <textarea id={`${id}-rpcs`} data-testid="rpc-urls" rows={3} className="mono" spellCheck={false} value={rpcText} onChange={(e) => setRpcText(e.target.value)} placeholder={defaultRpcUrls.join('\n')} aria-describedby={`${id}-rpc-help ${describedBy}`} aria-invalid={invalid} />
      <p id={`${id}-rpc-help`} className="muted small">
        {defaultRpcUrls.length ? `Empty = built-in: ${defaultRpcUrls.join(', ')}. ` : 'No built-in RPC for this chain: enter at least one. '}A new https host asks for permission to reach it. Plain http only for localhost / 127.0.0.1.
      </p>

      <label htmlFor={`${id}-deployments`}>Deployments override (JSON; empty = built-in deployments)</label>
      <textarea id={`${id}-deployments`} data-testid="deployments-override" rows={4} className="mono small" spellCheck={false} value={overrideText} onChange={(e) => setOverrideText(e.target.value)} placeholder={`{"chainId": ${chainId}, "contracts": {"eigenlayer": {...}, "symbiotic": {...}, "karak": {...}}}`} aria-describedby={describedBy} aria-invalid={invalid} />
      <label htmlFor={`${id}-file`}>…or choose a deployments file</label>
      <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void loadFile(e)} />

      <div className="row buttons">
        <button type="submit" data-testid="save-chain">
          Save {name}
        </button>
        <button type="button" className="secondary" data-testid="reset-chain" onClick={(e) => save(e, true)}>
          Reset RPCs and deployments to built-in
        </button>
      </div>
      <p id={describedBy} role="status" aria-live="polite" className={invalid ? 'error' : 'muted'} data-testid="chain-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
