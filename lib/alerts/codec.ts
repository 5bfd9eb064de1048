// Alert <-> plain JSON (bigints as decimal strings, as lib/portfolio/codec.ts does for snapshots).
// Decoding validates every field: stored alerts are untrusted input.
import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { RestakeError } from '../errors/errors.js';
import { bigintReplacer } from '../portfolio/codec.js';
import type { Alert, AlertAsset, AlertKind } from './types.js';

export class InvalidAlertError extends RestakeError {
  override name = 'InvalidAlertError';
}

const KINDS: readonly AlertKind[] = [
  'slash', 'beacon-slash', 'allocation-raised', 'new-operator-set', 'slasher-scheduled', 'redistribution-set',
  'force-undelegated', 'slash-requested', 'slash-vetoed', 'slash-cancelled', 'limit-raised', 'service-added',
  'rewards-claimable',
];

export function alertToPlain(alert: Alert): Record<string, unknown> {
  return JSON.parse(JSON.stringify(alert, bigintReplacer)) as Record<string, unknown>;
}

export function alertsToJson(alerts: readonly Alert[], space?: number): string {
  return JSON.stringify(alerts, bigintReplacer, space);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function reader(v: Record<string, unknown>, where: string) {
  const fail = (key: string, what: string): never => {
    throw new InvalidAlertError(`${where}.${key}: ${what}`);
  };
  const r = {
    str: (k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : fail(k, 'expected a string')),
    num: (k: string): number => (typeof v[k] === 'number' && Number.isSafeInteger(v[k]) ? (v[k] as number) : fail(k, 'expected an integer')),
    big: (k: string): bigint => (typeof v[k] === 'string' && /^-?\d+$/.test(v[k] as string) ? BigInt(v[k] as string) : fail(k, 'expected an integer string')),
    addr: (k: string): Address => (typeof v[k] === 'string' && isAddress(v[k] as string, { strict: false }) ? getAddress(v[k] as string) : fail(k, 'expected an address')),
    addrOrNull: (k: string): Address | null => (v[k] === null ? null : r.addr(k)),
    hex: (k: string): Hex => (typeof v[k] === 'string' && isHex(v[k]) ? (v[k] as Hex) : fail(k, 'expected hex')),
    oneOf: <T extends string>(k: string, list: readonly T[]): T => (list.includes(v[k] as T) ? (v[k] as T) : fail(k, `expected one of ${list.join(', ')}`)),
    has: (k: string) => v[k] !== undefined,
  };
  return r;
}

function assetFromPlain(v: unknown, where: string): AlertAsset {
  if (!isObj(v)) throw new InvalidAlertError(`${where}: expected an object`);
  const r = reader(v, where);
  if (!isObj(v.asset)) throw new InvalidAlertError(`${where}.asset: expected an object`);
  const a = reader(v.asset, `${where}.asset`);
  const out: AlertAsset = {
    asset: { address: a.addrOrNull('address'), symbol: a.str('symbol'), decimals: a.num('decimals') },
    source: r.oneOf('source', ['position', 'withdrawal', 'rewards'] as const),
  };
  if (r.has('strategy')) out.strategy = r.addr('strategy');
  if (r.has('amountLost')) out.amountLost = r.big('amountLost');
  if (r.has('amountAtRisk')) out.amountAtRisk = r.big('amountAtRisk');
  if (r.has('sharesLost')) out.sharesLost = r.big('sharesLost');
  if (r.has('amountClaimable')) out.amountClaimable = r.big('amountClaimable');
  return out;
}

/** Throws InvalidAlertError naming the bad field. */
export function alertFromPlain(v: unknown, where = 'alert'): Alert {
  if (!isObj(v)) throw new InvalidAlertError(`${where}: expected an object`);
  const r = reader(v, where);
  if (!Array.isArray(v.assets)) throw new InvalidAlertError(`${where}.assets: expected an array`);
  const alert: Alert = {
    id: r.str('id'),
    eventId: r.str('eventId'),
    chainId: r.num('chainId'),
    protocol: r.oneOf('protocol', ['eigenlayer', 'symbiotic', 'karak'] as const),
    kind: r.oneOf('kind', KINDS),
    severity: r.oneOf('severity', ['critical', 'warning', 'info'] as const),
    address: r.addr('address'),
    operator: r.addrOrNull('operator'),
    service: r.addrOrNull('service'),
    setId: v.setId === null ? null : r.num('setId'),
    assets: v.assets.map((x, i) => assetFromPlain(x, `${where}.assets[${i}]`)),
    blockNumber: r.big('blockNumber'),
    blockHash: r.hex('blockHash'),
    txHash: r.hex('txHash'),
    logIndex: r.num('logIndex'),
    timestamp: r.num('timestamp'),
    status: r.oneOf('status', ['unconfirmed', 'confirmed', 'retracted'] as const),
    title: r.str('title'),
    sentence: r.str('sentence'),
  };
  if (r.has('wasNotified')) alert.wasNotified = v.wasNotified === true;
  if (r.has('effectBlock')) alert.effectBlock = r.big('effectBlock');
  if (r.has('canExitBefore')) alert.canExitBefore = v.canExitBefore === true;
  if (r.has('vetoDeadline')) alert.vetoDeadline = r.num('vetoDeadline');
  if (r.has('effectTime')) alert.effectTime = r.num('effectTime');
  if (r.has('slasher')) alert.slasher = r.addr('slasher');
  if (r.has('redistributionRecipient')) alert.redistributionRecipient = r.addr('redistributionRecipient');
  return alert;
}

export function alertsFromJson(text: string): Alert[] {
  const v = JSON.parse(text) as unknown;
  if (!Array.isArray(v)) throw new InvalidAlertError('alerts: expected an array');
  return v.map((x, i) => alertFromPlain(x, `alerts[${i}]`));
}
