// `local:history`: the bounded per-address value history behind the popup's chart (lib/rewards/history.ts).
import { storage } from 'wxt/utils/storage';
import { decodeHistory, type History } from '../../rewards/history.js';

export const HISTORY_KEY = 'local:history' as const;

export const historyItem = storage.defineItem<unknown>(HISTORY_KEY, { version: 1 });

export async function loadHistory(): Promise<History> {
  return decodeHistory(await historyItem.getValue());
}

export async function saveHistory(history: History): Promise<void> {
  await historyItem.setValue(history);
}

/** Removing an address removes everything kept about it. */
export async function forgetAddressHistory(address: string): Promise<void> {
  const history = await loadHistory();
  for (const chain of Object.values(history)) for (const key of Object.keys(chain)) if (key.toLowerCase() === address.toLowerCase()) delete chain[key];
  await saveHistory(history);
}
