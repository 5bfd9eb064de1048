// The periodic refresh alarm. Alarms persist across service-worker restarts, so this only
// (re)creates it when missing or when the period changed: recreating on every wake-up would
// push the next refresh back each time the worker restarts.
import { browser } from 'wxt/browser';

export const REFRESH_ALARM = 'refresh-portfolio';

export async function ensureRefreshAlarm(periodSeconds: number): Promise<void> {
  const periodInMinutes = periodSeconds / 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
