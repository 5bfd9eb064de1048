// Decodes every call of an intercepted request (one for eth_sendTransaction, a list for
// wallet_sendCalls), keeping the position of each call so the dialog can say "call 2 of 3".
import { decodeRestakingTx } from './decode-restaking-tx.js';
import type { KnownTargets } from './known-targets.js';
import { parseWalletRequest, type ParsedWalletRequest, type UnsignedCall } from './parse-wallet-request.js';
import type { DecodedRestakingCall } from './types.js';

export interface DecodedWalletRequest {
  method: ParsedWalletRequest['method'];
  chainId: number;
  calls: { index: number; call: UnsignedCall; decoded: DecodedRestakingCall | null }[];
  /** True when at least one call is a restaking call (else the guard passes the request through). */
  restaking: boolean;
}

/**
 * `fallbackChainId` is the provider's eth_chainId, used when the request does not name a chain
 * (eth_sendTransaction usually does not). Null for requests that cannot be parsed.
 */
export function decodeWalletRequest(request: unknown, known: KnownTargets, fallbackChainId?: number): DecodedWalletRequest | null {
  const parsed = parseWalletRequest(request);
  if (!parsed) return null;
  const chainId = parsed.chainId ?? fallbackChainId;
  if (chainId === undefined) return null;
  const calls = parsed.calls.map((call, index) => ({
    index,
    call,
    decoded: decodeRestakingTx({ chainId, to: call.to, data: call.data, value: call.value, ...(call.from ? { from: call.from } : {}) }, known),
  }));
  return { method: parsed.method, chainId, calls, restaking: calls.some((c) => c.decoded !== null) };
}

/** EIP-5792 wallet_sendCalls params (the JSON-RPC `params` array) -> decoded calls. */
export function decodeWalletSendCalls(params: unknown, known: KnownTargets): DecodedWalletRequest | null {
  return decodeWalletRequest({ method: 'wallet_sendCalls', params }, known);
}
