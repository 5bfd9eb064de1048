// `local:alerts` is untrusted on read: each part is validated on its own, a bad alert or cursor is
// dropped (a dropped cursor restarts that chain's scan from its default, never invents alerts) and
// the reasons are reported, so one corrupt entry cannot empty the inbox.
import { getAddress, isAddress } from 'viem';
import { alertFromPlain, alertToPlain } from '../../alerts/codec.js';
import { scanStateFromPlain, type ScanState } from '../../alerts/scan-state.js';
import type { Alert } from '../../alerts/types.js';
import type { Decoded } from '../storage/decoded.js';
import { emptyAlertStore, type AlertStore, type Threshold } from './alert-store.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const THRESHOLDS: readonly Threshold[] = ['critical', 'warning', 'info', 'off'];
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function decodeAlertStore(raw: unknown): Decoded<AlertStore> {
  const store = emptyAlertStore();
  if (raw == null) return { value: store, problems: [] };
  if (!isObj(raw)) return { value: store, problems: ['alerts: not an object, reset'] };
  const problems: string[] = [];
  if (isObj(raw.cursors)) {
    for (const [chain, c] of Object.entries(raw.cursors)) {
      try {
        const s = scanStateFromPlain(c);
        if (String(s.chainId) !== chain) throw new Error('chain id does not match its key');
        store.cursors[chain] = s;
      } catch (e) {
        problems.push(`alerts.cursors[${chain}]: ${(e as Error).message}, dropped`);
      }
    }
  }
  const seen = new Set<string>();
  (Array.isArray(raw.alerts) ? raw.alerts : []).forEach((a, i) => {
    try {
      const alert = alertFromPlain(a, `alerts.alerts[${i}]`);
      if (!seen.has(alert.id)) store.alerts.push(alert);
      seen.add(alert.id);
    } catch (e) {
      problems.push(`${(e as Error).message}, dropped`);
    }
  });
  store.notified = strings(raw.notified);
  store.acknowledged = strings(raw.acknowledged);
  store.mutedOperators = strings(raw.mutedOperators).filter((a) => isAddress(a, { strict: false })).map((a) => a.toLowerCase());
  if (isObj(raw.snoozedUntil)) for (const [id, t] of Object.entries(raw.snoozedUntil)) if (typeof t === 'number' && Number.isFinite(t)) store.snoozedUntil[id] = t;
  const s = raw.settings;
  if (isObj(s)) {
    if (THRESHOLDS.includes(s.minSeverity as Threshold)) store.settings.minSeverity = s.minSeverity as Threshold;
    else if (s.minSeverity !== undefined) problems.push('alerts.settings.minSeverity: unknown value, using warning');
    if (isObj(s.perAddress)) {
      for (const [a, t] of Object.entries(s.perAddress)) {
        if (isAddress(a, { strict: false }) && THRESHOLDS.includes(t as Threshold)) store.settings.perAddress[getAddress(a)] = t as Threshold;
        else problems.push(`alerts.settings.perAddress[${a}]: dropped`);
      }
    }
  }
  return { value: store, problems };
}

/** The stored (plain JSON) form. */
export function alertStoreToPlain(store: AlertStore): Record<string, unknown> {
  return {
    cursors: store.cursors as Record<string, ScanState>,
    alerts: store.alerts.map((a: Alert) => alertToPlain(a)),
    notified: store.notified,
    acknowledged: store.acknowledged,
    snoozedUntil: store.snoozedUntil,
    mutedOperators: store.mutedOperators,
    settings: store.settings,
  };
}
