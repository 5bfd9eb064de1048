// The alert inbox as the background keeps it in `local:alerts` (decoded form): scan cursors per
// chain, the alerts, what was notified, and the user's acknowledge / snooze / mute choices and
// notification thresholds. Pure data; the functions beside this file transform it.
import type { ScanState } from '../../alerts/scan-state.js';
import type { Alert, Severity } from '../../alerts/types.js';

export type Threshold = Severity | 'off';

export interface AlertSettings {
  /** Notify alerts at or above this severity ('off' = never); alerts below it still reach the inbox. */
  minSeverity: Threshold;
  /** Per tracked address (checksummed), overriding minSeverity. */
  perAddress: Record<string, Threshold>;
}

export interface AlertStore {
  /** Scanner state per decimal chain id (plain JSON, see lib/alerts/scan-state.ts). */
  cursors: Record<string, ScanState>;
  /** Newest first, capped at MAX_ALERTS. */
  alerts: Alert[];
  /** Alert ids already notified; `${id}#retracted` once a retraction of a notified alert was notified. */
  notified: string[];
  acknowledged: string[];
  /** Alert id -> unix ms until which it is neither notified nor counted as new. */
  snoozedUntil: Record<string, number>;
  /** Operator addresses, lowercase: their alerts stay in the inbox but never notify. */
  mutedOperators: string[];
  settings: AlertSettings;
}

export const ALERT_STORE_VERSION = 1;
export const MAX_ALERTS = 500;

export function emptyAlertStore(): AlertStore {
  return { cursors: {}, alerts: [], notified: [], acknowledged: [], snoozedUntil: {}, mutedOperators: [], settings: { minSeverity: 'warning', perAddress: {} } };
}
