import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_SECONDS, MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS } from '../build-defaults.js';
import { MAINNET_RPC_URLS } from '../mainnet-rpc-urls.js';
import { decodeSettings } from './decode-settings.js';
import { defaultSettings } from './settings.js';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('defaultSettings', () => {
  it('tracks nothing, on the build chain (mainnet in tests) with its public RPCs', () => {
    expect(defaultSettings()).toEqual({
      addresses: [],
      chains: { '1': { rpcUrls: [...MAINNET_RPC_URLS] } },
      activeChainId: 1,
      refreshPeriodSeconds: DEFAULT_REFRESH_SECONDS,
    });
  });
});

describe('decodeSettings', () => {
  it('returns defaults without complaint when nothing is stored', () => {
    expect(decodeSettings(null)).toEqual({ value: defaultSettings(), problems: [] });
  });

  it('keeps a valid stored value as is', () => {
    const stored = { addresses: [{ address: ALICE, label: 'hot' }], chains: { '31337': { rpcUrls: ['http://127.0.0.1:8545'] } }, activeChainId: 31337, refreshPeriodSeconds: 60 };
    expect(decodeSettings(stored)).toEqual({ value: stored, problems: [] });
  });

  it('replaces a non-object with defaults and says why', () => {
    expect(decodeSettings('garbage')).toEqual({ value: defaultSettings(), problems: ['settings: not an object, using defaults'] });
  });

  it('drops only the bad entries, normalizing checksums and dropping duplicates', () => {
    const { value, problems } = decodeSettings({
      addresses: [{ address: ALICE.toLowerCase(), label: 'a' }, { address: 'nope' }, 'bare', { address: ALICE, label: 'again' }],
      chains: { '1': { rpcUrls: ['ftp://x'] }, '5': { rpcUrls: ['https://ok.example'] } },
      activeChainId: 5,
      refreshPeriodSeconds: 60,
    });
    expect(value.addresses).toEqual([{ address: ALICE, label: 'a' }]);
    expect(value.chains).toEqual({ '5': { rpcUrls: ['https://ok.example'] } });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/addresses\[1\].*dropped[\s\S]*addresses\[2\][\s\S]*duplicate[\s\S]*chains\[1\]: Unsupported scheme/);
  });

  it('clamps an out-of-bounds refresh period and replaces a non-number one', () => {
    expect(decodeSettings({ addresses: [], activeChainId: 1, refreshPeriodSeconds: 1e9 }).value.refreshPeriodSeconds).toBe(MAX_REFRESH_SECONDS);
    expect(decodeSettings({ addresses: [], activeChainId: 1, refreshPeriodSeconds: MIN_REFRESH_SECONDS - 1 }).value.refreshPeriodSeconds).toBe(MIN_REFRESH_SECONDS);
    const bad = decodeSettings({ addresses: [], activeChainId: 1, refreshPeriodSeconds: 'soon' });
    expect(bad.value.refreshPeriodSeconds).toBe(DEFAULT_REFRESH_SECONDS);
    expect(bad.problems).toEqual(['settings.refreshPeriodSeconds: soon is not a whole number, using 300']);
  });

  it('falls back to the default chain when the active chain id is invalid', () => {
    expect(decodeSettings({ addresses: [], activeChainId: -1, refreshPeriodSeconds: 60 }).value.activeChainId).toBe(1);
  });
});
