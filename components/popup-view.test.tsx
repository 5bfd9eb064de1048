// Renders the popup to static HTML (no DOM needed) to check what the e2e tests and users rely on:
// test ids, raw amounts, formatted text, per-chain freshness/stale states, all three protocols.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PopupState } from '../lib/extension/popup-store.js';
import type { ChainPortfolio, RefreshStatus } from '../lib/extension/storage/portfolio.js';
import { defaultSettings } from '../lib/extension/storage/settings.js';
import { ALICE, AVS, DSS, KARAK_V1_VAULT, KARAK_VAULT, NETWORK, sampleSnapshot, SYM_VAULT, threeProtocolSnapshot } from '../lib/extension/testing/sample-snapshot.js';
import { shortAddress } from '../lib/portfolio/format.js';
import { PopupView, type PopupViewProps } from './popup-view.js';
import { emptyAlertStore } from '../lib/extension/alerts/alert-store.js';

const ok = async () => ({ ok: true }) as const;
function render(state: Partial<PopupState>): string {
  const props: PopupViewProps = {
    loaded: true,
    settings: defaultSettings(),
    portfolio: { chains: {} },
    refreshing: false,
    notice: null,
    addAddress: ok,
    removeAddress: ok,
    setLabel: ok,
    refresh: async () => undefined,
    alerts: emptyAlertStore(),
    acknowledgeAlert: ok,
    snoozeAlert: ok,
    muteOperator: ok,
    rewards: { chains: {} },
    history: {},
    risk: { chains: {} },
    ...state,
  };
  return renderToStaticMarkup(<PopupView {...props} />);
}

const tracked = { ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] };
const fresh: RefreshStatus = { state: 'fresh', lastAttemptAt: 1, lastSuccessAt: 1 };
const on1 = (entry: ChainPortfolio) => ({ chains: { '1': entry } });
/** The HTML of the element with this test id, up to the next one (good enough to scope a match). */
const part = (html: string, testId: string) => html.slice(html.indexOf(`data-testid="${testId}"`));

describe('PopupView', () => {
  it('explains what to do when no address is tracked', () => {
    const html = render({});
    expect(html).toContain('data-testid="empty-state"');
    expect(html).toContain('data-testid="address-input"');
    expect(html).not.toContain('data-testid="freshness"');
  });

  it('renders positions, exposure and withdrawals of the cached snapshot with raw amounts and symbols', () => {
    const html = render({ settings: tracked, portfolio: on1({ snapshot: sampleSnapshot(), status: fresh }) });
    expect(html).toContain(`data-testid="address-${ALICE}"`);
    expect(html).toContain('data-testid="chain-1" data-chain-id="1"');
    expect(html).toMatch(/data-testid="position"[^>]*data-symbol="stETH" data-amount="123000000000000000000"/);
    expect(html).toMatch(/data-testid="position"[^>]*data-operator=""[^>]*data-symbol="ETH" data-amount="32000000000000000000"/);
    expect(html).toContain('123 <span class="symbol">stETH</span>');
    expect(html).toMatch(new RegExp(`data-testid="exposure" data-protocol="eigenlayer" data-avs="${AVS}" data-set-id="7"[^>]*data-amount="61500000000000000000"`));
    expect(html).toContain('redistributes');
    expect(html).toContain('pending decrease of 10.00 % at block 1100');
    expect(html).toMatch(/data-testid="withdrawal"[^>]*data-amount="5000000000000000000"/);
    expect(html).toContain('completable at block 1300, in ~1 h');
    expect(html).toMatch(/data-testid="protocol-failure" data-protocol="symbiotic">Symbiotic could not be read: vault reverted/);
    expect(html).toMatch(/data-testid="freshness" data-chain-id="1" data-block="1000">Ethereum · Block 1000 · /);
    expect(html).not.toContain('stale-banner');
  });

  it('shows totals first, then EigenLayer, Symbiotic and Karak by operator or vault, with their details', () => {
    const html = render({ settings: tracked, portfolio: on1({ snapshot: threeProtocolSnapshot(), status: fresh }) });
    const chain = part(html, 'chain-1');
    // Totals per asset across protocols, before any protocol section.
    const totals = [...chain.matchAll(/data-testid="total" data-symbol="(\w+)" data-amount="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(totals).toEqual(['ETH:32000000000000000000', 'stETH:130000000000000000000', 'wstETH:11000000000000000000']);
    expect(chain.indexOf('data-testid="total"')).toBeLessThan(chain.indexOf('data-testid="position"'));
    expect(chain).toContain('EigenLayer + Karak');
    // Protocols in a fixed order.
    const order = [...chain.matchAll(/class="protocol" data-protocol="(\w+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['eigenlayer', 'symbiotic', 'karak']);
    expect(chain).not.toContain('protocol-failure');
    // Symbiotic: vault, epoch, veto window, time-based withdrawal; data-avs holds the network.
    expect(chain).toContain(`Vault <span class="mono" title="${SYM_VAULT}" aria-label="${SYM_VAULT}">${shortAddress(SYM_VAULT)}</span>`);
    expect(chain).toContain('epoch 12 of 7 d, next in ~6 d');
    expect(chain).toMatch(/data-testid="position" data-protocol="symbiotic"[^>]*data-vault="0x9fE4[^>]*data-symbol="wstETH" data-amount="10000000000000000000"/);
    expect(chain).toContain('slashable incl. pending withdrawals');
    expect(chain).toMatch(new RegExp(`data-testid="exposure" data-protocol="symbiotic" data-avs="${NETWORK}" data-set-id="0"[^>]*data-amount="4000000000000000000"`));
    expect(chain).toContain(`network ${shortAddress(NETWORK)} · subnetwork 0`);
    expect(chain).toContain('network-restake · veto slasher, 2 d veto window');
    expect(chain).toMatch(/data-testid="withdrawal" data-protocol="symbiotic"[^>]*data-completable="false"/);
    expect(chain).toContain('claimable from 2023-11-17 22:13 UTC, in ~3 d');
    // Karak: V2 vault with leverage and max slashable %, pending stake update; V1 deposit.
    expect(chain).toMatch(/data-testid="position" data-protocol="karak"[^>]*data-symbol="stETH" data-amount="7000000000000000000"/);
    expect(chain).toContain('staked to 2 DSSs');
    expect(chain).toContain(`V1 deposit (no slashing) · vault <span class="mono" title="${KARAK_V1_VAULT}"`);
    expect(chain).toMatch(new RegExp(`data-testid="exposure" data-protocol="karak" data-avs="${DSS}"[^>]*data-amount="3500000000000000000"`));
    expect(chain).toContain('up to 50.00 % per slash · stake shared by 2 DSSs');
    expect(chain).toMatch(/data-testid="exposure-pending">pending unstake from 2023-11-23/);
    expect(chain).toContain(`vault <span class="mono" title="${KARAK_VAULT}"`);
    expect(chain).toMatch(/data-testid="withdrawal" data-protocol="karak"[^>]*data-completable="true"/);
  });

  it('reads each enabled chain on its own: fresh data for one, a stale banner for the other, the failing chain keeps its values', () => {
    const settings = { ...tracked, chains: { ...tracked.chains, '42161': { enabled: true, rpcUrls: [] } } };
    const stale: RefreshStatus = { state: 'stale', lastAttemptAt: 3, lastSuccessAt: 1, error: { name: 'RpcUnavailableError', message: 'Could not reach the RPC' } };
    const portfolio = {
      chains: {
        '1': { snapshot: sampleSnapshot(), status: fresh },
        '42161': { snapshot: sampleSnapshot({ chainId: 42161, blockNumber: 777n }), status: stale },
      },
    };
    const html = render({ settings, portfolio });
    expect(html).toMatch(/data-testid="freshness" data-chain-id="1" data-block="1000">Ethereum · Block 1000/);
    expect(html).toMatch(/data-testid="freshness-42161" data-chain-id="42161" data-block="777">Arbitrum One · Block 777/);
    expect(html).toMatch(/data-testid="stale-banner" data-chain-id="42161">Arbitrum One is stale: Could not reach the RPC/);
    expect(html.match(/data-testid="stale-banner"/g)).toHaveLength(1);
    expect(html).toContain('data-testid="chain-1"');
    expect(html).toContain('data-testid="chain-42161" data-chain-id="42161" aria-label="Arbitrum One (stale)"');
    expect(part(html, 'chain-42161')).toContain('data-amount="123000000000000000000"');
  });

  it('does not show a chain that is disabled, even with data', () => {
    const portfolio = { chains: { '1': { snapshot: sampleSnapshot(), status: fresh }, '17000': { snapshot: sampleSnapshot({ chainId: 17000 }), status: fresh } } };
    const html = render({ settings: tracked, portfolio });
    expect(html).not.toContain('chain-17000');
    expect(html).not.toContain('freshness-17000');
  });

  it('shows an error state per chain when nothing could ever be read, and the address as pending', () => {
    const html = render({ settings: tracked, portfolio: on1({ snapshot: null, status: { state: 'never', lastAttemptAt: 1, lastSuccessAt: null, error: { name: 'RpcUnavailableError', message: 'down' } } }) });
    expect(html).toMatch(/data-testid="error-state" data-chain-id="1">Could not read Ethereum: down/);
    expect(html).toMatch(/data-testid="freshness" data-chain-id="1">Ethereum · not read yet/);
    expect(html).toContain('data-testid="address-pending"');
  });

  it('says so when no chain is enabled', () => {
    const settings = { ...tracked, chains: { '1': { enabled: false, rpcUrls: [] } } };
    expect(render({ settings })).toContain('data-testid="no-chains"');
  });

  it('shows "completable now" once the block is reached and labels the busy refresh button', () => {
    const html = render({ settings: tracked, portfolio: on1({ snapshot: sampleSnapshot({ blockNumber: 1300n }), status: fresh }), refreshing: true });
    expect(html).toContain('completable now');
    expect(html).toMatch(/data-testid="refresh"[^>]*disabled=""[^>]*aria-busy="true"[^>]*>Refreshing…/);
  });
});
