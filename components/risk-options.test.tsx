// The options page's risk sections rendered to static HTML: every rule with its thresholds (unit,
// default, bounds, stored value), the per-site annotation switches from the registry's sites list,
// and the tx guard's switch with its skip list. Controls are labelled; status lines are live regions.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StateView } from '../lib/extension/messages.js';
import { defaultSettings, type Settings } from '../lib/extension/storage/settings.js';
import { ANNOTATION_SITES } from '../lib/extension/validation/annotation-sites.js';
import { RULES } from '../lib/risk/rules/index.js';
import { parseThresholds } from '../lib/risk/thresholds.js';
import { OptionsBody } from './options-app.js';
import { textsToInput } from './risk-rules-form.js';

function render(settings: Settings): string {
  const state: StateView = {
    settings,
    rewards: { chains: {} },
    history: {},
    portfolio: { chains: {} },
    refreshBounds: { min: 30, max: 86_400 },
    alerts: { settings: { minSeverity: 'warning', perAddress: {} }, mutedOperators: [] },
  };
  return renderToStaticMarkup(<OptionsBody state={state} added={[]} onAdd={() => undefined} send={async () => ({ ok: true }) as never} grantedPatterns={[]} requestOrigins={async () => true} reload={() => undefined} />);
}
const section = (html: string, testId: string) => {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</form>', start) > 0 ? html.indexOf('</form>', start) : undefined);
};

describe('options: risk rules', () => {
  it('lists every rule with id, version, dimension, its sentence and each threshold with unit, default and bounds', () => {
    const html = section(render(defaultSettings()), 'risk-rules');
    expect([...html.matchAll(/data-testid="risk-rule-([a-z-]+)"/g)].map((m) => m[1])).toEqual(RULES.map((r) => r.id));
    expect(html).toContain('<span class="mono">shared-stake</span> <span class="muted small">v1 · leverage</span>');
    expect(html).toContain('Funds can be lost if any one of the services sharing the same stake slashes it');
    expect(html).toMatch(/data-testid="threshold-shared-stake\.mediumAtServices" type="number" inputMode="numeric" min="1" max="1000" step="1"[^>]*value="2"/);
    expect(html).toContain('<span class="mono">mediumAtServices</span> · default 2 services · 1–1000, whole numbers');
    // A rule without thresholds says so instead of showing an empty box.
    expect(section(html, 'risk-rule-slashing-redistribution')).toContain('No adjustable threshold.');
  });

  it('shows the stored overrides as the current values, defaults beside them', () => {
    const s = defaultSettings();
    s.risk.thresholds = { 'shared-stake': { mediumAtServices: 3 } };
    const html = section(render(s), 'risk-rule-shared-stake');
    expect(html).toMatch(/data-testid="threshold-shared-stake\.mediumAtServices"[^>]*value="3"/);
    expect(html).toContain('default 2 services');
  });

  it('every threshold input is labelled and described; save and reset are there; the status is a live region', () => {
    const html = section(render(defaultSettings()), 'risk-rules');
    const ids = [...html.matchAll(/<input id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBe(RULES.reduce((n, r) => n + Object.keys(r.thresholds).length, 0));
    for (const id of ids) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toContain(`aria-describedby="${id}-hint"`);
    }
    expect(html).toContain('data-testid="save-thresholds"');
    expect(html).toContain('data-testid="reset-thresholds"');
    expect(html).toMatch(/role="status" aria-live="polite"[^>]*data-testid="thresholds-status"/);
  });

  it('text that is not a number reaches the parser as text, so it is named, not coerced to 0', () => {
    const input = textsToInput({ 'shared-stake': { mediumAtServices: '', highAtServices: ' 5 ' }, 'exit-delay': { minHeadroomPercent: '1e3' } });
    expect(input).toEqual({ 'shared-stake': { mediumAtServices: '', highAtServices: 5 }, 'exit-delay': { minHeadroomPercent: '1e3' } });
    expect(parseThresholds(input).errors.map((e) => e.path)).toEqual(['shared-stake.mediumAtServices', 'exit-delay.minHeadroomPercent']);
  });
});

describe('options: annotations and transaction warnings', () => {
  it('one switch per supported site, named and on unless turned off', () => {
    const s = defaultSettings();
    s.risk.sites = { 'etherscan.io': false };
    const html = section(render(s), 'site-annotations');
    const hosts = [...html.matchAll(/data-testid="site-annotation" data-host="([^"]+)"( checked="")?/g)];
    expect(hosts.map((m) => m[1])).toEqual(ANNOTATION_SITES.map((x) => x.host));
    expect(hosts.length).toBeGreaterThanOrEqual(10);
    expect(hosts.find((m) => m[1] === 'etherscan.io')![2]).toBeUndefined();
    expect(hosts.find((m) => m[1] === 'app.eigenlayer.xyz')![2]).toBe(' checked=""');
    expect(html).toContain('EigenLayer app <span class="mono muted small">app.eigenlayer.xyz</span>');
  });

  it('the guard switch and the skip list with a labelled remove button per origin', () => {
    const s = defaultSettings();
    s.txGuard = { enabled: false, skipLowRiskOrigins: ['https://app.eigenlayer.xyz'] };
    const html = render(s).slice(render(s).indexOf('data-testid="tx-guard"'));
    expect(html).toMatch(/data-testid="tx-guard-enabled"\/>/);
    expect(html).toContain('data-testid="skip-origin" data-origin="https://app.eigenlayer.xyz"');
    expect(html).toContain('aria-label="Remove https://app.eigenlayer.xyz"');
    const on = render(defaultSettings());
    expect(on).toMatch(/data-testid="tx-guard-enabled" checked=""/);
    expect(on).toContain('data-testid="skip-origins-empty"');
  });
});
