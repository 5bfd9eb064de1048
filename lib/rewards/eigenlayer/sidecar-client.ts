// HTTP client for the EigenLayer Sidecar public API (reference §1.5). Opt-in: it reveals the earner
// address to the API operator. Answers are untrusted: bodies are capped (1 MB), requests time out,
// every field is validated (parse-sidecar-responses.ts), and claim proofs are only believed after
// verify-claim-proof.ts checks them against the root on chain.
import { getAddress, type Address } from 'viem';
import { SidecarNotFoundError, SidecarResponseError, SidecarUnavailableError } from '../../errors/errors.js';
import type { SidecarSettings } from '../context.js';
import {
  parseClaimProofResponse, parseDistributionRootsResponse, parseHealthResponse, parseSummarizedRewardsResponse,
  type SidecarClaimProof, type SidecarDistributionRoot, type SidecarSummarizedReward,
} from './parse-sidecar-responses.js';

export const SIDECAR_MAX_BODY_BYTES = 1_000_000;
export const SIDECAR_DEFAULT_TIMEOUT_MS = 10_000;
/** Suggested default (eigenlayer-cli's SidecarHttpRpcURL); the user must still turn the API on. */
export const SIDECAR_MAINNET_URL = 'https://sidecar-rpc.eigenlayer.xyz/mainnet';

export interface SidecarClient {
  health(): Promise<{ status: string | null }>;
  summarizedRewards(earner: Address): Promise<SidecarSummarizedReward[]>;
  distributionRoots(): Promise<SidecarDistributionRoot[]>;
  /** Omit `rootIndex` for the latest active root; empty `tokens` = every token. */
  claimProof(req: { earnerAddress: Address; tokens?: readonly Address[]; rootIndex?: number }): Promise<SidecarClaimProof>;
}

/** Reads at most `limit` bytes; a longer body is refused without reading the rest. */
async function readCapped(res: Response, limit: number, signal: AbortSignal): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new SidecarResponseError(`rewards API answer is ${declared} bytes, over the ${limit}-byte limit`);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (signal.aborted) throw new SidecarUnavailableError('rewards API timed out while sending its answer');
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new SidecarResponseError(`rewards API answer exceeds the ${limit}-byte limit`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

export function createSidecarClient(settings: SidecarSettings): SidecarClient {
  const base = settings.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) throw new SidecarUnavailableError(`rewards API URL must start with http:// or https:// (got ${base.slice(0, 80)})`);
  const doFetch = settings.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = settings.timeoutMs ?? SIDECAR_DEFAULT_TIMEOUT_MS;

  async function request(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          method: init.method,
          headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: controller.signal,
          credentials: 'omit',
          redirect: 'error',
        });
      } catch (cause) {
        const what = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : 'could not be reached';
        throw new SidecarUnavailableError(`rewards API ${what} (${init.method} ${path}); check the URL or turn the API off`, undefined, { cause });
      }
      const text = await readCapped(res, SIDECAR_MAX_BODY_BYTES, controller.signal);
      if (res.status === 404) throw new SidecarNotFoundError(`rewards API has nothing for ${path}`);
      if (res.status >= 500 || res.status === 429) throw new SidecarUnavailableError(`rewards API answered HTTP ${res.status} (${init.method} ${path})`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SidecarResponseError(`rewards API answered HTTP ${res.status} with something that is not JSON`);
      }
      // grpc-gateway errors carry {code, message}; code 5 = NOT_FOUND.
      const code = (json as { code?: unknown } | null)?.code;
      if (!res.ok) {
        if (code === 5) throw new SidecarNotFoundError(`rewards API has nothing for ${path}`);
        throw new SidecarResponseError(`rewards API refused ${init.method} ${path} with HTTP ${res.status}`);
      }
      return json;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    health: async () => parseHealthResponse(await request('/v1/health', { method: 'GET' })),
    summarizedRewards: async (earner) =>
      parseSummarizedRewardsResponse(await request(`/rewards/v1/earners/${getAddress(earner)}/summarized-rewards`, { method: 'GET' })),
    distributionRoots: async () => parseDistributionRootsResponse(await request('/rewards/v1/distribution-roots', { method: 'GET' })),
    claimProof: async ({ earnerAddress, tokens, rootIndex }) => {
      const body: Record<string, unknown> = { earnerAddress: getAddress(earnerAddress), tokens: (tokens ?? []).map((t) => getAddress(t)) };
      if (rootIndex !== undefined) body.rootIndex = rootIndex;
      return parseClaimProofResponse(await request('/rewards/v1/claim-proof', { method: 'POST', body }));
    },
  };
}
