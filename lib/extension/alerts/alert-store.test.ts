import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertToPlain } from '../../alerts/codec.js';
import { initialScanState } from '../../alerts/scan-state.js';
import { sampleAlert } from '../../alerts/testing/sample-alert.js';
import type { Alert } from '../../alerts/types.js';
import { emptyAlertStore, MAX_ALERTS, type AlertStore } from './alert-store.js';
import { alertStoreItem, loadAlertStore, saveAlertStore } from './alert-store-item.js';
import { alertsToNotify, badgeCount, markNotified, notificationFor } from './alerts-to-notify.js';
import { decodeAlertStore } from './decode-alert-store.js';
import { acknowledge, muteOperator, setThreshold, snooze } from './inbox-actions.js';
import { mergeScanResult } from './merge-scan-result.js';
import { ALERT_STORE_MIGRATIONS } from './migrations/index.js';
import { ALERT_STORE_VERSION } from './alert-store.js';
import { notify, NOTIFICATION_ICON } from './notify.js';

const OTHER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const state = (nextBlock = 130) => ({ ...initialScanState(31337, 0), nextBlock });
const alert = (n: number, over: Partial<Alert> = {}) => {
  const id = `31337:0x${String(n).padStart(64, '0')}:0:${(over.address ?? sampleAlert().address).toLowerCase()}`;
  return sampleAlert({ id, eventId: id.split(':').slice(0, 3).join(':'), blockNumber: BigInt(100 + n), title: `alert ${n}`, ...over });
};
const withAlerts = (...alerts: Alert[]): AlertStore => mergeScanResult(emptyAlertStore(), { state: state(), newAlerts: alerts, changedAlerts: [] });

describe('mergeScanResult', () => {
  it('stores the cursor and the new alerts, newest first', () => {
    const s = withAlerts(alert(1), alert(2));
    expect(s.cursors['31337']!.nextBlock).toBe(130);
    expect(s.alerts.map((a) => a.title)).toEqual(['alert 2', 'alert 1']);
  });

  it('a chunk merged twice (worker killed before it saw its own write) changes nothing', () => {
    const step = { state: state(), newAlerts: [alert(1)], changedAlerts: [] };
    const once = mergeScanResult(emptyAlertStore(), step);
    expect(mergeScanResult(once, step)).toEqual(once);
  });

  it('a retraction after notification keeps wasNotified; before notification it does not', () => {
    let s = markNotified(withAlerts(alert(1), alert(2)), [alert(1)]);
    s = mergeScanResult(s, { state: state(), newAlerts: [], changedAlerts: [alert(1, { status: 'retracted' }), alert(2, { status: 'retracted' })] });
    expect(s.alerts.find((a) => a.title === 'alert 1')).toMatchObject({ status: 'retracted', wasNotified: true });
    expect(s.alerts.find((a) => a.title === 'alert 2')!.wasNotified).toBeUndefined();
  });

  it('caps the inbox and forgets bookkeeping of dropped alerts', () => {
    const many = Array.from({ length: MAX_ALERTS + 5 }, (_, i) => alert(i));
    const s = acknowledge(withAlerts(...many), [many[0]!.id]);
    const after = mergeScanResult(s, { state: state(), newAlerts: [alert(MAX_ALERTS + 10)], changedAlerts: [] });
    expect(after.alerts).toHaveLength(MAX_ALERTS);
    expect(after.acknowledged).toEqual([]);
  });
});

describe('alertsToNotify and the badge', () => {
  const now = 1_000_000;

  it('notifies each alert once, above the threshold, and groups several into one notification', () => {
    let s = withAlerts(alert(1), alert(2, { severity: 'warning' }), alert(3, { severity: 'info' }));
    const due = alertsToNotify(s, now);
    expect(due.map((a) => a.title).sort()).toEqual(['alert 1', 'alert 2']); // info is below the default threshold
    const n = notificationFor(due);
    expect(n.id).toMatch(/^alerts:2:/);
    expect(n.title).toBe('2 restaking alerts (1 critical)');
    s = markNotified(s, due);
    expect(alertsToNotify(s, now)).toEqual([]);
  });

  it('honours per-address thresholds, mute per operator, snooze and acknowledge', () => {
    const a = alert(1);
    const b = alert(2, { address: OTHER, severity: 'warning' });
    let s = setThreshold(setThreshold(withAlerts(a, b), 'info'), 'critical', OTHER);
    expect(alertsToNotify(s, now).map((x) => x.id)).toEqual([a.id]);
    s = muteOperator(s, a.operator!);
    expect(alertsToNotify(s, now)).toEqual([]);
    s = muteOperator(s, a.operator!, false);
    s = snooze(s, a.id, now + 60_000);
    expect(alertsToNotify(s, now)).toEqual([]);
    expect(alertsToNotify(s, now + 60_001).map((x) => x.id)).toEqual([a.id]);
    expect(alertsToNotify(acknowledge(s, [a.id]), now + 60_001)).toEqual([]);
  });

  it('tells the user about a retraction only when the alert had been notified, once', () => {
    let s = markNotified(withAlerts(alert(1)), [alert(1)]);
    s = mergeScanResult(s, { state: state(), newAlerts: [], changedAlerts: [alert(1, { status: 'retracted' })] });
    const due = alertsToNotify(s, now);
    expect(due.map((a) => a.status)).toEqual(['retracted']);
    expect(notificationFor(due).title).toBe('Retracted by a chain reorg: alert 1');
    expect(alertsToNotify(markNotified(s, due), now)).toEqual([]);
  });

  it('badge = unread: not acknowledged, not retracted', () => {
    let s = withAlerts(alert(1), alert(2), alert(3, { status: 'retracted' }));
    expect(badgeCount(s)).toBe(2);
    s = acknowledge(s, [alert(1).id]);
    expect(badgeCount(s)).toBe(1);
  });
});

describe('alert store in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through local:alerts as plain JSON (bigints as strings)', async () => {
    const s = markNotified(withAlerts(alert(1), alert(2)), [alert(1)]);
    await saveAlertStore(s);
    const raw = (await fakeBrowser.storage.local.get('alerts')).alerts as { alerts: { blockNumber: unknown }[] };
    expect(raw.alerts[0]!.blockNumber).toBe('102');
    expect(await loadAlertStore()).toEqual(s);
  });

  it('drops only the corrupt parts of a stored inbox, and says why', () => {
    const good = alertToPlain(alert(1));
    const { value, problems } = decodeAlertStore({
      cursors: { '31337': state(), '1': { version: 1 } },
      alerts: [good, { ...good, id: 'x', severity: 'doom' }],
      notified: ['a', 7],
      settings: { minSeverity: 'loud', perAddress: { [OTHER]: 'off', nope: 'info' } },
    });
    expect(Object.keys(value.cursors)).toEqual(['31337']);
    expect(value.alerts).toEqual([alert(1)]);
    expect(value.notified).toEqual(['a']);
    expect(value.settings).toEqual({ minSeverity: 'warning', perAddress: { [OTHER]: 'off' } });
    expect(problems).toHaveLength(4);
  });

  it('migrations: numbered contiguously up to the current version; an unversioned value is taken as v1', async () => {
    const keys = Object.keys(ALERT_STORE_MIGRATIONS).map(Number).sort((a, b) => a - b);
    expect(keys).toEqual(Array.from({ length: ALERT_STORE_VERSION - 1 }, (_, i) => i + 2));
    await fakeBrowser.storage.local.set({ alerts: { alerts: [alertToPlain(alert(1))] } });
    await alertStoreItem.migrate(); // v1 is current: nothing to run, the value is kept as is
    expect((await loadAlertStore()).alerts).toEqual([alert(1)]);
  });
});

describe('notify', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates ONE notification for several alerts with the extension icon, and sets the badge', async () => {
    const id = await notify(fakeBrowser, [alert(1), alert(2)], 2);
    const all = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { iconUrl: string; title: string; message: string }>;
    expect(Object.keys(all)).toEqual([id]);
    expect(all[id!]).toMatchObject({ iconUrl: NOTIFICATION_ICON, title: '2 restaking alerts (2 critical)', message: 'alert 1\nalert 2' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('one alert: its own title and sentence; nothing due: only the badge (cleared at 0)', async () => {
    await notify(fakeBrowser, [alert(1)], 1);
    expect(fakeBrowser.notifications.getAllCreateOptions()[`alert:${alert(1).id}`]).toMatchObject({ title: 'alert 1', message: alert(1).sentence });
    expect(await notify(fakeBrowser, [], 0)).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
