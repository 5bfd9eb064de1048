// A fetch wrapper that counts HTTP requests and the JSON-RPC calls inside them (a batch is one
// HTTP request carrying many calls), by method.
export interface FetchCounter {
  fetch: typeof fetch;
  http: number;
  rpc: number;
  /** Bytes of request bodies sent and response bodies received. */
  sent: number;
  received: number;
  byMethod: Map<string, number>;
  reset(): void;
}

export function countingFetch(inner: typeof fetch = fetch): FetchCounter {
  const counter: FetchCounter = {
    http: 0,
    rpc: 0,
    sent: 0,
    received: 0,
    byMethod: new Map(),
    reset() {
      counter.http = 0;
      counter.rpc = 0;
      counter.sent = 0;
      counter.received = 0;
      counter.byMethod.clear();
    },
    fetch: async (input, init) => {
      counter.http++;
      counter.sent += String(init?.body ?? '').length;
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
      const response = await inner(input, init);
      counter.received += (await response.clone().arrayBuffer()).byteLength;
      return response;
    },
  };
  return counter;
}
