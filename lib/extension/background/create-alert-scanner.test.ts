import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PublicClient } from 'viem';
import type { scanOnce as ScanOnceFn, ScanResult } from '../../alerts/scan.js';
import type { ScanState } from '../../alerts/scan-state.js';
import { sampleAlert } from '../../alerts/testing/sample-alert.js';
import type { Alert } from '../../alerts/types.js';
import { loadAlertStore } from '../alerts/alert-store-item.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import { ALICE, sampleSnapshot } from '../testing/sample-snapshot.js';
import { alertPagePath, focusedAlertId } from './alert-page-url.js';
import { createAlertScanner } from './create-alert-scanner.js';
import { REFRESH_ALARM } from './refresh-alarm.js';
import { setupBackground } from './setup-background.js';

const PAGE = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://app.eigenlayer.xyz/', tab: { id: 3 } };
const HEAD = 10_000n;
const client = { getBlockNumber: async () => HEAD } as unknown as PublicClient;

const alert = (n: number, over: Partial<Alert> = {}) => sampleAlert({ id: `1:0x${String(n).padStart(64, '0')}:0:${ALICE.toLowerCase()}`, title: `alert ${n}`, ...over });

/** A fake scanner: each call reports `perCall` chunks, each with the next queued alerts, advancing the cursor by 100 blocks. */
function fakeScan(queue: Alert[][]) {
  return vi.fn<typeof ScanOnceFn>(async (input: ScanState, deps) => {
    let state = input;
    const all: Alert[] = [];
    const chunk = queue.shift() ?? [];
    state = { ...state, nextBlock: state.nextBlock + 100 };
    all.push(...chunk);
    await deps.onChunk?.({ state, newAlerts: chunk, changedAlerts: [], done: true, head: HEAD, finalized: HEAD - 64n } as ScanResult);
    return { state, newAlerts: all, changedAlerts: [], done: true, head: HEAD, finalized: HEAD - 64n };
  });
}

async function track() {
  const s = await loadSettings();
  s.addresses.push({ address: ALICE, label: '' });
  await saveSettings(s);
}

describe('alert scanner', () => {
  beforeEach(() => fakeBrowser.reset());

  it('does nothing (no RPC) without tracked addresses', async () => {
    const scanOnce = fakeScan([]);
    const scanner = createAlertScanner({ browser: fakeBrowser, scanOnce, createClient: () => client });
    expect(await scanner.scan()).toEqual({});
    expect(scanOnce).not.toHaveBeenCalled();
  });

  it('first run starts at the chosen block; later runs resume from the persisted cursor', async () => {
    await track();
    const scanOnce = fakeScan([[], []]);
    const scanner = createAlertScanner({ browser: fakeBrowser, scanOnce, createClient: () => client, firstScanBlock: (_id, head) => Number(head) - 5_000 });
    expect(await scanner.scan()).toEqual({ '1': { ok: true, nextBlock: 5_100, done: true } });
    expect(scanOnce.mock.calls[0]![0].nextBlock).toBe(5_000);
    expect((await loadAlertStore()).cursors['1']!.nextBlock).toBe(5_100);
    await scanner.scan();
    expect(scanOnce.mock.calls[1]![0].nextBlock).toBe(5_100);
  });

  it('persists every chunk, notifies new alerts once (grouped), and sets the badge', async () => {
    await track();
    const scanOnce = fakeScan([[alert(1), alert(2)], [], [alert(3)]]);
    const scanner = createAlertScanner({ browser: fakeBrowser, scanOnce, createClient: () => client });
    await scanner.scan();
    let created = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string }>;
    expect(Object.values(created).map((n) => n.title)).toEqual(['2 restaking alerts (2 critical)']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    const store = await loadAlertStore();
    expect(store.notified.sort()).toEqual([alert(1).id, alert(2).id].sort());

    await fakeBrowser.notifications.clear(Object.keys(created)[0]!);
    await scanner.scan(); // nothing new: nothing notified again
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);
    await scanner.scan();
    created = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string }>;
    expect(Object.keys(created)).toEqual([`alert:${alert(3).id}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('a chunk persisted before the worker died is not lost and not notified twice by the next worker', async () => {
    await track();
    const dying = vi.fn<typeof ScanOnceFn>(async (input, deps) => {
      await deps.onChunk?.({ state: { ...input, nextBlock: input.nextBlock + 100 }, newAlerts: [alert(1)], changedAlerts: [], done: false, head: HEAD, finalized: 0n });
      throw new Error('worker stopped');
    });
    const first = createAlertScanner({ browser: fakeBrowser, scanOnce: dying, createClient: () => client, firstScanBlock: () => 0 });
    expect((await first.scan())['1']).toMatchObject({ ok: false, error: { message: 'worker stopped' } });
    expect((await loadAlertStore()).alerts.map((a) => a.id)).toEqual([alert(1).id]);
    // The failed run still notified what the persisted chunk brought.
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([`alert:${alert(1).id}`]);
    await fakeBrowser.notifications.clear(`alert:${alert(1).id}`);

    const redo = fakeScan([[alert(1)]]); // the same chunk again (its write landed, but say it did not)
    const second = createAlertScanner({ browser: fakeBrowser, scanOnce: redo, createClient: () => client });
    await second.scan();
    expect(redo.mock.calls[0]![0].nextBlock).toBe(100);
    expect((await loadAlertStore()).alerts).toHaveLength(1);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([]);
  });

  it('a scan requested while one runs joins it', async () => {
    await track();
    const scanOnce = fakeScan([[], []]);
    const scanner = createAlertScanner({ browser: fakeBrowser, scanOnce, createClient: () => client });
    await Promise.all([scanner.scan(), scanner.scan()]);
    expect(scanOnce).toHaveBeenCalledTimes(1);
  });
});

describe('background wiring of alerts', () => {
  let scanOnce: ReturnType<typeof fakeScan>;
  let readSnapshot: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    scanOnce = fakeScan([[alert(1), alert(2)]]);
    readSnapshot = vi.fn(async () => sampleSnapshot());
    setupBackground({ readSnapshot: readSnapshot as never, alerts: { scanOnce, createClient: () => client } });
  });

  const send = async (message: unknown, sender: object = PAGE): Promise<any> => (await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined))[0];

  it('the alarm refreshes positions and then scans; a failing refresh still scans', async () => {
    await track();
    readSnapshot.mockRejectedValue(new Error('rpc down'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), periodInMinutes: 5 } as never);
    await vi.waitFor(() => expect(scanOnce).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
  });

  it('a failing scan does not fail the refresh', async () => {
    await track();
    scanOnce.mockRejectedValue(new Error('logs refused'));
    expect(await send({ type: 'refreshNow' })).toMatchObject({ ok: true, chains: { '1': { state: 'fresh' } } });
    await vi.waitFor(() => expect(scanOnce).toHaveBeenCalled());
  });

  it('inbox actions: acknowledge lowers the badge, snooze, mute, thresholds; untrusted senders are refused', async () => {
    await track();
    await send({ type: 'refreshNow' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));

    expect((await send({ type: 'acknowledgeAlert', ids: [alert(1).id] }, CONTENT_SCRIPT)).error.name).toBe('UntrustedSenderError');
    expect(await send({ type: 'acknowledgeAlert', ids: [alert(1).id, 'made-up'] })).toEqual({ ok: true, unread: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await loadAlertStore()).acknowledged).toEqual([alert(1).id]);

    const snoozed = await send({ type: 'snoozeAlert', id: alert(2).id, hours: 24 });
    expect(snoozed.ok).toBe(true);
    expect((await loadAlertStore()).snoozedUntil[alert(2).id]).toBe(snoozed.until);
    expect((await send({ type: 'snoozeAlert', id: alert(2).id, hours: 0 })).error.message).toMatch(/between 0 and 720 hours/);
    expect((await send({ type: 'snoozeAlert', id: 'nope', hours: 1 })).error.message).toBe('No such alert in the inbox');

    const op = alert(2).operator!;
    expect(await send({ type: 'muteOperator', operator: op.toLowerCase(), muted: true })).toEqual({ ok: true });
    expect((await loadAlertStore()).mutedOperators).toEqual([op.toLowerCase()]);
    expect((await send({ type: 'muteOperator', operator: '0x12', muted: true })).error.name).toBe('InvalidAddressError');

    expect(await send({ type: 'setAlertThreshold', threshold: 'critical', address: null })).toEqual({ ok: true });
    expect(await send({ type: 'setAlertThreshold', threshold: 'off', address: ALICE.toLowerCase() })).toEqual({ ok: true });
    expect((await loadAlertStore()).settings).toEqual({ minSeverity: 'critical', perAddress: { [ALICE]: 'off' } });
    expect(await send({ type: 'setAlertThreshold', threshold: 'default', address: ALICE })).toEqual({ ok: true });
    expect((await loadAlertStore()).settings.perAddress).toEqual({});
    expect((await send({ type: 'setAlertThreshold', threshold: 'loud', address: null })).error.message).toMatch(/^Unknown threshold "loud"/);
    expect((await send({ type: 'getState' })).alerts).toEqual({ settings: { minSeverity: 'critical', perAddress: {} }, mutedOperators: [op.toLowerCase()] });
  });

  it('a click on a notification opens the popup page on that alert', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`alert:${alert(1).id}`);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/popup.html#alert=${encodeURIComponent(alert(1).id)}` as '/popup.html') }));
  });
});

describe('alert page URLs', () => {
  it('one alert -> its detail, a group -> the inbox, anything else -> nothing; the hash round-trips', () => {
    const id = alert(1).id;
    expect(alertPagePath(`alert:${id}`)).toBe(`/popup.html#alert=${encodeURIComponent(id)}`);
    expect(alertPagePath(`alerts:3:${id}`)).toBe('/popup.html#alerts');
    expect(alertPagePath('other')).toBeNull();
    expect(focusedAlertId(alertPagePath(`alert:${id}`)!.slice('/popup.html'.length))).toBe(id);
    expect(focusedAlertId('#alerts')).toBeNull();
  });
});
