// Fake EIP-1193 providers and a fake window for the guard tests (Node: EventTarget, no DOM). Test-only.
import { vi } from 'vitest';
import { installProviderGuard } from './install-provider-guard.js';
import type { GuardWindow, InterceptVerdict, ProviderGuardOptions } from './types.js';

export const TX = { method: 'eth_sendTransaction', params: [{ from: '0x2222222222222222222222222222222222222222', to: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A', data: '0xda8be864' }] };

export interface FakeProvider {
  request: (args: unknown) => Promise<unknown>;
  send: (...args: unknown[]) => unknown;
  sendAsync: (payload: unknown, cb: (e: unknown, r?: unknown) => void) => void;
  /** Every call that reached the wallet: which entry point, with which `this` and arguments. */
  seen: { via: string; self: unknown; args: unknown[] }[];
  /** What request() returns, so tests can check identity. */
  result: Promise<unknown>;
}

export function fakeProvider(): FakeProvider {
  const p: FakeProvider = {
    seen: [],
    result: Promise.resolve('0xhash'),
    request(this: unknown, ...args: unknown[]) {
      p.seen.push({ via: 'request', self: this, args });
      return p.result;
    },
    send(this: unknown, ...args: unknown[]) {
      p.seen.push({ via: 'send', self: this, args });
      if (typeof args[0] === 'string') return Promise.resolve('sent');
      const payload = args[0] as { id?: unknown };
      const response = { id: payload.id, jsonrpc: '2.0', result: 'sent' };
      if (typeof args[1] === 'function') (args[1] as (e: unknown, r: unknown) => void)(null, response);
      return response;
    },
    sendAsync(this: unknown, payload: unknown, cb: (e: unknown, r?: unknown) => void) {
      p.seen.push({ via: 'sendAsync', self: this, args: [payload, cb] });
      cb(null, { id: (payload as { id?: unknown }).id, jsonrpc: '2.0', result: 'sent' });
    },
  };
  return p;
}

export const fakeWindow = (): GuardWindow => new EventTarget() as GuardWindow;

/** A guard whose onIntercept answers `verdict` (or a function of the call count). */
export function guardWith(win: GuardWindow, verdict: InterceptVerdict | (() => Promise<InterceptVerdict>), extra: Partial<ProviderGuardOptions> = {}) {
  const onIntercept = vi.fn<ProviderGuardOptions['onIntercept']>(typeof verdict === 'function' ? verdict : async () => verdict);
  const onGuardFailure = vi.fn();
  const onUnpatchable = vi.fn();
  const guard = installProviderGuard({ window: win, onIntercept, timeoutMs: 1000, onGuardFailure, onUnpatchable, ...extra });
  return { guard, onIntercept, onGuardFailure, onUnpatchable };
}

export function announce(win: GuardWindow, provider: object, name = 'Test Wallet') {
  const detail = Object.freeze({ info: Object.freeze({ uuid: crypto.randomUUID(), name, icon: 'data:image/svg+xml,<svg/>', rdns: 'test.wallet' }), provider });
  win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
}
