// Per-tab rate limit for the untrusted annotator channel: a hostile page can make its content
// script ask for many addresses, and every new one costs RPC reads in the background.
export interface TokenBucket {
  /** Takes `n` tokens if available; otherwise returns the ms until they would be. */
  take(n?: number): { ok: true } | { ok: false; retryMs: number };
}

export function createTokenBucket(capacity: number, refillPerSecond: number, now: () => number = Date.now): TokenBucket {
  let tokens = capacity;
  let last = now();
  return {
    take(n = 1) {
      const t = now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * refillPerSecond);
      last = t;
      if (n > capacity) return { ok: false, retryMs: Infinity };
      if (tokens >= n) {
        tokens -= n;
        return { ok: true };
      }
      return { ok: false, retryMs: Math.ceil(((n - tokens) / refillPerSecond) * 1000) };
    },
  };
}
