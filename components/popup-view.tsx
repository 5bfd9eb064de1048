// The popup's markup as a function of the store's state (pure: rendered in tests without a DOM).
// Cached data only: per enabled chain a freshness line (and stale banner), then per address one
// block per chain with totals and the three protocols.
import { chainName } from '../lib/chains/registry.js';
import type { PopupState } from '../lib/extension/popup-store.js';
import { chainPortfolio } from '../lib/extension/storage/portfolio.js';
import { enabledChainIds } from '../lib/extension/storage/settings.js';
import { AddressForm } from './address-form.js';
import { AlertsInbox } from './alerts-inbox.js';
import { AddressSection } from './address-section.js';
import { ChainStatusList, type ChainView } from './freshness-line.js';
import { exportCsv } from '../lib/rewards/to-csv.js';

/** Saves the CSV through a temporary object URL (no permission needed, nothing leaves the machine). */
function downloadCsv(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `restake-companion-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type PopupViewProps = Pick<
  PopupState,
  'loaded' | 'settings' | 'portfolio' | 'alerts' | 'rewards' | 'history' | 'risk' | 'refreshing' | 'notice' | 'addAddress' | 'removeAddress' | 'setLabel' | 'refresh' | 'acknowledgeAlert' | 'snoozeAlert' | 'muteOperator'
> & {
  openOptions?: () => void;
  /** From a notification click (`popup.html#alert=<id>`). */
  focusAlertId?: string | null;
};

export function PopupView(props: PopupViewProps) {
  const { loaded, settings, portfolio, alerts, refreshing, notice, addAddress, removeAddress, setLabel, refresh, openOptions } = props;
  const chains: ChainView[] = enabledChainIds(settings).map((chainId) => ({ chainId, name: chainName(chainId), ...chainPortfolio(portfolio, chainId) }));
  const hasAddresses = settings.addresses.length > 0;
  const now = Date.now();
  const chainNow: Record<number, number> = {};
  for (const c of chains) if (c.snapshot) chainNow[c.chainId] = c.snapshot.blockTimestamp + Math.max(0, now - c.snapshot.fetchedAt) / 1000;

  return (
    <main className="popup">
      <header className="top">
        <h1>Restake Companion</h1>
        <button type="button" data-testid="refresh" onClick={() => void refresh()} disabled={refreshing || !hasAddresses} aria-busy={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {loaded && (hasAddresses || alerts.alerts.length > 0) && (
        <AlertsInbox alerts={alerts} acknowledgeAlert={props.acknowledgeAlert} snoozeAlert={props.snoozeAlert} muteOperator={props.muteOperator} focusAlertId={props.focusAlertId ?? null} now={now} chainNow={chainNow} />
      )}
      {loaded && hasAddresses && <ChainStatusList chains={chains} />}
      <p role="status" aria-live="polite" className={`notice ${notice?.kind ?? ''}`} data-testid="notice">
        {notice?.text ?? ''}
      </p>
      <AddressForm onAdd={addAddress} />
      {loaded && !hasAddresses && (
        <div className="empty card" data-testid="empty-state">
          <h2>No addresses yet</h2>
          <p>Paste an address you restake from above. Restake Companion only reads public chain data: it never asks for keys or signatures.</p>
          <p className="small muted" data-testid="onboarding-rewards-api">
            Claimable EigenLayer rewards need an optional rewards API. It is off: turning it on in Settings sends your tracked addresses to that service, and every proof it returns is checked against the chain.
          </p>
        </div>
      )}
      {settings.addresses.map((tracked) => (
        <AddressSection key={tracked.address} tracked={tracked} chains={chains} onRemove={removeAddress} onRename={setLabel} rewards={props.rewards} history={props.history} risk={props.risk} />
      ))}
      {loaded && hasAddresses && (
        <p>
          <button type="button" className="secondary" data-testid="export-csv" onClick={() => downloadCsv(exportCsv(portfolio, props.rewards, settings.addresses))}>
            Export positions and rewards (CSV)
          </button>
        </p>
      )}
      {openOptions && (
        <footer>
          <button type="button" className="link" onClick={openOptions}>
            Settings: chains, RPC endpoints, refresh period, deployments
          </button>
        </footer>
      )}
    </main>
  );
}
