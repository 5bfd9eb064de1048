// Field decoders for Sidecar JSON (grpc-gateway, proto3 JSON mapping). Every value is untrusted:
// each decoder accepts exactly the documented forms and throws SidecarResponseError otherwise.
// - bytes: proto3 JSON writes base64 (reference §1.5; UNCONFIRMED against a live response), and older
//   Sidecar protos used hex strings, so both are accepted. They cannot be confused for whole 32-byte
//   hashes: "0x" + 64k hex chars is 2 mod 4 characters long, base64 of 32m bytes is 0 mod 4.
// - uint256 amounts: decimal strings; int64/uint64 are strings in proto3 JSON, 32-bit ints numbers.
import { bytesToHex, getAddress, isHex, size, type Address, type Hex } from 'viem';
import { SidecarResponseError } from '../../errors/errors.js';

const bad = (field: string, why: string): never => {
  throw new SidecarResponseError(`rewards API field ${field} ${why}; the answer was ignored`);
};

/** bytes as base64 (standard or URL-safe) or 0x-hex; `multipleOf`/`exact` bound the byte length. */
export function sidecarBytes(value: unknown, field: string, opts: { exact?: number; multipleOf?: number; max?: number } = {}): Hex {
  if (typeof value !== 'string') return bad(field, 'is not a string');
  const max = opts.max ?? 64 * 32;
  const fits = (n: number) => (opts.exact === undefined || n === opts.exact) && (opts.multipleOf === undefined || n % opts.multipleOf === 0) && n <= max;
  if (/^0x([0-9a-fA-F]{2})*$/.test(value) && isHex(value) && fits(size(value))) return value.toLowerCase() as Hex;
  if (value.length <= ((max + 2) / 3) * 4 + 4 && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value) && value.length % 4 !== 1) {
    let binary: string;
    try {
      binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      return bad(field, 'is neither 0x-hex nor base64');
    }
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    if (fits(bytes.length)) return bytes.length === 0 ? '0x' : bytesToHex(bytes);
    return bad(field, `has ${bytes.length} bytes, which is not a valid length here`);
  }
  return bad(field, 'is neither 0x-hex nor base64 of a valid length');
}

export function sidecarAddress(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) return bad(field, 'is not an address');
  try {
    return getAddress(value.toLowerCase());
  } catch {
    return bad(field, 'is not an address');
  }
}

/** A uint256 written as a decimal string. */
export function sidecarAmount(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(value)) return bad(field, 'is not a decimal amount');
  const n = BigInt(value);
  if (n >= 2n ** 256n) return bad(field, 'exceeds uint256');
  return n;
}

/** A non-negative integer up to `max`, as a JSON number or a decimal string (64-bit proto ints). */
export function sidecarUint(value: unknown, field: string, max = 2 ** 32 - 1): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^(0|[1-9][0-9]{0,15})$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > max) return bad(field, `is not an integer in [0, ${max}]`);
  return n;
}

/** A google.protobuf.Timestamp (RFC 3339 string) or unix seconds; returns unix seconds. */
export function sidecarTimestamp(value: unknown, field: string): number {
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-9]+$/.test(value))) return sidecarUint(value, field, 2 ** 40);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return Math.floor(ms / 1000);
  }
  return bad(field, 'is not a timestamp');
}

export function sidecarObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad(field, 'is not an object');
  return value as Record<string, unknown>;
}

export function sidecarArray(value: unknown, field: string, maxItems: number): unknown[] {
  if (value === undefined || value === null) return []; // proto3 JSON omits empty repeated fields
  if (!Array.isArray(value)) return bad(field, 'is not an array');
  if (value.length > maxItems) return bad(field, `has more than ${maxItems} items`);
  return value;
}

export function sidecarBool(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false; // proto3 JSON omits false
  if (typeof value !== 'boolean') return bad(field, 'is not a boolean');
  return value;
}
