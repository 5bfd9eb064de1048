import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.js';

describe('token bucket', () => {
  it('allows a burst, then refuses with the wait, then refills over time', () => {
    let t = 0;
    const b = createTokenBucket(3, 2, () => t);
    expect([b.take(), b.take(), b.take()].every((r) => r.ok)).toBe(true);
    expect(b.take()).toEqual({ ok: false, retryMs: 500 });
    t += 500;
    expect(b.take().ok).toBe(true);
    t += 10_000;
    expect(b.take(3).ok).toBe(true);
    expect(b.take(1).ok).toBe(false);
  });
  it('never grants more than its capacity at once', () => {
    const b = createTokenBucket(10, 1, () => 0);
    expect(b.take(11)).toEqual({ ok: false, retryMs: Infinity });
  });
});
