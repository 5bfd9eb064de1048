// The options page: one section per chain (read it or not, RPCs, deployments), a form to add a
// chain by id, and the refresh period. State comes from the background (getState) and every change
// is saved through it.
import { useCallback, useEffect, useState } from 'react';
import { chainName } from '../lib/chains/registry.js';
import { knownChain, orderChainIds } from '../lib/extension/chains/known-chains.js';
import type { StateView } from '../lib/extension/messages.js';
import type { SendRequest } from '../lib/extension/send-request.js';
import { AddChainForm } from './add-chain-form.js';
import { AlertSettingsForm } from './alert-settings-form.js';
import { ChainSection } from './chain-section.js';
import { RefreshPeriodForm } from './refresh-period-form.js';
import { RewardsApiForm } from './rewards-api-form.js';
import { SUGGESTED_REWARDS_API } from '../lib/extension/rewards-api-defaults.js';
import { effectiveChainConfig } from '../lib/extension/background/effective-chain-config.js';
import { RiskRulesForm } from './risk-rules-form.js';
import { SiteAnnotationsForm } from './site-annotations-form.js';
import { TxGuardForm } from './tx-guard-form.js';

export interface OptionsAppProps {
  send: SendRequest;
  grantedPatterns: readonly string[];
  requestOrigins(origins: string[]): Promise<boolean>;
}

export function OptionsApp({ send, grantedPatterns, requestOrigins }: OptionsAppProps) {
  const [state, setState] = useState<StateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<number[]>([]);
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
      {state && <OptionsBody state={state} added={added} onAdd={(id) => setAdded([...added, id])} send={send} grantedPatterns={grantedPatterns} requestOrigins={requestOrigins} reload={() => void load()} />}
    </main>
  );
}

interface OptionsBodyProps extends OptionsAppProps {
  state: StateView;
  added: number[];
  onAdd(chainId: number): void;
  reload(): void;
}

export function OptionsBody({ state, added, onAdd, send, grantedPatterns, requestOrigins, reload }: OptionsBodyProps) {
  const ids = orderChainIds([...Object.keys(state.settings.chains), ...added]);
  return (
    <>
      <section aria-labelledby="chains-title">
        <h2 id="chains-title" className="section-title">
          Chains
        </h2>
        <p className="muted">Every enabled chain is read for every tracked address on each refresh.</p>
        {ids.map((chainId) => {
          const known = knownChain(chainId);
          return (
            <ChainSection
              key={chainId}
              chainId={chainId}
              name={known?.name ?? chainName(chainId)}
              testnet={known?.testnet ?? false}
              chain={state.settings.chains[String(chainId)]}
              defaultRpcUrls={known?.defaultRpcUrls ?? []}
              lastRefresh={state.portfolio.chains[String(chainId)]?.status}
              send={send}
              grantedPatterns={grantedPatterns}
              requestOrigins={requestOrigins}
              onSaved={reload}
            />
          );
        })}
        <AddChainForm known={ids} onAdd={onAdd} />
      </section>
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title" className="section-title">
          Data sources and privacy
        </h2>
        <p className="muted">
          No telemetry. By default Restake Companion talks only to the RPC endpoints above. Any other service is listed here and stays off until you turn it on. Web pages never learn which addresses you track.
        </p>
        {ids
          .filter((chainId) => state.settings.chains[String(chainId)]?.enabled && hasRewardsCoordinator(state, chainId))
          .map((chainId) => (
            <RewardsApiForm
              key={chainId}
              chainId={chainId}
              name={knownChain(chainId)?.name ?? chainName(chainId)}
              current={state.settings.chains[String(chainId)]?.rewardsApi}
              suggestion={SUGGESTED_REWARDS_API[chainId]}
              send={send}
              grantedPatterns={grantedPatterns}
              requestOrigins={requestOrigins}
              onSaved={reload}
            />
          ))}
      </section>
      <RefreshPeriodForm seconds={state.settings.refreshPeriodSeconds} bounds={state.refreshBounds} send={send} onSaved={reload} />
      <AlertSettingsForm settings={state.alerts.settings} addresses={state.settings.addresses} send={send} onSaved={reload} />
      <RiskRulesForm overrides={state.settings.risk.thresholds} send={send} onSaved={reload} />
      <SiteAnnotationsForm sites={state.settings.risk.sites} send={send} onSaved={reload} />
      <TxGuardForm txGuard={state.settings.txGuard} send={send} onSaved={reload} />
    </>
  );
}

/** The rewards API only makes sense where EigenLayer's RewardsCoordinator is deployed. */
function hasRewardsCoordinator(state: StateView, chainId: number): boolean {
  try {
    return Boolean(effectiveChainConfig(state.settings, chainId).deployments.eigenlayer?.rewardsCoordinator);
  } catch {
    return false;
  }
}
