// The options page: network (RPCs, deployments) and refresh period. State comes from the
// background (getState) and every change is saved through it.
import { useCallback, useEffect, useState } from 'react';
import type { StateView } from '../lib/extension/messages.js';
import type { SendRequest } from '../lib/extension/send-request.js';
import { ChainSettingsForm } from './chain-settings-form.js';
import { RefreshPeriodForm } from './refresh-period-form.js';

export interface OptionsAppProps {
  send: SendRequest;
  grantedPatterns: readonly string[];
  requestOrigins(origins: string[]): Promise<boolean>;
}

export function OptionsApp({ send, grantedPatterns, requestOrigins }: OptionsAppProps) {
  const [state, setState] = useState<StateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const response = await send({ type: 'getState' });
    if (response.ok) setState(response);
    else setError(response.error.message);
  }, [send]);
  useEffect(() => void load(), [load]);

  return (
    <main className="options">
      <h1>Restake Companion settings</h1>
      {error && (
        <p role="alert" className="banner error">
          Could not load the settings: {error}
        </p>
      )}
      {!state && !error && <p className="muted">Loading…</p>}
      {state && (
        <>
          <ChainSettingsForm settings={state.settings} send={send} grantedPatterns={grantedPatterns} requestOrigins={requestOrigins} onSaved={() => void load()} />
          <RefreshPeriodForm seconds={state.settings.refreshPeriodSeconds} bounds={state.refreshBounds} send={send} onSaved={() => void load()} />
        </>
      )}
    </main>
  );
}
