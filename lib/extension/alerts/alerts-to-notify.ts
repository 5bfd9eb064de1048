// Which alerts deserve a system notification now, and the notification for them. Several at once
// become ONE grouped notification (never a flood); a retraction is notified only when the alert
// itself had been notified. badgeCount is the inbox's unread count.
import { SEVERITY_RANK, type Alert } from '../../alerts/types.js';
import type { AlertStore, Threshold } from './alert-store.js';

const RETRACTED = '#retracted';

function threshold(store: AlertStore, a: Alert): Threshold {
  return store.settings.perAddress[a.address] ?? store.settings.minSeverity;
}

const passes = (t: Threshold, a: Alert) => t !== 'off' && SEVERITY_RANK[a.severity] >= SEVERITY_RANK[t];

/** New alerts above their address's threshold, not muted / snoozed / acknowledged / notified; plus retractions of notified ones. */
export function alertsToNotify(store: AlertStore, now: number): Alert[] {
  const notified = new Set(store.notified);
  const acked = new Set(store.acknowledged);
  const muted = new Set(store.mutedOperators);
  return store.alerts.filter((a) => {
    if (a.status === 'retracted') return notified.has(a.id) && !notified.has(a.id + RETRACTED);
    if (notified.has(a.id) || acked.has(a.id)) return false;
    if (a.operator && muted.has(a.operator.toLowerCase())) return false;
    if ((store.snoozedUntil[a.id] ?? 0) > now) return false;
    return passes(threshold(store, a), a);
  });
}

export function markNotified(store: AlertStore, alerts: readonly Alert[]): AlertStore {
  const ids = alerts.map((a) => (a.status === 'retracted' ? a.id + RETRACTED : a.id));
  return { ...store, notified: [...new Set([...store.notified, ...ids])] };
}

/** Unread = not acknowledged and not retracted. */
export function badgeCount(store: AlertStore): number {
  const acked = new Set(store.acknowledged);
  return store.alerts.filter((a) => a.status !== 'retracted' && !acked.has(a.id)).length;
}

export interface NotificationContent {
  /** `alert:<id>` for one alert (a click opens its detail), `alerts:<n>:<first id>` for a group (opens the inbox). */
  id: string;
  title: string;
  message: string;
  priority: 0 | 1 | 2;
}

/** One notification for any number of alerts. */
export function notificationFor(alerts: readonly Alert[]): NotificationContent {
  const priority = alerts.some((a) => a.severity === 'critical' && a.status !== 'retracted') ? 2 : 1;
  const line = (a: Alert) => (a.status === 'retracted' ? `Retracted by a chain reorg: ${a.title}` : a.title);
  if (alerts.length === 1) {
    const a = alerts[0]!;
    return { id: `alert:${a.id}`, title: line(a), message: a.status === 'retracted' ? 'The event that raised this alert is no longer on chain.' : a.sentence, priority };
  }
  const shown = alerts.slice(0, 3).map(line);
  const more = alerts.length - shown.length;
  const critical = alerts.filter((a) => a.severity === 'critical' && a.status !== 'retracted').length;
  return {
    id: `alerts:${alerts.length}:${alerts[0]!.id}`,
    title: `${alerts.length} restaking alerts${critical ? ` (${critical} critical)` : ''}`,
    message: [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('\n'),
    priority,
  };
}
