// viem client for one chain: a fallback list of RPC URLs, each with a timeout and retries with
// backoff (viem's http transport retries 429/5xx and timeouts), JSON-RPC batching, and the chain's
// Multicall3. `batch: false` builds the naive client the benchmark compares against.
import { createPublicClient, defineChain, fallback, http, type PublicClient } from 'viem';
import type { Deployments } from './deployments.js';

export interface ChainClientOptions {
  chainId: number;
  rpcUrls: readonly string[];
  deployments: Deployments;
  /** JSON-RPC batching (one HTTP request per round of reads). Default true. */
  batch?: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retryCount?: number;
}

export function createChainClient(options: ChainClientOptions): PublicClient {
  const { chainId, rpcUrls, deployments, batch = true, timeoutMs = 10_000, retryCount = 2 } = options;
  if (rpcUrls.length === 0) throw new TypeError('createChainClient: at least one RPC URL is required');
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [...rpcUrls] } },
    contracts: { multicall3: { address: deployments.multicall3 } },
  });
  const transports = rpcUrls.map((url) =>
    http(url, {
      // Batching needs no wait: every round issues its calls in the same tick.
      batch: batch ? { batchSize: 1_000, wait: 0 } : false,
      timeout: timeoutMs,
      retryCount,
      retryDelay: 250,
      ...(options.fetch ? { fetchFn: options.fetch } : {}),
    }),
  );
  const transport = transports.length === 1 ? transports[0]! : fallback(transports, { retryCount: 0 });
  // cacheTime 0: a refresh must see the newest block, not a cached number.
  return createPublicClient({ chain, transport, cacheTime: 0 }) as PublicClient;
}
