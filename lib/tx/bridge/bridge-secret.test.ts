import { describe, expect, it } from 'vitest';
import { createBridgeSecret, isBridgeSecret, SECRET_ATTRIBUTE, takeBridgeSecret } from './bridge-secret.js';
import { createTokenBucket } from './token-bucket.js';

/** The part of an HTMLScriptElement takeBridgeSecret uses. */
function fakeScript(attrs: Record<string, string>) {
  return {
    attrs,
    getAttribute: (n: string) => attrs[n] ?? null,
    removeAttribute: (n: string) => { delete attrs[n]; },
  };
}

describe('per-page secret', () => {
  it('is 32 random bytes, different each time', () => {
    const a = createBridgeSecret();
    expect(isBridgeSecret(a)).toBe(true);
    expect(a).not.toBe(createBridgeSecret());
  });

  it('is taken from the injected <script> once and removed from the DOM', () => {
    const secret = createBridgeSecret();
    const script = fakeScript({ [SECRET_ATTRIBUTE]: secret, src: 'chrome-extension://x/tx-guard.js' });
    expect(takeBridgeSecret(script)).toBe(secret);
    expect(script.attrs).toEqual({ src: 'chrome-extension://x/tx-guard.js' });
    expect(takeBridgeSecret(script)).toBeNull();
  });

  it('a malformed attribute (a page racing to plant its own) is not accepted, and is removed too', () => {
    const script = fakeScript({ [SECRET_ATTRIBUTE]: 'short' });
    expect(takeBridgeSecret(script)).toBeNull();
    expect(script.attrs).toEqual({});
    expect(takeBridgeSecret(null)).toBeNull();
  });
});

describe('token bucket', () => {
  it('allows a burst up to capacity, then refills at the given rate', () => {
    let t = 0;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 1, now: () => t });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t = 999;
    expect(bucket.take()).toBe(false);
    t = 1000;
    expect(bucket.take()).toBe(true);
    t = 100_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('a clock going backwards refills nothing', () => {
    let t = 10_000;
    const bucket = createTokenBucket({ capacity: 1, refillPerSecond: 1, now: () => t });
    expect(bucket.take()).toBe(true);
    t = 0;
    expect(bucket.take()).toBe(false);
  });
});
