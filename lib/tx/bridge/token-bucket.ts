// A token bucket for intercept messages on the content side: a page that fires transactions in a
// loop must not be able to stack dialogs or flood the background. Over the limit the content script
// answers 'unavailable' (the wallet still asks the user) instead of queueing.
export interface TokenBucket {
  /** Takes `cost` tokens if there are that many; false (and nothing taken) otherwise. */
  take(cost?: number): boolean;
}

export function createTokenBucket(options: { capacity: number; refillPerSecond: number; now?: () => number }): TokenBucket {
  const now = options.now ?? Date.now;
  let tokens = options.capacity;
  let last = now();
  return {
    take(cost = 1) {
      const t = now();
      // A clock that goes backwards (system time change) refills nothing rather than a negative amount.
      tokens = Math.min(options.capacity, tokens + (Math.max(0, t - last) / 1000) * options.refillPerSecond);
      last = t;
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
  };
}
