// Messages between the main-world guard and the isolated content script (docs/tx-guard.md, "Bridge").
// On the wire each is one JSON string; every message carries a MAC keyed by the per-page secret.
// Replies to the main world carry a verdict and nothing else: no tracked address, no amount, no
// risk text (the dialog with those lives in the content script's closed shadow root).
import type { Address, Hex } from 'viem';
import type { InterceptedMethod } from '../parse-wallet-request.js';

export const BRIDGE_VERSION = 1;

/** main -> content: a transaction to check. */
export interface InterceptMessage {
  v: 1; kind: 'intercept'; id: string;
  /** The page's origin as the main world sees it; must equal the content script's own. */
  origin: string;
  method: InterceptedMethod;
  chainId: number | null;
  calls: BridgeCall[];
}
export interface BridgeCall { to: Address | null; data: Hex; value: Hex; from?: Address }
/** main -> content: the guard stopped waiting (timeout); close the dialog, the request went through. */
export interface AbandonMessage { v: 1; kind: 'abandon'; id: string }
/** content -> main: the dialog is on screen, the user decides (lifts the analysis timeout). */
export interface AckMessage { v: 1; kind: 'ack'; id: string }
/** content -> main: the only answer there is. 'unavailable' = the check could not run (guard off, background down, rate limited). */
export interface VerdictMessage { v: 1; kind: 'verdict'; id: string; verdict: BridgeVerdict }
export type BridgeVerdict = 'proceed' | 'cancel' | 'unavailable';

export type ToContentMessage = InterceptMessage | AbandonMessage;
export type ToMainMessage = AckMessage | VerdictMessage;
export type BridgeMessage = ToContentMessage | ToMainMessage;

export const LIMITS = {
  /** Raw message text, in UTF-16 code units. Big enough for a 64-call batch of ordinary calldata. */
  maxMessageChars: 512 * 1024,
  maxCalls: 64,
  /** Per call, in bytes of calldata. */
  maxCalldataBytes: 64 * 1024,
  maxOriginChars: 512,
} as const;

export const RECEIVER_KINDS = {
  content: ['intercept', 'abandon'],
  main: ['ack', 'verdict'],
} as const satisfies Record<'content' | 'main', readonly BridgeMessage['kind'][]>;
