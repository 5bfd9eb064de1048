// `local:alerts`, versioned. Only the background imports this module (importing runs migrations,
// i.e. writes); pages read the raw key with decodeAlertStore.
import { storage } from 'wxt/utils/storage';
import { ALERT_STORE_VERSION, type AlertStore } from './alert-store.js';
import { alertStoreToPlain, decodeAlertStore } from './decode-alert-store.js';
import { ALERT_STORE_MIGRATIONS } from './migrations/index.js';

export const ALERTS_KEY = 'local:alerts' as const;

export const alertStoreItem = storage.defineItem<unknown>(ALERTS_KEY, { version: ALERT_STORE_VERSION, migrations: ALERT_STORE_MIGRATIONS });

export async function loadAlertStore(): Promise<AlertStore> {
  const { value, problems } = decodeAlertStore(await alertStoreItem.getValue());
  if (problems.length) console.warn('[alerts] stored inbox repaired on read:', problems);
  return value;
}

/** One write per scan chunk: cursor and alerts together, so a killed worker never splits them. */
export async function saveAlertStore(store: AlertStore): Promise<void> {
  await alertStoreItem.setValue(alertStoreToPlain(store));
}
