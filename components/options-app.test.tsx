// The options page rendered to static HTML: one labelled form per known chain with its controls,
// the state of each chain, and chains added by id.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StateView } from '../lib/extension/messages.js';
import { defaultSettings } from '../lib/extension/storage/settings.js';
import { OptionsBody } from './options-app.js';

const state = (over: Partial<StateView> = {}): StateView => ({
  settings: defaultSettings(),
  rewards: { chains: {} },
  history: {},
  portfolio: { chains: { '42161': { snapshot: null, status: { state: 'never', lastAttemptAt: 1, lastSuccessAt: null, error: { name: 'RpcUnavailableError', message: 'timeout' } } } } },
  refreshBounds: { min: 30, max: 86_400 },
  alerts: { settings: { minSeverity: 'warning', perAddress: {} }, mutedOperators: [] },
  ...over,
});
const render = (s: StateView, added: number[] = []) =>
  renderToStaticMarkup(<OptionsBody state={s} added={added} onAdd={() => undefined} send={async () => ({ ok: true }) as never} grantedPatterns={[]} requestOrigins={async () => true} reload={() => undefined} />);

describe('OptionsBody', () => {
  it('has one form per known chain, in order, each labelled by its heading, with the chain enabled state', () => {
    const html = render(state());
    const forms = [...html.matchAll(/<form[^>]*aria-labelledby="([^"]+)"[^>]*data-testid="chain-settings-(\d+)"/g)];
    expect(forms.map((m) => m[2])).toEqual(['1', '560048', '11155111', '17000', '42161']);
    for (const [, labelledBy] of forms) expect(html).toContain(`<h2 id="${labelledBy}">`);
    expect(html).toMatch(/data-testid="chain-settings-1"[\s\S]*?type="checkbox" data-testid="chain-enabled" checked=""/);
    expect(html).toMatch(/data-testid="chain-settings-560048"[\s\S]*?type="checkbox" data-testid="chain-enabled"\/>/);
    expect(html).toContain('Arbitrum One <span class="muted small">chain 42161</span>');
    expect(html).toContain('Empty = built-in: https://arbitrum-one-rpc.publicnode.com, https://arb1.arbitrum.io/rpc.');
    expect(html).toMatch(/data-testid="chain-last-refresh">Last refresh failed: timeout/);
  });

  it('every control has a label and the status line is a live region the fields point to', () => {
    const html = render(state());
    const ids = [...html.matchAll(/<(?:input|textarea)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toMatch(/aria-describedby="[^"]*-status"[\s\S]*?role="status" aria-live="polite"[^>]*data-testid="chain-status"/);
  });

  it('lists a chain added by id (not yet saved) and a stored custom chain', () => {
    const settings = defaultSettings();
    settings.chains['5'] = { enabled: false, rpcUrls: ['https://goerli.example'] };
    const html = render(state({ settings }), [31337]);
    expect(html).toContain('data-testid="chain-settings-5"');
    expect(html).toContain('data-testid="chain-settings-31337"');
    expect(html).toContain('No built-in RPC for this chain: enter at least one.');
  });

  it('notification settings: the minimum severity and one threshold per tracked address', () => {
    const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
    const html = render(
      state({
        settings: { ...defaultSettings(), addresses: [{ address: ALICE, label: 'cold' }] },
        alerts: { settings: { minSeverity: 'critical', perAddress: { [ALICE]: 'off' } }, mutedOperators: [] },
      }),
    );
    expect(html).toMatch(/data-testid="alert-min-severity"[\s\S]*?<option value="critical" selected="">/);
    expect(html).toMatch(new RegExp(`data-address="${ALICE}"[\\s\\S]*?<option value="off" selected="">`));
  });

  it('lists the rewards API as an opt-in data source, off by default, naming what it shares', () => {
    const html = render(state());
    const form = html.slice(html.indexOf('data-testid="rewards-api-1"'));
    expect(form).toContain('Off by default');
    expect(form).toContain('sidecar-rpc.eigenlayer.xyz');
    expect(form).toMatch(/data-testid="rewards-api-enabled"(?![^>]*checked)/);
    expect(html).toContain('No telemetry');
  });

  it('shows a turned-on rewards API as on with its URL', () => {
    const s = state();
    s.settings.chains['1'] = { ...s.settings.chains['1']!, rewardsApi: { enabled: true, baseUrl: 'https://rewards.example/mainnet' } };
    const form = render(s).slice(render(s).indexOf('data-testid="rewards-api-1"'));
    expect(form).toMatch(/data-testid="rewards-api-enabled"[^>]*checked/);
    expect(form).toContain('value="https://rewards.example/mainnet"');
  });
});
