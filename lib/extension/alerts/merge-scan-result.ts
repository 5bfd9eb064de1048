// Folds one scanner step (lib/alerts/scan.ts) into the inbox: the chain's cursor, new alerts, and
// changes (confirmed, retracted, re-included). Dedupes by id, so a chunk redone after a worker kill
// changes nothing; a retraction of an alert that was notified keeps `wasNotified` for the UI.
import type { ScanResult } from '../../alerts/scan.js';
import type { Alert } from '../../alerts/types.js';
import { MAX_ALERTS, type AlertStore } from './alert-store.js';

const newestFirst = (a: Alert, b: Alert) =>
  a.chainId !== b.chainId ? a.timestamp - b.timestamp || a.chainId - b.chainId : a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;

/** Alerts raised outside the log scan (e.g. rewards claimable): same dedupe, no cursor move. */
export function mergeAlerts(store: AlertStore, alerts: readonly Alert[]): AlertStore {
  return mergeInto(store, alerts, store.cursors);
}

export function mergeScanResult(store: AlertStore, result: Pick<ScanResult, 'state' | 'newAlerts' | 'changedAlerts'>): AlertStore {
  return mergeInto(store, [...result.newAlerts, ...result.changedAlerts], { ...store.cursors, [String(result.state.chainId)]: result.state });
}

function mergeInto(store: AlertStore, incomingAlerts: readonly Alert[], cursors: AlertStore['cursors']): AlertStore {
  const byId = new Map(store.alerts.map((a) => [a.id, a]));
  const notified = new Set(store.notified);
  for (const incoming of incomingAlerts) {
    const prev = byId.get(incoming.id);
    const wasNotified = notified.has(incoming.id) || prev?.wasNotified === true;
    byId.set(incoming.id, wasNotified ? { ...incoming, wasNotified: true } : incoming);
  }
  const alerts = [...byId.values()].sort(newestFirst).reverse().slice(0, MAX_ALERTS);
  const kept = new Set(alerts.map((a) => a.id));
  const keep = (id: string) => kept.has(id.replace(/#retracted$/, ''));
  return {
    ...store,
    cursors,
    alerts,
    notified: store.notified.filter(keep),
    acknowledged: store.acknowledged.filter(keep),
    snoozedUntil: Object.fromEntries(Object.entries(store.snoozedUntil).filter(([id]) => keep(id))),
  };
}
