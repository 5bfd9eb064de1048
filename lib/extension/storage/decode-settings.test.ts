import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_SECONDS, MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import { decodeSettings } from './decode-settings.js';
import { defaultSettings, enabledChainIds } from './settings.js';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const off = { enabled: false, rpcUrls: [] };

describe('defaultSettings', () => {
  it('tracks nothing and lists every registry chain, only mainnet enabled (mainnet build in tests), built-in RPCs', () => {
    expect(defaultSettings()).toEqual({
      addresses: [],
      chains: { '1': { enabled: true, rpcUrls: [] }, '560048': off, '11155111': off, '17000': off, '42161': off },
      refreshPeriodSeconds: DEFAULT_REFRESH_SECONDS,
      risk: { thresholds: {}, sites: {} },
      txGuard: { enabled: true, skipLowRiskOrigins: [] },
    });
    expect(enabledChainIds(defaultSettings())).toEqual([1]);
  });
});

describe('decodeSettings: risk and transaction guard', () => {
  it('keeps valid overrides and drops malformed ones with a reason', () => {
    const { value, problems } = decodeSettings({
      ...defaultSettings(),
      risk: { thresholds: { 'shared-stake': { highAtServices: 5, bad: 'x' }, 'BAD RULE': {} }, sites: { 'app.eigenlayer.xyz': false, '<script>': true } },
      txGuard: { enabled: false, skipLowRiskOrigins: ['https://app.symbiotic.fi', 'javascript:alert(1)'] },
    });
    expect(value.risk).toEqual({ thresholds: { 'shared-stake': { highAtServices: 5 } }, sites: { 'app.eigenlayer.xyz': false } });
    expect(value.txGuard).toEqual({ enabled: false, skipLowRiskOrigins: ['https://app.symbiotic.fi'] });
    expect(problems.some((p) => p.includes('BAD RULE'))).toBe(true);
  });

  it('defaults when the fields predate these features', () => {
    const { risk, txGuard, ...old } = defaultSettings();
    const { value } = decodeSettings(old);
    expect(value.risk).toEqual(risk);
    expect(value.txGuard).toEqual(txGuard);
  });
});

describe('decodeSettings', () => {
  it('returns defaults without complaint when nothing is stored', () => {
    expect(decodeSettings(null)).toEqual({ value: defaultSettings(), problems: [] });
  });

  it('keeps a valid stored value, adding the known chains it lacks', () => {
    const stored = { addresses: [{ address: ALICE, label: 'hot' }], chains: { '31337': { enabled: true, rpcUrls: ['http://127.0.0.1:8545'] }, '1': { enabled: false, rpcUrls: [] } }, refreshPeriodSeconds: 60 };
    const { value, problems } = decodeSettings(stored);
    expect(problems).toEqual([]);
    expect(value.addresses).toEqual(stored.addresses);
    expect(value.chains['31337']).toEqual({ enabled: true, rpcUrls: ['http://127.0.0.1:8545'] });
    expect(value.chains['1']).toEqual({ enabled: false, rpcUrls: [] });
    expect(value.chains['42161']).toEqual(off);
    expect(enabledChainIds(value)).toEqual([31337]);
  });

  it('replaces a non-object with defaults and says why', () => {
    expect(decodeSettings('garbage')).toEqual({ value: defaultSettings(), problems: ['settings: not an object, using defaults'] });
  });

  it('drops only the bad entries: addresses normalized and deduplicated, a bad known chain back to its defaults, a bad other chain dropped', () => {
    const { value, problems } = decodeSettings({
      addresses: [{ address: ALICE.toLowerCase(), label: 'a' }, { address: 'nope' }, 'bare', { address: ALICE, label: 'again' }],
      chains: { '1': { enabled: true, rpcUrls: ['ftp://x'] }, '5': { enabled: true, rpcUrls: ['https://ok.example'] }, '7': { rpcUrls: [] }, x: {} },
      refreshPeriodSeconds: 60,
    });
    expect(value.addresses).toEqual([{ address: ALICE, label: 'a' }]);
    expect(value.chains['1']).toEqual({ enabled: true, rpcUrls: [] });
    expect(value.chains['5']).toEqual({ enabled: true, rpcUrls: ['https://ok.example'] });
    expect(value.chains).not.toHaveProperty('7');
    expect(problems).toEqual([
      'settings.addresses[1]: not an address entry, dropped',
      'settings.addresses[2]: not an address entry, dropped',
      `settings.addresses[3]: duplicate ${ALICE}, dropped`,
      'settings.chains[1]: Unsupported scheme ftp: in ftp://x: use http:// or https://, using defaults',
      'settings.chains[7]: enabled is not a boolean, dropped',
      'settings.chains[x]: key is not a chain id, dropped',
    ]);
  });

  it('clamps an out-of-bounds refresh period and replaces a non-number one', () => {
    expect(decodeSettings({ addresses: [], refreshPeriodSeconds: 1e9 }).value.refreshPeriodSeconds).toBe(MAX_REFRESH_SECONDS);
    expect(decodeSettings({ addresses: [], refreshPeriodSeconds: MIN_REFRESH_SECONDS - 1 }).value.refreshPeriodSeconds).toBe(MIN_REFRESH_SECONDS);
    const bad = decodeSettings({ addresses: [], refreshPeriodSeconds: 'soon' });
    expect(bad.value.refreshPeriodSeconds).toBe(DEFAULT_REFRESH_SECONDS);
    expect(bad.problems).toEqual(['settings.refreshPeriodSeconds: soon is not a whole number, using 300']);
  });
});
