// The popup's markup as a function of the store's state (pure: rendered in tests without a DOM).
import type { PopupState } from '../lib/extension/popup-store.js';
import { AddressForm } from './address-form.js';
import { AddressSection } from './address-section.js';
import { FreshnessLine, StaleBanner } from './freshness-line.js';

export type PopupViewProps = Pick<PopupState, 'loaded' | 'settings' | 'portfolio' | 'refreshing' | 'notice' | 'addAddress' | 'removeAddress' | 'setLabel' | 'refresh'> & {
  openOptions?: () => void;
};

export function PopupView({ loaded, settings, portfolio, refreshing, notice, addAddress, removeAddress, setLabel, refresh, openOptions }: PopupViewProps) {
  const snapshot = portfolio.snapshot;
  const byAddress = new Map(snapshot?.addresses.map((a) => [a.address, a]) ?? []);
  const hasAddresses = settings.addresses.length > 0;

  return (
    <main className="popup">
      <header className="top">
        <h1>Restake Companion</h1>
        <button type="button" data-testid="refresh" onClick={() => void refresh()} disabled={refreshing || !hasAddresses} aria-busy={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {loaded && hasAddresses && <FreshnessLine snapshot={snapshot} activeChainId={settings.activeChainId} />}
      <p role="status" aria-live="polite" className={`notice ${notice?.kind ?? ''}`} data-testid="notice">
        {notice?.text ?? ''}
      </p>
      {loaded && hasAddresses && <StaleBanner status={portfolio.status} hasSnapshot={snapshot !== null} />}
      <AddressForm onAdd={addAddress} />
      {loaded && !hasAddresses && (
        <div className="empty card" data-testid="empty-state">
          <h2>No addresses yet</h2>
          <p>Paste an address you restake from above. Restake Companion only reads public chain data: it never asks for keys or signatures.</p>
        </div>
      )}
      {settings.addresses.map((tracked) => (
        <AddressSection key={tracked.address} tracked={tracked} data={byAddress.get(tracked.address)} currentBlock={snapshot?.blockNumber ?? null} currentTime={snapshot?.blockTimestamp ?? 0} onRemove={removeAddress} onRename={setLabel} />
      ))}
      {openOptions && (
        <footer>
          <button type="button" className="link" onClick={openOptions}>
            Settings: RPC endpoints, refresh period, deployments
          </button>
        </footer>
      )}
    </main>
  );
}
