import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Snapshot } from '../../portfolio/types.js';
import { loadSettings } from '../storage/settings-item.js';
import { ALICE, sampleSnapshot } from '../testing/sample-snapshot.js';
import { REFRESH_ALARM } from './refresh-alarm.js';
import { setupBackground } from './setup-background.js';

const PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://app.eigenlayer.xyz/', tab: { id: 3 } };

async function send(message: unknown, sender: object = PAGE): Promise<any> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  return results[0];
}

describe('background', () => {
  let readSnapshot: ReturnType<typeof vi.fn<() => Promise<Snapshot>>>;

  beforeEach(() => {
    fakeBrowser.reset();
    readSnapshot = vi.fn(async () => sampleSnapshot());
    // The alert scan that follows each refresh is stubbed here (create-alert-scanner.test.ts covers it): no RPC from unit tests.
    setupBackground({ readSnapshot, alerts: { scanOnce: async (state) => ({ state, newAlerts: [], changedAlerts: [], done: true, head: 0n, finalized: 0n }), createClient: () => ({ getBlockNumber: async () => 0n }) as never } });
  });

  describe('sender checks', () => {
    it('refuses a content script of this extension (page URL) without acting on the message', async () => {
      const response = await send({ type: 'addAddress', address: ALICE, label: '' }, CONTENT_SCRIPT);
      expect(response).toEqual({ ok: false, error: { name: 'UntrustedSenderError', message: 'Only Restake Companion pages may send this message' } });
      expect((await loadSettings()).addresses).toEqual([]);
    });

    it('refuses another extension, even from an extension URL', async () => {
      const response = await send({ type: 'getState' }, { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' });
      expect(response.ok).toBe(false);
      expect(response.error.name).toBe('UntrustedSenderError');
    });

    it('answers our own page and refuses malformed messages with the reason', async () => {
      expect((await send({ type: 'getState' })).ok).toBe(true);
      expect(await send({ type: 'dropTables' })).toEqual({ ok: false, error: { name: 'InvalidMessageError', message: 'message.type: unknown request "dropTables"' } });
      expect((await send({ type: 'addAddress', address: 42 })).error.message).toBe('message.address: expected a string');
    });
  });

  describe('addresses', () => {
    it('adds a checksummed address with its label and refreshes at once', async () => {
      const response = await send({ type: 'addAddress', address: ALICE.toLowerCase(), label: ' Cold ' });
      expect(response).toEqual({ ok: true, address: ALICE });
      expect((await loadSettings()).addresses).toEqual([{ address: ALICE, label: 'Cold' }]);
      await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledWith(expect.objectContaining({ chainId: 1 }), [ALICE], expect.anything()));
    });

    it('refuses duplicates and bad input with the reason', async () => {
      await send({ type: 'addAddress', address: ALICE, label: 'Cold' });
      expect((await send({ type: 'addAddress', address: ALICE.toLowerCase(), label: '' })).error).toEqual({ name: 'InvalidAddressError', message: 'Already tracked as Cold' });
      expect((await send({ type: 'addAddress', address: '0x12', label: '' })).error.message).toBe('Not an address: expected 0x followed by 40 hex characters');
    });

    it('two quick adds both survive (settings writes are serialized)', async () => {
      const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
      await Promise.all([send({ type: 'addAddress', address: ALICE, label: 'a' }), send({ type: 'addAddress', address: BOB, label: 'b' })]);
      expect((await loadSettings()).addresses.map((t) => t.address)).toEqual([ALICE, BOB]);
    });

    it('relabels and removes', async () => {
      await send({ type: 'addAddress', address: ALICE, label: 'a' });
      expect(await send({ type: 'setLabel', address: ALICE.toLowerCase(), label: 'b' })).toEqual({ ok: true });
      expect((await loadSettings()).addresses[0]?.label).toBe('b');
      expect(await send({ type: 'removeAddress', address: ALICE })).toEqual({ ok: true });
      expect((await loadSettings()).addresses).toEqual([]);
      expect((await send({ type: 'removeAddress', address: ALICE })).error.message).toMatch(/^Not tracked/);
    });
  });

  describe('refresh on demand and on the alarm', () => {
    it('refreshNow returns the status of each enabled chain', async () => {
      await send({ type: 'addAddress', address: ALICE, label: '' });
      const response = await send({ type: 'refreshNow' });
      expect(response).toMatchObject({ ok: true, chains: { '1': { state: 'fresh' } } });
      const state = await send({ type: 'getState' });
      expect(state.portfolio.chains['1'].snapshot.blockNumber).toBe('1000'); // plain form over messaging
    });

    it('the refresh alarm triggers a read', async () => {
      await send({ type: 'addAddress', address: ALICE, label: '' });
      await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledTimes(1));
      await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), periodInMinutes: 5, persistAcrossSessions: true });
      await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledTimes(2));
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: true });
      expect(readSnapshot).toHaveBeenCalledTimes(2);
    });

    it('install and startup ensure the alarm with the configured period', async () => {
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
      await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(5));
      await fakeBrowser.alarms.clearAll();
      await fakeBrowser.runtime.onStartup.trigger();
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeDefined());
    });

    it('setRefreshPeriod validates, saves and reschedules the alarm', async () => {
      expect(await send({ type: 'setRefreshPeriod', seconds: 60 })).toEqual({ ok: true, seconds: 60 });
      expect((await loadSettings()).refreshPeriodSeconds).toBe(60);
      expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(1);
      expect((await send({ type: 'setRefreshPeriod', seconds: 5 })).error.message).toBe('Refresh period must be between 30 and 86400 seconds');
    });
  });

  describe('chain settings', () => {
    const devnet = { chainId: 31337, rpcUrl: 'http://127.0.0.1:8545', contracts: { eigenlayer: { delegationManager: ALICE, strategyManager: ALICE, eigenPodManager: ALICE, allocationManager: ALICE } }, actors: {} };

    it('saves RPCs, a validated deployments override and whether the chain is read', async () => {
      const response = await send({ type: 'saveChainSettings', chainId: 31337, enabled: true, rpcUrls: ['http://127.0.0.1:8545'], deploymentsOverride: devnet });
      expect(response).toEqual({ ok: true });
      const settings = await loadSettings();
      expect(settings.chains['31337']).toEqual({
        enabled: true,
        rpcUrls: ['http://127.0.0.1:8545'],
        deploymentsOverride: { chainId: 31337, contracts: { multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11', eigenlayer: devnet.contracts.eigenlayer } },
      });
      expect(await send({ type: 'saveChainSettings', chainId: 1, enabled: false, rpcUrls: [], deploymentsOverride: null })).toEqual({ ok: true });
      expect((await loadSettings()).chains['1']).toEqual({ enabled: false, rpcUrls: [] });
    });

    it('refuses a save without the enabled flag', async () => {
      expect((await send({ type: 'saveChainSettings', chainId: 1, rpcUrls: [], deploymentsOverride: null })).error.message).toBe('message.enabled: expected a boolean');
    });

    it('refuses deployments for another chain, bad deployments, and unknown chains without deployments', async () => {
      const save = (req: object) => send({ type: 'saveChainSettings', enabled: true, ...req });
      expect((await save({ chainId: 5, rpcUrls: ['https://x.example'], deploymentsOverride: devnet })).error.message).toBe('The deployments file is for chain 31337, not chain 5');
      expect((await save({ chainId: 31337, rpcUrls: ['https://x.example'], deploymentsOverride: { chainId: 31337 } })).error).toEqual({ name: 'InvalidDeploymentsError', message: 'contracts is missing' });
      expect((await save({ chainId: 5, rpcUrls: ['https://x.example'], deploymentsOverride: null })).error.message).toMatch(/No built-in deployments for chain 5/);
      expect((await save({ chainId: 1, rpcUrls: ['ws://x'], deploymentsOverride: null })).error.message).toMatch(/Unsupported scheme ws:/);
      expect((await loadSettings()).chains['5']).toBeUndefined();
    });
  });
});
