// Main-world side of the bridge, shaped as the guard's onIntercept: sends an intercept message,
// waits for the verdict, lifts the analysis timeout on 'ack', tells the content side when the guard
// gave up ('abandon'). Transport-agnostic: `post` sends a string, `receive` is fed every string that
// arrives; messages failing parseBridgeMessage are dropped silently (a page may be probing).
import { numberToHex } from 'viem';
import type { InterceptControl, InterceptedRequest, InterceptVerdict } from '../guard/types.js';
import { parseWalletRequest } from '../parse-wallet-request.js';
import { createRequestId, encodeBridgeMessage, parseBridgeMessage } from './bridge-codec.js';
import type { InterceptMessage } from './schema.js';

export interface BridgeClientOptions {
  secret: string;
  /** location.origin of the page. */
  origin: string;
  post(raw: string): void;
}

export interface BridgeClient {
  onIntercept(request: InterceptedRequest, provider: object, control: InterceptControl): Promise<InterceptVerdict>;
  receive(raw: unknown): void;
}

export class BridgeUnreadableRequestError extends Error {
  override name = 'BridgeUnreadableRequestError';
}

/** eth_sendTransaction rarely names its chain: ask the wallet (a read, so the guard passes it straight through). */
async function providerChainId(provider: object): Promise<number | null> {
  try {
    const hex = await (provider as { request(a: { method: string }): Promise<unknown> }).request({ method: 'eth_chainId' });
    const n = typeof hex === 'string' && /^0x[0-9a-f]{1,13}$/i.test(hex) ? Number.parseInt(hex, 16) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

export function createBridgeClient(options: BridgeClientOptions): BridgeClient {
  const pending = new Map<string, { resolve(v: InterceptVerdict): void; control: InterceptControl }>();

  return {
    async onIntercept(request, provider, control) {
      const parsed = parseWalletRequest({ method: request.method, params: request.params });
      // Not a request we can describe: the guard's failure policy forwards it.
      if (!parsed) throw new BridgeUnreadableRequestError(`${request.method} params not understood`);
      const chainId = parsed.chainId ?? await providerChainId(provider);
      const id = createRequestId();
      const message: InterceptMessage = {
        v: 1, kind: 'intercept', id, origin: options.origin, method: parsed.method, chainId,
        calls: parsed.calls.map((c) => ({ to: c.to, data: c.data, value: numberToHex(c.value), ...(c.from ? { from: c.from } : {}) })),
      };
      const verdict = new Promise<InterceptVerdict>((resolve) => pending.set(id, { resolve, control }));
      control.signal.addEventListener('abort', () => {
        if (!pending.delete(id)) return;
        options.post(encodeBridgeMessage({ v: 1, kind: 'abandon', id }, options.secret));
      });
      options.post(encodeBridgeMessage(message, options.secret));
      return verdict;
    },
    receive(raw) {
      const parsed = parseBridgeMessage(raw, options.secret, { receiver: 'main' });
      if (!parsed.ok) return;
      const entry = pending.get(parsed.message.id);
      if (!entry) return;
      if (parsed.message.kind === 'ack') {
        entry.control.awaitingUser();
        return;
      }
      pending.delete(parsed.message.id);
      // 'unavailable': the check could not run; the content side shows its own notice, the wallet asks as usual.
      entry.resolve(parsed.message.verdict === 'cancel' ? 'cancel' : 'proceed');
    },
  };
}
