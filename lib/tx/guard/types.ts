// Interfaces of the provider guard: browser-free so the core runs in Node against fake providers.
// The main-world entrypoint passes the real `window`; tests pass an EventTarget.
import type { InterceptedMethod } from '../parse-wallet-request.js';

/** What the guard needs from `window`: a property bag with events (EIP-6963 travels as window events). */
export type GuardWindow = EventTarget & { ethereum?: unknown };

/** A snapshot of the page's request (deep copy, frozen): the page cannot change what was checked. */
export interface InterceptedRequest {
  method: InterceptedMethod;
  params: unknown;
  /** Which provider entry point the page used. */
  via: 'request' | 'send' | 'sendAsync';
}

export type InterceptVerdict = 'proceed' | 'cancel';

export interface InterceptControl {
  /** Aborted when the guard gave up waiting (timeout): close the dialog, the request was forwarded. */
  signal: AbortSignal;
  /**
   * The dialog is on screen: from now on the user decides, so `timeoutMs` (meant for our own
   * analysis) no longer applies; `userTimeoutMs` does.
   */
  awaitingUser(): void;
}

export type GuardFailureReason =
  | { kind: 'timeout'; method: InterceptedMethod; afterMs: number }
  | { kind: 'error'; method: InterceptedMethod; error: unknown }
  | { kind: 'invalid-verdict'; method: InterceptedMethod; verdict: unknown }
  | { kind: 'unreadable-request'; method: InterceptedMethod; error: unknown }
  /** The page changed the request object while the user was looking at it: rejected (4001). */
  | { kind: 'request-changed'; method: InterceptedMethod };

export interface ProviderGuardOptions {
  window: GuardWindow;
  onIntercept(request: InterceptedRequest, provider: object, control: InterceptControl): Promise<InterceptVerdict>;
  /** Longest wait for a verdict before the dialog is shown; then the request is forwarded. */
  timeoutMs: number;
  /** Longest wait once `awaitingUser()` was called (default 10 minutes); then the request is forwarded. */
  userTimeoutMs?: number;
  /** The check could not run: the request was forwarded (or, for 'request-changed', rejected). */
  onGuardFailure?(reason: GuardFailureReason): void;
  /** A provider whose methods cannot be replaced (frozen, non-writable): left alone, requests unchecked. */
  onUnpatchable?(provider: object, methods: string[]): void;
}

export interface ProviderGuard {
  /** Look at window.ethereum again (after DOMContentLoaded, or a wallet's own initialized event). */
  recheck(): void;
  /** Stop observing; patched providers stay patched but forward everything untouched. */
  stop(): void;
}
