// Declarative JSON field specs: storage, files and messages are untrusted, so every decoder checks
// each field against a spec and names the bad one. Shared by the portfolio and rewards codecs.
import { getAddress, isAddress, isHex } from 'viem';

export type Kind =
  | 'address' | 'addressOrNull' | 'bigint' | 'number' | 'string' | 'bool' | 'hex' | 'null'
  | { enum: readonly (string | number)[] }
  | { obj: Spec; nullable?: true }
  | { arr: Kind }
  | { oneOf: readonly Kind[] };
export type Spec = Record<string, Kind | { optional: Kind }>;

export const opt = (k: Kind) => ({ optional: k });

/** Decodes `v` against `kind`; `error` builds the thrown error from "path: what was expected". */
export function decodeSpec(kind: Kind, v: unknown, p: string, error: (message: string) => Error): unknown {
  const fail = (what: string): never => {
    throw error(`${p}: ${what}`);
  };
  if (typeof kind === 'string') {
    switch (kind) {
      case 'address':
        return typeof v === 'string' && isAddress(v, { strict: false }) ? getAddress(v) : fail('expected an address');
      case 'addressOrNull':
        return v === null ? null : decodeSpec('address', v, p, error);
      case 'bigint':
        return typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : typeof v === 'bigint' ? v : fail('expected an integer string');
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) ? v : fail('expected a number');
      case 'string':
        return typeof v === 'string' ? v : fail('expected a string');
      case 'bool':
        return typeof v === 'boolean' ? v : fail('expected a boolean');
      case 'null':
        return v === null ? null : fail('expected null');
      case 'hex':
        return typeof v === 'string' && isHex(v) ? v : fail('expected hex');
    }
  }
  if ('enum' in kind) return kind.enum.includes(v as never) ? v : fail(`expected one of ${kind.enum.join(', ')}`);
  if ('arr' in kind) return (Array.isArray(v) ? v : fail('expected an array')).map((x, i) => decodeSpec(kind.arr, x, `${p}[${i}]`, error));
  if ('oneOf' in kind) {
    const reasons: string[] = [];
    for (const k of kind.oneOf) {
      try {
        return decodeSpec(k, v, p, error);
      } catch (e) {
        reasons.push((e as Error).message);
      }
    }
    return fail(`matches no variant (${reasons.join(' | ')})`);
  }
  if (kind.nullable && v === null) return null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('expected an object');
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(kind.obj)) {
    const value = (v as Record<string, unknown>)[key];
    if (typeof field === 'object' && 'optional' in field) {
      if (value !== undefined) out[key] = decodeSpec(field.optional, value, `${p}.${key}`, error);
    } else out[key] = decodeSpec(field, value, `${p}.${key}`, error);
  }
  return out;
}
