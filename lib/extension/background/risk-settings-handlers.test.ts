// The trusted requests of the options page's risk, annotation and tx-guard sections, through the
// real handler and parseRequest: bad input is refused with every reason and nothing stored changes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseRequest } from '../messages.js';
import { decodeSettings } from '../storage/decode-settings.js';
import { defaultSettings } from '../storage/settings.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import { addSkipLowRiskOrigin, parseOrigin } from '../validation/tx-guard-origins.js';
import { createRequestHandler } from './create-request-handler.js';

function setup() {
  const refresh = vi.fn(async () => ({}));
  const handle = createRequestHandler({ refresh }, {} as never);
  return { refresh, send: async (msg: unknown): Promise<any> => handle(parseRequest(msg)) };
}

describe('risk and tx-guard settings requests', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const s = defaultSettings();
    s.risk.thresholds = { 'shared-stake': { mediumAtServices: 3 } };
    s.txGuard.skipLowRiskOrigins = ['https://app.eigenlayer.xyz', 'https://app.karak.network'];
    await saveSettings(s);
  });

  it('saveRiskThresholds stores only values that differ from the defaults and triggers a refresh', async () => {
    const { send, refresh } = setup();
    const r = await send({ type: 'saveRiskThresholds', thresholds: { 'shared-stake': { mediumAtServices: 2, highAtServices: 6 }, 'operator-tenure': { highBelowDays: 10 } } });
    expect(r).toEqual({ ok: true, thresholds: { 'shared-stake': { highAtServices: 6 }, 'operator-tenure': { highBelowDays: 10 } } });
    expect((await loadSettings()).risk.thresholds).toEqual(r.thresholds);
    expect(refresh).toHaveBeenCalledWith({ afterChange: true });
    expect(await send({ type: 'saveRiskThresholds', thresholds: {} })).toEqual({ ok: true, thresholds: {} });
    expect((await loadSettings()).risk.thresholds).toEqual({});
  });

  it('saveRiskThresholds refuses any bad value with every reason, and keeps the stored overrides', async () => {
    const { send, refresh } = setup();
    const r = await send({ type: 'saveRiskThresholds', thresholds: { 'shared-stake': { mediumAtServices: 9, highAtServices: 4 }, 'exit-delay': { minHeadroomPercent: -1 }, nope: { x: 1 } } });
    expect(r.ok).toBe(false);
    expect(r.error.name).toBe('InvalidThresholdsError');
    expect(r.error.message).toMatch(/shared-stake: mediumAtServices must not be above highAtServices/);
    expect(r.error.message).toMatch(/exit-delay\.minHeadroomPercent: must be between 0 and/);
    expect(r.error.message).toMatch(/nope: unknown rule "nope"/);
    expect((await loadSettings()).risk.thresholds).toEqual({ 'shared-stake': { mediumAtServices: 3 } });
    expect(refresh).not.toHaveBeenCalled();
    expect((await send({ type: 'saveRiskThresholds', thresholds: { 'shared-stake': { mediumAtServices: '3' } } })).error.message).toMatch(/must be a number/);
    await expect(send({ type: 'saveRiskThresholds' })).rejects.toThrow(/message\.thresholds/);
  });

  it('saveSiteAnnotations accepts hosts of the sites list only, merged into the stored choices', async () => {
    const { send } = setup();
    expect(await send({ type: 'saveSiteAnnotations', sites: { 'etherscan.io': false } })).toEqual({ ok: true });
    expect(await send({ type: 'saveSiteAnnotations', sites: { 'app.symbiotic.fi': true } })).toEqual({ ok: true });
    expect((await loadSettings()).risk.sites).toEqual({ 'etherscan.io': false, 'app.symbiotic.fi': true });
    const bad = await send({ type: 'saveSiteAnnotations', sites: { 'evil.example': false, 'cap.app': 'off' } });
    expect(bad.error.message).toBe('Site annotations not saved: evil.example: not a supported site; cap.app: must be on or off (true or false)');
    expect((await loadSettings()).risk.sites).toEqual({ 'etherscan.io': false, 'app.symbiotic.fi': true });
    expect((await send({ type: 'saveSiteAnnotations', sites: [] })).ok).toBe(false);
  });

  it('saveTxGuardSettings switches the guard and removes named origins only', async () => {
    const { send } = setup();
    const r = await send({ type: 'saveTxGuardSettings', enabled: false, removeOrigins: ['https://app.karak.network'] });
    expect(r).toEqual({ ok: true, skipLowRiskOrigins: ['https://app.eigenlayer.xyz'] });
    expect((await loadSettings()).txGuard).toEqual({ enabled: false, skipLowRiskOrigins: ['https://app.eigenlayer.xyz'] });
  });

  it('saveTxGuardSettings refuses a bad origin or a missing switch and changes nothing', async () => {
    const { send } = setup();
    const bad = await send({ type: 'saveTxGuardSettings', enabled: false, removeOrigins: ['javascript:alert(1)'] });
    expect(bad).toEqual({ ok: false, error: { name: 'InvalidSettingsError', message: 'Origin javascript:alert(1): only http(s) pages can be listed' } });
    await expect(send({ type: 'saveTxGuardSettings', removeOrigins: [] })).rejects.toThrow(/message\.enabled: expected a boolean/);
    expect((await loadSettings()).txGuard).toEqual({ enabled: true, skipLowRiskOrigins: ['https://app.eigenlayer.xyz', 'https://app.karak.network'] });
  });
});

describe('addSkipLowRiskOrigin (for the tx guard channel)', () => {
  it('normalizes to the origin, is idempotent, and what it accepts survives decodeSettings', () => {
    let s = addSkipLowRiskOrigin(defaultSettings(), 'https://App.Example.xyz/stake?x=1');
    s = addSkipLowRiskOrigin(s, 'https://app.example.xyz');
    s = addSkipLowRiskOrigin(s, 'http://localhost:5173');
    expect(s.txGuard.skipLowRiskOrigins).toEqual(['https://app.example.xyz', 'http://localhost:5173']);
    expect(decodeSettings(JSON.parse(JSON.stringify(s))).value.txGuard.skipLowRiskOrigins).toEqual(s.txGuard.skipLowRiskOrigins);
    expect(defaultSettings().txGuard.skipLowRiskOrigins).toEqual([]);
  });

  it('refuses what is not a plain http(s) origin, with the reason', () => {
    expect(() => parseOrigin('ftp://x.example')).toThrow(/only http\(s\)/);
    expect(() => parseOrigin('https://user:pw@x.example')).toThrow(/credentials/);
    expect(() => parseOrigin('https://[::1]')).toThrow(/plain host names/);
    expect(() => parseOrigin('not a url')).toThrow(/Not an origin/);
    expect(() => parseOrigin(42)).toThrow(/short text/);
  });

  it('refuses a full list instead of dropping an entry', () => {
    const s = defaultSettings();
    s.txGuard.skipLowRiskOrigins = Array.from({ length: 200 }, (_, i) => `https://s${i}.example`);
    expect(() => addSkipLowRiskOrigin(s, 'https://new.example')).toThrow(/At most 200/);
    expect(addSkipLowRiskOrigin(s, 'https://s5.example')).toBe(s);
  });
});
