// Background side of the annotator: address (+ optional operator set / kind hint) -> an answer
// graded by the same engine as the popup, on the chains the user enabled (first chain where the
// address is an entity wins), else registry-only facts for mainnet registry entries. Answers are
// cached per (entity, site protocol) with a TTL; failures are cached briefly so a dead RPC is not
// hammered, and they say "unknown" with the reason, never "low".
import type { Address } from 'viem';
import type { Registry } from '../registry/registry.js';
import type { RegistryKind } from '../registry/types.js';
import type { Assessment } from '../risk/assess.js';
import type { EntityKind, EntityRef, ResolvedEntity } from '../risk/entity.js';
import type { RiskContext } from '../risk/gather/context.js';
import type { Thresholds } from '../risk/thresholds.js';
import { isExposed, type ExposureIndex } from './exposure-index.js';
import { explorerUrl } from './explorer-links.js';
import type { EntityAnswer } from './protocol.js';
import { protocolOfKind, type SiteProtocol } from './sites.js';
import { answerFromAssessment, noneAnswer, unknownAnswer, type BaseAnswer } from './to-answer.js';

export interface GradeRequest {
  a: string;
  set?: number;
  /** From the page URL's pattern (background-derived, never from the page). */
  kind?: EntityKind | null;
}

export interface GradeServiceDeps {
  /** Enabled chain ids in display order, and the user's thresholds. */
  config(): Promise<{ chainIds: number[]; thresholds: Thresholds }>;
  /** A context pinned to a recent block; rejects when the chain cannot be read (RPC down, bad settings). */
  context(chainId: number): Promise<RiskContext>;
  exposure(chainId: number): Promise<ExposureIndex>;
  registry(): Registry;
  resolve(ctx: RiskContext, address: string): Promise<ResolvedEntity[]>;
  assess(ctx: RiskContext, entity: EntityRef, options: { thresholds: Thresholds }): Promise<Assessment>;
  chainName?(chainId: number): string;
  now?(): number;
  ttlMs?: number;
  failureTtlMs?: number;
  maxEntries?: number;
  concurrency?: number;
}

const REGISTRY_KINDS: Partial<Record<RegistryKind, EntityKind>> = {
  'eigenlayer-avs': 'eigenlayer-avs', 'eigenlayer-operator': 'eigenlayer-operator',
  'symbiotic-vault': 'symbiotic-vault', 'symbiotic-network': 'symbiotic-network', 'symbiotic-operator': 'symbiotic-operator',
  'karak-dss': 'karak-dss',
};

const errorText = (e: unknown) => (e instanceof Error ? (e as { shortMessage?: string }).shortMessage ?? e.message : String(e)).slice(0, 200);

/** The entity an address means here: the operator set a link names, the URL's kind, the site's protocol, else the first match. */
export function chooseEntity(found: readonly ResolvedEntity[], req: GradeRequest, prefer: SiteProtocol): EntityRef | null {
  const address = found[0]?.address;
  if (!address) return null;
  if (req.set !== undefined || req.kind === 'eigenlayer-operator-set') {
    return found.some((e) => e.kind === 'eigenlayer-avs') ? { kind: 'eigenlayer-operator-set', address, operatorSetId: req.set ?? 0 } : null;
  }
  const pick = (req.kind && found.find((e) => e.kind === req.kind)) || (prefer && found.find((e) => protocolOfKind(e.kind) === prefer)) || found[0]!;
  return { kind: pick.kind, address: pick.address };
}

export function createGradeService(deps: GradeServiceDeps) {
  const now = deps.now ?? Date.now;
  const ttl = deps.ttlMs ?? 5 * 60_000;
  const failureTtl = deps.failureTtlMs ?? 15_000;
  const maxEntries = deps.maxEntries ?? 2_000;
  const cache = new Map<string, { at: number; ttl: number; answer: Promise<BaseAnswer> }>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const limit = deps.concurrency ?? 8;

  async function slot<T>(f: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await f();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  async function compute(req: GradeRequest, prefer: SiteProtocol, chainIds: number[], thresholds: Thresholds): Promise<{ answer: BaseAnswer; failed: boolean }> {
    const failures: string[] = [];
    for (const chainId of chainIds) {
      let ctx: RiskContext;
      let found: ResolvedEntity[];
      try {
        ctx = await deps.context(chainId);
        found = await deps.resolve(ctx, req.a);
      } catch (e) {
        failures.push(`chain ${chainId} could not be read (${errorText(e)})`);
        continue;
      }
      const entity = chooseEntity(found, req, prefer);
      if (!entity) continue;
      const name = found[0]?.registry?.name ?? null;
      try {
        const assessment = await deps.assess(ctx, entity, { thresholds });
        return { answer: answerFromAssessment(req.a, req.set, chainId, assessment, name), failed: false };
      } catch (e) {
        return { answer: unknownAnswer(req.a, req.set, entity.kind, chainId, name, `its facts could not be read on chain ${chainId} (${errorText(e)})`), failed: true };
      }
    }
    // Not an entity on any readable enabled chain: the bundled (mainnet) registry may still name it.
    const entry = deps.registry().lookup(req.a, 1).find((e) => REGISTRY_KINDS[e.kind]);
    const why = failures.length ? failures.join('; ') : chainIds.includes(1) ? 'the registry lists it, but it was not found on chain' : 'Ethereum mainnet is not enabled, so only the registry entry is known';
    if (entry) {
      const kind = req.set !== undefined && entry.kind === 'eigenlayer-avs' ? 'eigenlayer-operator-set' : REGISTRY_KINDS[entry.kind]!;
      const evidence = [{ label: `registry: ${entry.origin}`.slice(0, 200), url: explorerUrl(1, { address: entry.address }) }];
      return { answer: { ...unknownAnswer(req.a, req.set, kind, 1, entry.name, why, evidence) }, failed: failures.length > 0 };
    }
    // The URL says what it is but the chain could not be read: unknown, with the reason.
    if (req.kind && failures.length) return { answer: unknownAnswer(req.a, req.set, req.kind, chainIds[0] ?? null, null, why), failed: true };
    return { answer: noneAnswer(req.a, req.set), failed: failures.length > 0 };
  }

  function prune(t: number) {
    for (const [k, v] of cache) if (t - v.at > v.ttl) cache.delete(k);
    // Still too many (a page spraying addresses): drop the oldest.
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  }

  return {
    /** One answer per request, in order, with `exposed` computed now from the stored snapshot. */
    async answer(reqs: readonly GradeRequest[], prefer: SiteProtocol): Promise<EntityAnswer[]> {
      const { chainIds, thresholds } = await deps.config();
      const t = now();
      if (cache.size > maxEntries) prune(t);
      const bases = reqs.map((req) => {
        const key = `${req.a}/${req.set ?? ''}/${req.kind ?? ''}/${prefer ?? ''}`;
        const hit = cache.get(key);
        if (hit && t - hit.at <= hit.ttl) return hit.answer;
        const entry = { at: t, ttl, answer: Promise.resolve(null as unknown as BaseAnswer) };
        entry.answer = slot(() => compute(req, prefer, chainIds, thresholds)).then(
          ({ answer, failed }) => {
            if (failed) entry.ttl = failureTtl;
            return answer;
          },
          (e: unknown) => {
            // Not cached: an unexpected failure is retried on the next request.
            cache.delete(key);
            throw e;
          },
        );
        cache.set(key, entry);
        return entry.answer;
      });
      const answers = await Promise.all(bases);
      const indexes = new Map<number, ExposureIndex>();
      const out: EntityAnswer[] = [];
      for (const base of answers) {
        let exposed = false;
        if (base.kind !== 'none' && base.chainId !== null) {
          if (!indexes.has(base.chainId)) indexes.set(base.chainId, await deps.exposure(base.chainId).catch(() => new Set<string>()));
          exposed = isExposed(indexes.get(base.chainId)!, base.kind, base.a, base.set);
        }
        out.push({ ...base, exposed });
      }
      return out;
    },
    /** Settings changed (thresholds, chains, RPCs): every cached grade may be wrong. */
    clear() {
      cache.clear();
    },
    get size() {
      return cache.size;
    },
  };
}

export type GradeService = ReturnType<typeof createGradeService>;
export type { Address };
