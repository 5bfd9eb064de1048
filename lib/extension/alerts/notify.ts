// Browser side of alerts: one system notification for the alerts due (grouped), and the badge.
// `action` is MV3; Firefox MV2 builds expose the same call as `browserAction`.
import type { WxtBrowser } from 'wxt/browser';
import type { Alert } from '../../alerts/types.js';
import { notificationFor } from './alerts-to-notify.js';

export const NOTIFICATION_ICON = '/icon/128.png';

type BadgeApi = { setBadgeText(details: { text: string }): Promise<void> | void };

export async function setBadge(browser: WxtBrowser, unread: number): Promise<void> {
  const api = ((browser as unknown as { action?: BadgeApi }).action ?? (browser as unknown as { browserAction?: BadgeApi }).browserAction) as BadgeApi | undefined;
  await api?.setBadgeText({ text: unread > 0 ? (unread > 99 ? '99+' : String(unread)) : '' });
}

/** Creates ONE notification for `alerts` (none when empty) and sets the badge to `unread`. Returns the notification id. */
export async function notify(browser: WxtBrowser, alerts: readonly Alert[], unread: number): Promise<string | null> {
  let id: string | null = null;
  if (alerts.length > 0) {
    const n = notificationFor(alerts);
    id = await browser.notifications.create(n.id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title: n.title, message: n.message, priority: n.priority });
  }
  await setBadge(browser, unread);
  return id;
}
