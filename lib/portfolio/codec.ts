// Snapshot <-> JSON. JSON has no bigint, so amounts travel as decimal strings (documented in
// docs/schema.md). Decoding is schema-checked: storage and files are untrusted input.
import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { RestakeError } from '../errors/errors.js';
import type { AddressSnapshot, Asset, Exposure, Position, ProtocolFailure, ProtocolId, Snapshot, Withdrawal } from './types.js';

export class InvalidSnapshotError extends RestakeError {
  override name = 'InvalidSnapshotError';
}

/** JSON.stringify replacer: bigint -> decimal string. */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function snapshotToJson(snapshot: Snapshot, space?: number): string {
  return JSON.stringify(snapshot, bigintReplacer, space);
}

/** The plain-JSON form (bigints as strings), e.g. for storage. */
export function snapshotToPlain(snapshot: Snapshot): unknown {
  return JSON.parse(snapshotToJson(snapshot));
}

type Obj = Record<string, unknown>;
const fail = (path: string, what: string): never => {
  throw new InvalidSnapshotError(`snapshot ${path}: ${what}`);
};
const obj = (v: unknown, p: string): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : fail(p, 'expected an object'));
const arr = (v: unknown, p: string): unknown[] => (Array.isArray(v) ? v : fail(p, 'expected an array'));
const str = (v: unknown, p: string): string => (typeof v === 'string' ? v : fail(p, 'expected a string'));
const num = (v: unknown, p: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : fail(p, 'expected a number'));
const bool = (v: unknown, p: string): boolean => (typeof v === 'boolean' ? v : fail(p, 'expected a boolean'));
const big = (v: unknown, p: string): bigint =>
  typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : typeof v === 'bigint' ? v : fail(p, 'expected an integer string');
const addr = (v: unknown, p: string): Address => (typeof v === 'string' && isAddress(v, { strict: false }) ? getAddress(v) : fail(p, 'expected an address'));
const addrOrNull = (v: unknown, p: string): Address | null => (v === null ? null : addr(v, p));
const hex = (v: unknown, p: string): Hex => (typeof v === 'string' && isHex(v) ? v : fail(p, 'expected hex'));
const PROTOCOLS: readonly ProtocolId[] = ['eigenlayer', 'symbiotic', 'karak'];
const protocol = (v: unknown, p: string): ProtocolId => (PROTOCOLS.includes(v as ProtocolId) ? (v as ProtocolId) : fail(p, 'unknown protocol'));
const optional = <T>(o: Obj, k: string, f: (v: unknown, p: string) => T, p: string): T | undefined => (o[k] === undefined ? undefined : f(o[k], `${p}.${k}`));

function asset(v: unknown, p: string): Asset {
  const o = obj(v, p);
  return { address: addrOrNull(o.address, `${p}.address`), symbol: str(o.symbol, `${p}.symbol`), decimals: num(o.decimals, `${p}.decimals`) };
}

function position(v: unknown, p: string): Position {
  const o = obj(v, p);
  const out: Position = {
    protocol: protocol(o.protocol, `${p}.protocol`),
    operator: addrOrNull(o.operator, `${p}.operator`),
    asset: asset(o.asset, `${p}.asset`),
    amount: big(o.amount, `${p}.amount`),
  };
  const strategy = optional(o, 'strategy', addr, p);
  if (strategy) out.strategy = strategy;
  const depositShares = optional(o, 'depositShares', big, p);
  if (depositShares !== undefined) out.depositShares = depositShares;
  const withdrawableShares = optional(o, 'withdrawableShares', big, p);
  if (withdrawableShares !== undefined) out.withdrawableShares = withdrawableShares;
  return out;
}

function withdrawal(v: unknown, p: string): Withdrawal {
  const o = obj(v, p);
  const out: Withdrawal = {
    protocol: protocol(o.protocol, `${p}.protocol`),
    id: hex(o.id, `${p}.id`),
    operator: addrOrNull(o.operator, `${p}.operator`),
    asset: asset(o.asset, `${p}.asset`),
    amount: big(o.amount, `${p}.amount`),
    startBlock: big(o.startBlock, `${p}.startBlock`),
    completableAtBlock: big(o.completableAtBlock, `${p}.completableAtBlock`),
    completable: bool(o.completable, `${p}.completable`),
    slashable: bool(o.slashable, `${p}.slashable`),
  };
  const strategy = optional(o, 'strategy', addr, p);
  if (strategy) out.strategy = strategy;
  return out;
}

function exposure(v: unknown, p: string): Exposure {
  const o = obj(v, p);
  const pending = o.pending === null ? null : obj(o.pending, `${p}.pending`);
  const out: Exposure = {
    protocol: protocol(o.protocol, `${p}.protocol`),
    operator: addr(o.operator, `${p}.operator`),
    service: addr(o.service, `${p}.service`),
    serviceSetId: num(o.serviceSetId, `${p}.serviceSetId`),
    asset: asset(o.asset, `${p}.asset`),
    slashableAmount: big(o.slashableAmount, `${p}.slashableAmount`),
    slashableShares: big(o.slashableShares, `${p}.slashableShares`),
    currentMagnitude: big(o.currentMagnitude, `${p}.currentMagnitude`),
    maxMagnitude: big(o.maxMagnitude, `${p}.maxMagnitude`),
    pending: pending && { diff: big(pending.diff, `${p}.pending.diff`), effectBlock: big(pending.effectBlock, `${p}.pending.effectBlock`) },
    redistributes: bool(o.redistributes, `${p}.redistributes`),
    slasher: addrOrNull(o.slasher, `${p}.slasher`),
  };
  const strategy = optional(o, 'strategy', addr, p);
  if (strategy) out.strategy = strategy;
  return out;
}

function failure(v: unknown, p: string): ProtocolFailure {
  const o = obj(v, p);
  return { protocol: protocol(o.protocol, `${p}.protocol`), message: str(o.message, `${p}.message`) };
}

function addressSnapshot(v: unknown, p: string): AddressSnapshot {
  const o = obj(v, p);
  return {
    address: addr(o.address, `${p}.address`),
    positions: arr(o.positions, `${p}.positions`).map((x, i) => position(x, `${p}.positions[${i}]`)),
    withdrawals: arr(o.withdrawals, `${p}.withdrawals`).map((x, i) => withdrawal(x, `${p}.withdrawals[${i}]`)),
    exposures: arr(o.exposures, `${p}.exposures`).map((x, i) => exposure(x, `${p}.exposures[${i}]`)),
    failures: arr(o.failures, `${p}.failures`).map((x, i) => failure(x, `${p}.failures[${i}]`)),
  };
}

/** Parses the plain-JSON form back into a Snapshot; throws InvalidSnapshotError naming the bad field. */
export function snapshotFromPlain(value: unknown): Snapshot {
  const o = obj(value, '$');
  if (o.schemaVersion !== 1) fail('$.schemaVersion', 'unsupported version');
  return {
    schemaVersion: 1,
    chainId: num(o.chainId, '$.chainId'),
    blockNumber: big(o.blockNumber, '$.blockNumber'),
    blockTimestamp: num(o.blockTimestamp, '$.blockTimestamp'),
    fetchedAt: num(o.fetchedAt, '$.fetchedAt'),
    addresses: arr(o.addresses, '$.addresses').map((x, i) => addressSnapshot(x, `$.addresses[${i}]`)),
  };
}

export function snapshotFromJson(text: string): Snapshot {
  return snapshotFromPlain(JSON.parse(text));
}
