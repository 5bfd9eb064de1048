// `local:settings`, versioned. Migrations run when this module is imported, so only the background
// imports it (the background is the only writer); pages read the raw key (read-settings.ts).
import { storage } from 'wxt/utils/storage';
import { decodeSettings } from './decode-settings.js';
import { migrateSettingsTo2 } from './migrations/settings-002.js';
import { migrateSettingsTo3 } from './migrations/settings-003.js';
import { SETTINGS_VERSION, type Settings } from './settings.js';

export const SETTINGS_KEY = 'local:settings' as const;

export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY, {
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsTo2, 3: (v2: unknown) => migrateSettingsTo3(v2) },
});

/** Current settings, validated; bad stored data yields defaults plus a logged reason. */
export async function loadSettings(): Promise<Settings> {
  const { value, problems } = decodeSettings(await settingsItem.getValue());
  if (problems.length) console.warn('[settings] stored settings repaired on read:', problems);
  return value;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}
