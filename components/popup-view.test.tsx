// Renders the popup to static HTML (no DOM needed) to check what the e2e tests and users rely on:
// test ids, raw amounts, formatted text, freshness/stale states.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PopupState } from '../lib/extension/popup-store.js';
import { defaultSettings } from '../lib/extension/storage/settings.js';
import { ALICE, AVS, sampleSnapshot } from '../lib/extension/testing/sample-snapshot.js';
import { PopupView, type PopupViewProps } from './popup-view.js';

const ok = async () => ({ ok: true }) as const;
function render(state: Partial<PopupState>): string {
  const props: PopupViewProps = {
    loaded: true,
    settings: defaultSettings(),
    portfolio: { snapshot: null, status: { state: 'never', lastAttemptAt: null, lastSuccessAt: null } },
    refreshing: false,
    notice: null,
    addAddress: ok,
    removeAddress: ok,
    setLabel: ok,
    refresh: async () => undefined,
    ...state,
  };
  return renderToStaticMarkup(<PopupView {...props} />);
}

const tracked = { ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] };
const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 };

describe('PopupApp', () => {
  it('explains what to do when no address is tracked', () => {
    const html = render({});
    expect(html).toContain('data-testid="empty-state"');
    expect(html).toContain('data-testid="address-input"');
    expect(html).not.toContain('data-testid="freshness"');
  });

  it('renders positions, exposure and withdrawals of the cached snapshot with raw amounts and symbols', () => {
    const html = render({ settings: tracked, portfolio: { snapshot: sampleSnapshot(), status: fresh } });
    expect(html).toContain(`data-testid="address-${ALICE}"`);
    expect(html).toMatch(/data-testid="position"[^>]*data-symbol="stETH" data-amount="123000000000000000000"/);
    expect(html).toMatch(/data-testid="position"[^>]*data-operator=""[^>]*data-symbol="ETH" data-amount="32000000000000000000"/);
    expect(html).toContain('123 <span class="symbol">stETH</span>');
    expect(html).toMatch(new RegExp(`data-testid="exposure" data-avs="${AVS}" data-set-id="7"[^>]*data-amount="61500000000000000000"`));
    expect(html).toContain('redistributes');
    expect(html).toContain('pending decrease of 10.00 % at block 1100');
    expect(html).toMatch(/data-testid="withdrawal"[^>]*data-amount="5000000000000000000"/);
    expect(html).toContain('completable at block 1300, in ~1 h');
    expect(html).toContain('Symbiotic could not be read: vault reverted');
    expect(html).toMatch(/data-testid="freshness"[^>]*>Block 1000 · /);
    expect(html).not.toContain('stale-banner');
  });

  it('keeps showing the values under a stale banner with the reason when the last refresh failed', () => {
    const html = render({ settings: tracked, portfolio: { snapshot: sampleSnapshot(), status: { ...fresh, state: 'stale', error: { name: 'RpcUnavailableError', message: 'Could not reach the RPC' } } } });
    expect(html).toContain('data-testid="stale-banner"');
    expect(html).toContain('stale: Could not reach the RPC');
    expect(html).toContain('data-amount="123000000000000000000"');
  });

  it('shows an error state when nothing could ever be read', () => {
    const html = render({ settings: tracked, portfolio: { snapshot: null, status: { state: 'never', lastAttemptAt: 1, lastSuccessAt: null, error: { name: 'RpcUnavailableError', message: 'down' } } } });
    expect(html).toContain('data-testid="error-state"');
    expect(html).toContain('data-testid="address-pending"');
  });

  it('shows "completable now" once the block is reached and labels the busy refresh button', () => {
    const snapshot = sampleSnapshot({ blockNumber: 1300n });
    const html = render({ settings: tracked, portfolio: { snapshot, status: fresh }, refreshing: true });
    expect(html).toContain('completable now');
    expect(html).toMatch(/data-testid="refresh"[^>]*disabled=""[^>]*aria-busy="true"[^>]*>Refreshing…/);
  });
});
