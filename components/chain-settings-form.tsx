// RPC endpoints and the deployments override for one chain. Everything is validated here for an
// instant reason and again by the background, which saves it. Host permissions for new RPC hosts
// are requested first thing in the click handler: Firefox only allows the prompt from a user
// gesture, before any await.
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { parseDeployments } from '../lib/chains/deployments.js';
import type { SendRequest } from '../lib/extension/send-request.js';
import type { Settings } from '../lib/extension/storage/settings.js';
import { planHostPermissions } from '../lib/extension/plan-host-permissions.js';
import { parseRpcUrls } from '../lib/extension/validation/parse-rpc-urls.js';

export interface ChainSettingsFormProps {
  settings: Settings;
  send: SendRequest;
  grantedPatterns: readonly string[];
  requestOrigins(origins: string[]): Promise<boolean>;
  onSaved(): void;
}

type Status = { kind: 'info' | 'error'; text: string } | null;

function parseOverride(text: string): unknown {
  if (text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`Deployments override is not valid JSON: ${(e as Error).message}`);
  }
  try {
    parseDeployments(json);
  } catch (e) {
    throw new Error(`Deployments override: ${(e as Error).message}`);
  }
  return json;
}

export function ChainSettingsForm({ settings, send, grantedPatterns, requestOrigins, onSaved }: ChainSettingsFormProps) {
  const id = useId();
  const [chainId, setChainId] = useState(String(settings.activeChainId));
  const chain = settings.chains[chainId];
  const [rpcText, setRpcText] = useState('');
  const [overrideText, setOverrideText] = useState('');
  const [status, setStatus] = useState<Status>(null);

  // Load the stored values whenever another chain is picked (or after a save).
  useEffect(() => {
    setRpcText((chain?.rpcUrls ?? []).join('\n'));
    setOverrideText(chain?.deploymentsOverride == null ? '' : JSON.stringify(chain.deploymentsOverride, null, 2));
  }, [chain]);

  const save = (e: FormEvent, resetOverride = false) => {
    e.preventDefault();
    let rpcUrls: string[];
    let deploymentsOverride: unknown;
    let origins: string[];
    const n = Number(chainId);
    try {
      if (!Number.isSafeInteger(n) || n <= 0) throw new Error('Chain id must be a positive integer');
      rpcUrls = parseRpcUrls(rpcText);
      deploymentsOverride = resetOverride ? null : parseOverride(overrideText);
      origins = planHostPermissions(rpcUrls, grantedPatterns);
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
      return;
    }
    // Synchronously inside the gesture (see header).
    const permission = origins.length ? requestOrigins(origins) : Promise.resolve(true);
    void permission.then(async (granted) => {
      if (!granted) return setStatus({ kind: 'error', text: `Permission to reach ${origins.join(', ')} was not granted; the RPC cannot be used` });
      const response = await send({ type: 'saveChainSettings', chainId: n, rpcUrls, deploymentsOverride, activate: true });
      if (!response.ok) return setStatus({ kind: 'error', text: response.error.message });
      if (resetOverride) setOverrideText('');
      setStatus({ kind: 'info', text: resetOverride ? 'Deployments reset to the defaults; saved' : 'Saved; refreshing with the new settings' });
      onSaved();
    });
  };

  const loadFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setOverrideText(await file.text());
  };

  return (
    <form className="card" noValidate onSubmit={(e) => save(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Network</h2>
      <label htmlFor={`${id}-chain`}>Chain id</label>
      <input id={`${id}-chain`} data-testid="chain-id" inputMode="numeric" value={chainId} onChange={(e) => setChainId(e.target.value.trim())} />
      <p className="muted small">Saving makes this the active chain. Active now: {settings.activeChainId}.</p>

      <label htmlFor={`${id}-rpcs`}>RPC URLs (one per line, tried in order)</label>
      <textarea id={`${id}-rpcs`} data-testid="rpc-urls" rows={4} className="mono" spellCheck={false} value={rpcText} onChange={(e) => setRpcText(e.target.value)} />
      <p className="muted small">A new https host asks for permission to reach it. Plain http only for localhost / 127.0.0.1.</p>

      <label htmlFor={`${id}-deployments`}>Deployments override (JSON; empty = built-in defaults)</label>
      <textarea id={`${id}-deployments`} data-testid="deployments-override" rows={8} className="mono small" spellCheck={false} value={overrideText} onChange={(e) => setOverrideText(e.target.value)} placeholder='{"chainId": 31337, "contracts": {"eigenlayer": {...}}}' />
      <label htmlFor={`${id}-file`}>…or choose a deployments file</label>
      <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void loadFile(e)} />

      <div className="row buttons">
        <button type="submit" data-testid="save-chain">Save network</button>
        <button type="button" className="secondary" data-testid="reset-deployments" onClick={(e) => save(e, true)}>
          Reset deployments to default
        </button>
      </div>
      <p role="status" aria-live="polite" className={status?.kind === 'error' ? 'error' : 'muted'} data-testid="chain-status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}
