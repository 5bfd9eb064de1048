import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem, loadSettings } from '../settings-item.js';
import { migrateSettingsTo2 } from './settings-002.js';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const v1 = { addresses: [ALICE.toLowerCase(), BOB, 'not-an-address', ALICE], chains: { '1': { rpcUrls: ['https://eth.llamarpc.com/'] } }, activeChainId: 1, refreshPeriodSeconds: 120 };

describe('settings migration v1 -> v2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns bare addresses into {address, label} entries, checksummed, deduped, other fields kept', () => {
    expect(migrateSettingsTo2(v1)).toEqual({
      addresses: [
        { address: ALICE, label: '' },
        { address: BOB, label: '' },
      ],
      chains: v1.chains,
      activeChainId: 1,
      refreshPeriodSeconds: 120,
    });
  });

  it('leaves a value without an address list for the validator to report', () => {
    expect(migrateSettingsTo2('junk')).toBe('junk');
  });

  it('runs through the storage item: a v1 value (no version meta) is rewritten (as v2, then v3)', async () => {
    await fakeBrowser.storage.local.set({ settings: v1 });
    await settingsItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(stored.settings$).toEqual({ v: 3 });
    expect((await loadSettings()).addresses).toEqual([
      { address: ALICE, label: '' },
      { address: BOB, label: '' },
    ]);
  });
});
