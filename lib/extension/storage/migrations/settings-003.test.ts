import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, settingsItem } from '../settings-item.js';
import { decodeSettings } from '../decode-settings.js';
import { migrateSettingsTo3 } from './settings-003.js';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const A = ALICE;
const MAINNET_RPCS = ['https://ethereum-rpc.publicnode.com', 'https://eth.llamarpc.com', 'https://eth.drpc.org'];
const mainnetBuild = { network: 'mainnet' as const, chainId: 1, rpcUrls: MAINNET_RPCS };
const devnetBuild = { network: 'devnet' as const, chainId: 31337, rpcUrls: ['http://127.0.0.1:8545'] };
const sepoliaOverride = { chainId: 11155111, contracts: { eigenlayer: { delegationManager: A, strategyManager: A, eigenPodManager: A, allocationManager: A } } };

const v2 = {
  addresses: [{ address: ALICE, label: 'hot' }],
  chains: { '1': { rpcUrls: MAINNET_RPCS }, '11155111': { rpcUrls: ['https://my-sepolia.example'], deploymentsOverride: sepoliaOverride } },
  activeChainId: 11155111,
  refreshPeriodSeconds: 120,
};

const enabled = (v: unknown) =>
  Object.entries((v as { chains: Record<string, { enabled: boolean }> }).chains)
    .filter(([, c]) => c.enabled)
    .map(([id]) => id)
    .sort();

describe('settings migration v2 -> v3', () => {
  beforeEach(() => fakeBrowser.reset());

  it('enables the old active chain and the default chains, keeps RPCs and overrides, drops activeChainId', () => {
    const v3 = migrateSettingsTo3(v2, mainnetBuild) as Record<string, any>;
    expect(v3).not.toHaveProperty('activeChainId');
    expect(v3.addresses).toEqual(v2.addresses);
    expect(v3.refreshPeriodSeconds).toBe(120);
    expect(enabled(v3)).toEqual(['1', '11155111']);
    expect(v3.chains['11155111']).toEqual({ enabled: true, rpcUrls: ['https://my-sepolia.example'], deploymentsOverride: sepoliaOverride });
    // the old default list is stored as "defaults" so later releases can update it
    expect(v3.chains['1']).toEqual({ enabled: true, rpcUrls: [] });
    expect(Object.keys(v3.chains).sort()).toEqual(['1', '11155111', '17000', '42161', '560048']);
    expect(v3.chains['42161']).toEqual({ enabled: false, rpcUrls: [] });
  });

  it('in a devnet build enables the devnet and the old active chain only, never mainnet by default', () => {
    const v3 = migrateSettingsTo3({ ...v2, activeChainId: 31337, chains: { '31337': { rpcUrls: ['http://127.0.0.1:9999'] } } }, devnetBuild) as Record<string, any>;
    expect(enabled(v3)).toEqual(['31337']);
    expect(v3.chains['31337']).toEqual({ enabled: true, rpcUrls: ['http://127.0.0.1:9999'] });
    expect(enabled(migrateSettingsTo3(v2, devnetBuild))).toEqual(['11155111', '31337']);
  });

  it('keeps a chain the user had added by id, enabled only if it was active', () => {
    const custom = { rpcUrls: ['https://x.example'], deploymentsOverride: { chainId: 5 } };
    const v3 = migrateSettingsTo3({ ...v2, chains: { '5': custom } }, mainnetBuild) as Record<string, any>;
    expect(v3.chains['5']).toEqual({ ...custom, enabled: false });
  });

  it('leaves malformed values for the validator to report', () => {
    expect(migrateSettingsTo3('junk', mainnetBuild)).toBe('junk');
    const { value, problems } = decodeSettings(migrateSettingsTo3({ ...v2, activeChainId: 5, chains: { '1': 'bad', '5': 'bad' } }, mainnetBuild));
    expect(value.chains['1']).toEqual({ enabled: true, rpcUrls: [] }); // a known chain falls back to its defaults
    expect(value.chains).not.toHaveProperty('5');
    expect(problems).toEqual(['settings.chains[5]: rpcUrls missing, dropped']);
  });

  it('runs through the storage item: a v2 value is rewritten as v3', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 3 });
    expect(stored.settings).not.toHaveProperty('activeChainId');
    const settings = await loadSettings();
    expect(settings.chains['11155111']?.enabled).toBe(true);
    expect(settings.chains['1']?.enabled).toBe(true);
  });

  it('a v1 value goes through both migrations', async () => {
    await fakeBrowser.storage.local.set({ settings: { addresses: [ALICE.toLowerCase()], chains: {}, activeChainId: 1, refreshPeriodSeconds: 60 } });
    await settingsItem.migrate();
    const settings = await loadSettings();
    expect(settings.addresses).toEqual([{ address: ALICE, label: '' }]);
    expect(settings.chains['1']).toEqual({ enabled: true, rpcUrls: [] });
  });

  it('a page reading a not-yet-migrated v2 value decodes it as v3', () => {
    expect(decodeSettings(v2).value.chains['11155111']?.enabled).toBe(true);
  });
});
