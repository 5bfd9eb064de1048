// Patches one provider object IN PLACE: its `request`, and the legacy `send` / `sendAsync`, become
// wrappers that call the original with the caller's `this` and arguments. Only eth_sendTransaction
// and wallet_sendCalls wait for the checker; every other call returns the original's own result
// (same promise, no extra tick). Idempotent: a function that is already one of our wrappers is never
// wrapped again, so re-patching after a wallet reassigned its methods is safe.
import { INTERCEPTED_METHODS, type InterceptedMethod } from '../parse-wallet-request.js';
import type { Checker } from './create-checker.js';
import { userRejectedError } from './user-rejected-error.js';

type Fn = (...args: unknown[]) => unknown;
type Callback = (error: unknown, response?: unknown) => void;

const LEGACY_AND_MODERN = ['request', 'send', 'sendAsync'] as const;

export interface ProviderPatcher {
  /** Patches what it can; returns the names of methods that exist but could not be replaced. */
  patch(provider: object): string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Page objects may have throwing getters: a read that fails means "not something we intercept". */
function read(obj: unknown, key: string): unknown {
  try {
    return isObject(obj) ? obj[key] : undefined;
  } catch {
    return undefined;
  }
}

const intercepted = (method: unknown): method is InterceptedMethod =>
  typeof method === 'string' && (INTERCEPTED_METHODS as readonly string[]).includes(method);

/**
 * Module-wide, so a second guard installed in the same realm (a re-injected script) does not wrap
 * our own wrappers again and show two dialogs for one transaction.
 */
const wrappers = new WeakSet<Fn>();

export function createProviderPatcher(checker: Checker, isActive: () => boolean): ProviderPatcher {

  /** Promise-returning forms: request(args) and send(method, params). */
  function guarded(provider: object, method: InterceptedMethod, params: unknown, via: 'request' | 'send', forward: () => unknown): Promise<unknown> {
    return checker.check(method, params, via, provider).then((decision) => {
      if (decision === 'cancel') throw userRejectedError();
      return forward();
    });
  }

  /** Callback forms: send(payload, cb) and sendAsync(payload, cb); payload may be a batch. */
  function guardedCallback(provider: object, payload: unknown, callback: Callback, via: 'send' | 'sendAsync', forward: () => unknown): void {
    const items = Array.isArray(payload) ? payload : [payload];
    const checked = items.filter((p) => intercepted(read(p, 'method')));
    const run = async () => {
      for (const p of checked) {
        if ((await checker.check(read(p, 'method') as InterceptedMethod, read(p, 'params'), via, provider)) === 'cancel') {
          const error = userRejectedError();
          const response = (p2: unknown) => ({ id: read(p2, 'id'), jsonrpc: '2.0', error: { code: error.code, message: error.message } });
          callback(error, Array.isArray(payload) ? items.map(response) : response(payload));
          return;
        }
      }
      try {
        forward();
      } catch (error) {
        callback(error);
      }
    };
    void run();
  }

  const makeWrapper: Record<(typeof LEGACY_AND_MODERN)[number], (provider: object, original: Fn) => Fn> = {
    request: (provider, original) => function (this: unknown, ...args: unknown[]) {
      const method = read(args[0], 'method');
      if (!isActive() || !intercepted(method)) return Reflect.apply(original, this, args);
      return guarded(provider, method, read(args[0], 'params'), 'request', () => Reflect.apply(original, this, args));
    },
    send: (provider, original) => function (this: unknown, ...args: unknown[]) {
      const [first, second] = args;
      if (isActive() && typeof first === 'string' && intercepted(first)) {
        return guarded(provider, first, second, 'send', () => Reflect.apply(original, this, args));
      }
      if (isActive() && typeof second === 'function' && isObject(first)) {
        const batch = Array.isArray(first) ? first : [first];
        if (batch.some((p) => intercepted(read(p, 'method')))) {
          return guardedCallback(provider, first, second as Callback, 'send', () => Reflect.apply(original, this, args));
        }
      }
      // Everything else, including the synchronous send(payload) form, is the original call.
      return Reflect.apply(original, this, args);
    },
    sendAsync: (provider, original) => function (this: unknown, ...args: unknown[]) {
      const [payload, callback] = args;
      if (isActive() && typeof callback === 'function' && isObject(payload)) {
        const batch = Array.isArray(payload) ? payload : [payload];
        if (batch.some((p) => intercepted(read(p, 'method')))) {
          return guardedCallback(provider, payload, callback as Callback, 'sendAsync', () => Reflect.apply(original, this, args));
        }
      }
      return Reflect.apply(original, this, args);
    },
  };

  /** true = patched or already ours, false = could not replace, null = no such method. */
  function patchMethod(provider: object, name: (typeof LEGACY_AND_MODERN)[number]): boolean | null {
    const current = read(provider, name);
    if (typeof current !== 'function') return null;
    if (wrappers.has(current as Fn)) return true;
    const wrapper = makeWrapper[name](provider, current as Fn);
    wrappers.add(wrapper);
    const own = Object.getOwnPropertyDescriptor(provider, name);
    let ok: boolean;
    try {
      ok = own && !('value' in own)
        // An accessor: go through its setter (a wallet that defines one expects it to be used).
        ? Reflect.set(provider, name, wrapper)
        // A data property, own or inherited (class method): an own property shadows the prototype's.
        : Reflect.defineProperty(provider, name, {
          value: wrapper,
          writable: own?.writable ?? true,
          enumerable: own?.enumerable ?? false,
          configurable: own?.configurable ?? true,
        });
    } catch {
      ok = false; // a Proxy trap may throw
    }
    return ok && read(provider, name) === wrapper;
  }

  return {
    patch(provider) {
      const failed: string[] = [];
      for (const name of LEGACY_AND_MODERN) if (patchMethod(provider, name) === false) failed.push(name);
      return failed;
    },
  };
}
