// The main-world client end to end with the guard: a fake content side holding the secret answers
// over a string channel; a hostile page posting on the same channel cannot make a Proceed.
import { describe, expect, it, vi } from 'vitest';
import { installProviderGuard } from '../guard/install-provider-guard.js';
import { TX, fakeProvider, fakeWindow } from '../guard/testing-fakes.js';
import { createBridgeClient } from './bridge-client.js';
import { encodeBridgeMessage, parseBridgeMessage } from './bridge-codec.js';
import { createBridgeSecret } from './bridge-secret.js';
import type { BridgeVerdict, InterceptMessage } from './schema.js';

const ORIGIN = 'https://app.example.org';

function setup(answer: (m: InterceptMessage, reply: (kind: 'ack' | BridgeVerdict) => void) => void, timeoutMs = 1000) {
  const secret = createBridgeSecret();
  const toContent: string[] = [];
  const client = createBridgeClient({
    secret, origin: ORIGIN,
    post: (raw) => {
      toContent.push(raw);
      const parsed = parseBridgeMessage(raw, secret, { receiver: 'content', origin: ORIGIN });
      if (!parsed.ok || parsed.message.kind !== 'intercept') return;
      const m = parsed.message;
      const reply = (kind: 'ack' | BridgeVerdict) => queueMicrotask(() => client.receive(
        encodeBridgeMessage(kind === 'ack' ? { v: 1, kind: 'ack', id: m.id } : { v: 1, kind: 'verdict', id: m.id, verdict: kind }, secret),
      ));
      answer(m, reply);
    },
  });
  const win = fakeWindow();
  const provider = fakeProvider();
  const chainIdCalls = vi.fn();
  const request = provider.request;
  provider.request = function (this: unknown, args: unknown) {
    if ((args as { method?: string }).method === 'eth_chainId') { chainIdCalls(); return Promise.resolve('0x1'); }
    return request.call(this, args);
  };
  win.ethereum = provider;
  const onGuardFailure = vi.fn();
  installProviderGuard({ window: win, onIntercept: client.onIntercept, timeoutMs, onGuardFailure });
  return { client, provider, toContent, secret, onGuardFailure, chainIdCalls };
}

describe('bridge client with the guard', () => {
  it('sends the calls with the provider chain id; cancel -> 4001', async () => {
    let seen: InterceptMessage | undefined;
    const { provider, chainIdCalls } = setup((m, reply) => { seen = m; reply('cancel'); });
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(chainIdCalls).toHaveBeenCalledTimes(1);
    expect(seen).toMatchObject({ kind: 'intercept', origin: ORIGIN, method: 'eth_sendTransaction', chainId: 1, calls: [{ to: TX.params[0]!.to, data: TX.params[0]!.data, value: '0x0' }] });
  });

  it("'unavailable' forwards the request like a proceed", async () => {
    const { provider } = setup((_m, reply) => reply('unavailable'));
    await expect(provider.request(TX)).resolves.toBe('0xhash');
  });

  it("'ack' lifts the analysis timeout while the user decides", async () => {
    vi.useFakeTimers();
    try {
      let decide!: () => void;
      const { provider, onGuardFailure } = setup((_m, reply) => { reply('ack'); decide = () => reply('proceed'); }, 50);
      const pending = provider.request(TX);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(onGuardFailure).not.toHaveBeenCalled();
      decide();
      await expect(pending).resolves.toBe('0xhash');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a hostile page forging proceed on the channel is ignored; the real cancel still wins', async () => {
    let id = '';
    let replyLater!: () => void;
    const { client, provider } = setup((m, reply) => { id = m.id; replyLater = () => reply('cancel'); });
    const pending = provider.request(TX);
    await vi.waitFor(() => expect(id).not.toBe(''));
    client.receive(JSON.stringify({ v: 1, kind: 'verdict', id, verdict: 'proceed' }));
    client.receive(JSON.stringify({ v: 1, kind: 'verdict', id, verdict: 'proceed', mac: `0x${'00'.repeat(32)}` }));
    client.receive({ v: 1, kind: 'verdict', id, verdict: 'proceed' });
    client.receive(encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict: 'proceed' }, createBridgeSecret()));
    replyLater();
    await expect(pending).rejects.toMatchObject({ code: 4001 });
    expect(provider.seen).toEqual([]);
  });

  it('on timeout the content side is told to abandon the dialog', async () => {
    vi.useFakeTimers();
    try {
      const { provider, toContent, secret } = setup(() => {}, 50);
      const pending = provider.request(TX);
      await vi.advanceTimersByTimeAsync(50);
      await expect(pending).resolves.toBe('0xhash');
      const last = parseBridgeMessage(toContent.at(-1), secret, { receiver: 'content' });
      expect(last).toMatchObject({ ok: true, message: { kind: 'abandon' } });
    } finally {
      vi.useRealTimers();
    }
  });
});
