// A fetch wrapper that counts HTTP requests and the JSON-RPC calls inside them (a batch is one
// HTTP request carrying many calls), by method.
export interface FetchCounter {
  fetch: typeof fetch;
  http: number;
  rpc: number;
  byMethod: Map<string, number>;
  reset(): void;
}

export function countingFetch(inner: typeof fetch = fetch): FetchCounter {
  const counter: FetchCounter = {
    http: 0,
    rpc: 0,
    byMethod: new Map(),
    reset() {
      counter.http = 0;
      counter.rpc = 0;
      counter.byMethod.clear();
    },
    fetch: async (input, init) => {
      counter.http++;
      try {
        const body = JSON.parse(String(init?.body ?? 'null')) as { method?: string } | { method?: string }[];
        for (const call of Array.isArray(body) ? body : [body]) {
          counter.rpc++;
          const m = call?.method ?? '?';
          counter.byMethod.set(m, (counter.byMethod.get(m) ?? 0) + 1);
        }
      } catch {
        /* not JSON-RPC */
      }
      return inner(input, init);
    },
  };
  return counter;
}
