// The bridge parser against honest and hostile input: forged verdicts without the secret, replayed
// or retargeted messages, oversized and malformed payloads, extra fields, wrong direction and origin.
import { describe, expect, it } from 'vitest';
import { createRequestId, encodeBridgeMessage, isOwnWindowMessage, parseBridgeMessage } from './bridge-codec.js';
import { bridgeMac, createBridgeSecret } from './bridge-secret.js';
import { LIMITS, type InterceptMessage } from './schema.js';

const secret = createBridgeSecret();
const other = createBridgeSecret();
const id = createRequestId();
const ORIGIN = 'https://app.example.org';
const intercept: InterceptMessage = {
  v: 1, kind: 'intercept', id, origin: ORIGIN, method: 'eth_sendTransaction', chainId: 1,
  calls: [{ to: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A', data: '0xda8be864', value: '0x0', from: '0x2222222222222222222222222222222222222222' }],
};
const toContent = (raw: unknown, origin = ORIGIN) => parseBridgeMessage(raw, secret, { receiver: 'content', origin });
const toMain = (raw: unknown) => parseBridgeMessage(raw, secret, { receiver: 'main' });
const tamper = (raw: string, edit: (o: Record<string, unknown>) => void) => {
  const o = JSON.parse(raw) as Record<string, unknown>;
  edit(o);
  return JSON.stringify(o);
};

describe('honest messages round-trip', () => {
  it('intercept, abandon (to content) and ack, verdict (to main)', () => {
    expect(toContent(encodeBridgeMessage(intercept, secret))).toEqual({ ok: true, message: intercept });
    expect(toContent(encodeBridgeMessage({ v: 1, kind: 'abandon', id }, secret))).toEqual({ ok: true, message: { v: 1, kind: 'abandon', id } });
    expect(toMain(encodeBridgeMessage({ v: 1, kind: 'ack', id }, secret))).toEqual({ ok: true, message: { v: 1, kind: 'ack', id } });
    for (const verdict of ['proceed', 'cancel', 'unavailable'] as const) {
      expect(toMain(encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict }, secret))).toEqual({ ok: true, message: { v: 1, kind: 'verdict', id, verdict } });
    }
  });

  it('a wallet_sendCalls intercept with several calls and no chain id', () => {
    const m: InterceptMessage = { ...intercept, method: 'wallet_sendCalls', chainId: null, calls: [intercept.calls[0]!, { to: null, data: '0x', value: '0x1' }] };
    expect(toContent(encodeBridgeMessage(m, secret))).toEqual({ ok: true, message: m });
  });
});

describe('forgery: a page without the secret', () => {
  const proceed = { v: 1, kind: 'verdict', id, verdict: 'proceed' };

  it('a proceed without a MAC, with a made-up MAC, or signed with another secret is ignored', () => {
    expect(toMain(JSON.stringify(proceed))).toMatchObject({ ok: false, reason: 'bad-schema:keys' });
    expect(toMain(JSON.stringify({ ...proceed, mac: `0x${'ab'.repeat(32)}` }))).toMatchObject({ ok: false, reason: 'bad-mac' });
    expect(toMain(encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict: 'proceed' }, other))).toMatchObject({ ok: false, reason: 'bad-mac' });
  });

  it('a seen cancel cannot be turned into a proceed, nor moved to another request id', () => {
    const cancel = encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict: 'cancel' }, secret);
    expect(toMain(tamper(cancel, (o) => { o.verdict = 'proceed'; }))).toMatchObject({ ok: false, reason: 'bad-mac' });
    expect(toMain(tamper(cancel, (o) => { o.id = createRequestId(); }))).toMatchObject({ ok: false, reason: 'bad-mac' });
  });

  it('an intercept whose calldata was swapped after signing is rejected', () => {
    const raw = encodeBridgeMessage(intercept, secret);
    expect(toContent(tamper(raw, (o) => { (o.calls as { data: string }[])[0]!.data = '0xdeadbeef'; }))).toMatchObject({ ok: false, reason: 'bad-mac' });
  });

  it('the secret cannot be empty or guessed-short on the receiving side', () => {
    const raw = JSON.stringify({ ...proceed, mac: bridgeMac('', JSON.stringify([1, 'verdict', id, 'proceed'])) });
    expect(parseBridgeMessage(raw, '', { receiver: 'main' })).toMatchObject({ ok: false, reason: 'no-secret' });
  });
});

describe('direction and origin', () => {
  it("our own outgoing messages are not accepted as incoming (reflection)", () => {
    expect(toMain(encodeBridgeMessage(intercept, secret))).toMatchObject({ ok: false, reason: 'wrong-direction' });
    expect(toContent(encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict: 'proceed' }, secret))).toMatchObject({ ok: false, reason: 'wrong-direction' });
  });

  it('an intercept for another origin (e.g. an iframe relaying) is rejected by the content side', () => {
    expect(toContent(encodeBridgeMessage(intercept, secret), 'https://evil.example')).toMatchObject({ ok: false, reason: 'wrong-origin' });
  });

  it('postMessage transport: only this window, from its own origin', () => {
    const win = { location: { origin: ORIGIN } };
    expect(isOwnWindowMessage({ source: win, origin: ORIGIN }, win)).toBe(true);
    expect(isOwnWindowMessage({ source: {}, origin: ORIGIN }, win)).toBe(false);
    expect(isOwnWindowMessage({ source: win, origin: 'null' }, win)).toBe(false);
  });
});

describe('hostile shapes', () => {
  const signed = (m: object) => encodeBridgeMessage(m as never, secret);
  const cases: [string, unknown, string][] = [
    ['an object instead of text (getters, proxies)', { v: 1, kind: 'verdict', id, verdict: 'proceed', get mac() { throw new Error('trap'); } }, 'not-a-string'],
    ['oversized text', 'x'.repeat(LIMITS.maxMessageChars + 1), 'too-large'],
    ['not JSON', '{"v":1,', 'bad-json'],
    ['JSON array', '[1,2]', 'bad-schema:root'],
    ['unknown version', signed({ ...intercept, v: 2 }), 'bad-schema:version'],
    ['id not 32 hex', signed({ ...intercept, id: '../../x' }), 'bad-schema:id'],
    ['unknown kind', signed({ v: 1, kind: 'settings', id }), 'bad-schema:kind'],
    ['a verdict leaking extra fields (addresses, amounts)', signed({ v: 1, kind: 'verdict', id, verdict: 'cancel', tracked: ['0x2222222222222222222222222222222222222222'] }), 'bad-schema:keys'],
    ['unknown verdict', signed({ v: 1, kind: 'verdict', id, verdict: 'allow-all' }), 'bad-schema:verdict'],
    ['__proto__ key', `{"v":1,"kind":"ack","id":"${id}","__proto__":{"x":1},"mac":"0x${'0'.repeat(64)}"}`, 'bad-schema:keys'],
    ['method not intercepted', signed({ ...intercept, method: 'eth_sign' }), 'bad-schema:method'],
    ['origin with a path', signed({ ...intercept, origin: `${ORIGIN}/x` }), 'bad-schema:origin'],
    ['chain id not an integer', signed({ ...intercept, chainId: 1.5 }), 'bad-schema:chainId'],
    ['no calls', signed({ ...intercept, calls: [] }), 'bad-schema:calls'],
    ['too many calls', signed({ ...intercept, calls: Array(LIMITS.maxCalls + 1).fill(intercept.calls[0]) }), 'bad-schema:calls'],
    ['calldata not hex', signed({ ...intercept, calls: [{ ...intercept.calls[0], data: '0xzz' }] }), 'bad-schema:calls'],
    ['calldata too large', signed({ ...intercept, calls: [{ ...intercept.calls[0], data: `0x${'00'.repeat(LIMITS.maxCalldataBytes + 1)}` }] }), 'bad-schema:calls'],
    ['value not a quantity', signed({ ...intercept, calls: [{ ...intercept.calls[0], value: '0x00' }] }), 'bad-schema:calls'],
    ['bad address', signed({ ...intercept, calls: [{ ...intercept.calls[0], to: '0x1234' }] }), 'bad-schema:calls'],
    ['extra call field', signed({ ...intercept, calls: [{ ...intercept.calls[0], gas: '0x1' }] }), 'bad-schema:calls'],
  ];
  for (const [name, input, reason] of cases) {
    // The schema is checked before the direction, so one receiver serves every case.
    it(name, () => expect(toMain(input)).toEqual({ ok: false, reason }));
  }
});
