// What the popup's inbox asks the background to do, as pure store transforms.
import type { Address } from 'viem';
import type { AlertStore, Threshold } from './alert-store.js';

export const acknowledge = (s: AlertStore, ids: readonly string[]): AlertStore => ({ ...s, acknowledged: [...new Set([...s.acknowledged, ...ids])] });

export const snooze = (s: AlertStore, id: string, untilMs: number): AlertStore => ({ ...s, snoozedUntil: { ...s.snoozedUntil, [id]: untilMs } });

export const muteOperator = (s: AlertStore, operator: Address, muted = true): AlertStore => {
  const op = operator.toLowerCase();
  return { ...s, mutedOperators: muted ? [...new Set([...s.mutedOperators, op])] : s.mutedOperators.filter((x) => x !== op) };
};

export const setThreshold = (s: AlertStore, threshold: Threshold, address?: Address): AlertStore =>
  address
    ? { ...s, settings: { ...s.settings, perAddress: { ...s.settings.perAddress, [address]: threshold } } }
    : { ...s, settings: { ...s.settings, minSeverity: threshold } };

/** The address follows the default threshold again. */
export const clearThreshold = (s: AlertStore, address: Address): AlertStore => {
  const perAddress = { ...s.settings.perAddress };
  delete perAddress[address];
  return { ...s, settings: { ...s.settings, perAddress } };
};
