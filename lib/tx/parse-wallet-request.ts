// Turns the two intercepted JSON-RPC requests into plain calls, without trusting their shape:
// eth_sendTransaction params [{ from, to, data | input, value, chainId? }] and EIP-5792
// wallet_sendCalls params [{ version, chainId, from?, calls: [{ to?, data?, value? }] }].
// Anything malformed -> null: the guard then passes the request through and the wallet judges it.
import { getAddress, hexToBigInt, isAddress, isHex, type Address, type Hex } from 'viem';

export type InterceptedMethod = 'eth_sendTransaction' | 'wallet_sendCalls';
export const INTERCEPTED_METHODS: readonly InterceptedMethod[] = ['eth_sendTransaction', 'wallet_sendCalls'];

export interface UnsignedCall {
  to: Address | null;
  data: Hex;
  value: bigint;
  from?: Address;
}

export interface ParsedWalletRequest {
  method: InterceptedMethod;
  /** From the request when it says; null means "ask the provider (eth_chainId)". */
  chainId: number | null;
  calls: UnsignedCall[];
}

/** EIP-5792 puts no bound on calls; a page-sized batch beyond this is not analysed (passes through). */
export const MAX_CALLS = 64;

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : null);

function quantity(v: unknown): bigint | null {
  if (v === undefined || v === null) return 0n;
  if (typeof v === 'bigint') return v >= 0n ? v : null;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? BigInt(v) : null;
  if (typeof v === 'string' && isHex(v, { strict: true }) && v.length > 2 && v.length <= 66) return hexToBigInt(v);
  return null;
}

function chainIdOf(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return null;
  const q = quantity(v);
  if (q === null || q <= 0n || q > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(q);
}

function call(raw: unknown, fallbackFrom?: Address): UnsignedCall | null {
  const c = obj(raw);
  if (!c) return null;
  const to = c.to === undefined || c.to === null ? null : typeof c.to === 'string' && isAddress(c.to, { strict: false }) ? getAddress(c.to) : undefined;
  const dataRaw = c.data ?? c.input ?? '0x';
  const value = quantity(c.value);
  if (to === undefined || typeof dataRaw !== 'string' || !isHex(dataRaw, { strict: true }) || dataRaw.length % 2 !== 0 || value === null) return null;
  const from = typeof c.from === 'string' && isAddress(c.from, { strict: false }) ? getAddress(c.from) : fallbackFrom;
  return { to, data: dataRaw.toLowerCase() as Hex, value, ...(from ? { from } : {}) };
}

export function parseWalletRequest(request: unknown): ParsedWalletRequest | null {
  const r = obj(request);
  if (!r || !Array.isArray(r.params)) return null;
  const first = obj(r.params[0]);
  if (!first) return null;
  if (r.method === 'eth_sendTransaction') {
    const chainId = chainIdOf(first.chainId);
    const c = call(first);
    return c && chainId !== undefined ? { method: 'eth_sendTransaction', chainId, calls: [c] } : null;
  }
  if (r.method === 'wallet_sendCalls') {
    const chainId = chainIdOf(first.chainId);
    if (chainId === undefined || !Array.isArray(first.calls) || first.calls.length === 0 || first.calls.length > MAX_CALLS) return null;
    const from = typeof first.from === 'string' && isAddress(first.from, { strict: false }) ? getAddress(first.from) : undefined;
    const calls: UnsignedCall[] = [];
    for (const raw of first.calls) {
      const c = call(raw, from);
      if (!c) return null;
      calls.push(c);
    }
    return { method: 'wallet_sendCalls', chainId, calls };
  }
  return null;
}
