// After a chain's positions refresh succeeded: the risk of every entity behind the tracked
// positions (operator, operator sets, vaults, networks, DSSs — storage/risk-entities.ts), assessed
// with the user's thresholds at the snapshot's block -> `local:risk`.
// RPC cost is bounded three ways, because on mainnet the entities can be many and each one's facts
// include full-history log scans: (1) facts are cached per entity (`local:risk-facts`) and re-read
// only after `factsTtlMs`; verdicts are recomputed from cached facts every time, so a threshold
// change costs no RPC; (2) at most `maxReadsPerRefresh` entities are read per refresh, the others
// keep their previous verdict (marked stale) or wait for the next refresh; (3) at most
// `concurrency` entities are read at once.
// A failed read never zeroes anything: the entity keeps its previous facts/verdict marked stale, and
// when every read failed the chain's status is stale with the reason. Unknown stays unknown.
import type { LaneContext } from './lane-context.js';
import { createChainClient } from '../../chains/client.js';
import type { Snapshot } from '../../portfolio/types.js';
import { EMPTY_REGISTRY, type Registry } from '../../registry/registry.js';
import { gatherFacts as defaultGatherFacts } from '../../risk/assess.js';
import type { EntityRef } from '../../risk/entity.js';
import type { EntityFacts } from '../../risk/facts/entity-facts.js';
import type { RiskContext } from '../../risk/gather/context.js';
import { parseThresholds } from '../../risk/thresholds.js';
import { verdict } from '../../risk/verdict.js';
import { errorInfo } from '../messages.js';
import { deploymentsFingerprint } from '../storage/discovery-item.js';
import { failedStatus, type RefreshStatus } from '../storage/portfolio.js';
import { chainRisk, type EntityRisk } from '../storage/risk.js';
import { positionRiskEntities, riskEntityKey } from '../storage/risk-entities.js';
import { loadRiskFacts, saveRiskFacts, type CachedFacts } from '../storage/risk-facts-item.js';
import { loadRisk, saveRisk } from '../storage/risk-item.js';
import { verdictToStored } from '../storage/risk-verdict.js';

export interface RiskRefreshDeps {
  /** Facts older than this are read again (0 = every refresh, for fast-alarm builds). */
  factsTtlMs: number;
  maxReadsPerRefresh?: number;
  concurrency?: number;
  /** Names only; the background may leave it empty to keep the worker small. */
  registry?: Registry;
  /** Injected in tests; defaults to lib/risk's gatherers. */
  gatherFacts?: (ctx: RiskContext, entity: EntityRef) => Promise<EntityFacts>;
}

export const DEFAULT_MAX_READS = 40;
export const DEFAULT_CONCURRENCY = 4;

/** The unique entities of every tracked address's positions in this snapshot. */
export function snapshotRiskEntities(snapshot: Snapshot): Map<string, EntityRef> {
  const out = new Map<string, EntityRef>();
  for (const a of snapshot.addresses) for (const p of a.positions) for (const e of positionRiskEntities(p, a.exposures)) out.set(riskEntityKey(e), e);
  return out;
}

export async function refreshChainRisk(
  deps: RiskRefreshDeps,
  ctx: LaneContext,
): Promise<RefreshStatus> {
  const { settings, config, snapshot, serialize, now } = ctx;
  const id = String(config.chainId);
  const attemptAt = now();
  // Stored overrides were validated when saved; re-parsed anyway (defaults for anything invalid).
  const { thresholds, errors } = parseThresholds(settings.risk.thresholds);
  if (errors.length) console.warn('[risk] stored thresholds partly invalid, defaults used for:', errors);
  const fingerprint = deploymentsFingerprint(config.deployments);
  const wanted = snapshotRiskEntities(snapshot);
  const cached = await serialize(() => loadRiskFacts(config.chainId, fingerprint));
  const previous = chainRisk(await serialize(loadRisk), config.chainId);

  const due = [...wanted.keys()].filter((k) => !cached.has(k) || attemptAt - cached.get(k)!.at >= deps.factsTtlMs);
  // Never-read entities first, then the oldest facts: the budget goes where it is most needed.
  due.sort((a, b) => (cached.get(a)?.at ?? -1) - (cached.get(b)?.at ?? -1));
  const toRead = due.slice(0, deps.maxReadsPerRefresh ?? DEFAULT_MAX_READS);
  const failures = new Map<string, string>();
  if (toRead.length > 0) {
    const riskCtx: RiskContext = {
      client: createChainClient(config),
      deployments: config.deployments,
      blockNumber: snapshot.blockNumber,
      blockTimestamp: snapshot.blockTimestamp,
      batch: true,
      cache: ctx.cache,
      registry: deps.registry ?? EMPTY_REGISTRY,
    };
    const gather = deps.gatherFacts ?? defaultGatherFacts;
    await pool(toRead, deps.concurrency ?? DEFAULT_CONCURRENCY, async (key) => {
      try {
        cached.set(key, { at: now(), facts: await gather(riskCtx, wanted.get(key)!) });
      } catch (e) {
        failures.set(key, errorInfo(e).message.split('\n')[0]!.slice(0, 300));
      }
    });
  }

  const entities: Record<string, EntityRisk> = {};
  for (const [key, ref] of wanted) {
    const c: CachedFacts | undefined = cached.get(key);
    const before = previous.entities[key];
    const failed = failures.get(key);
    const waiting = !c && !failed;
    if (c) {
      // Stale when this refresh tried to read it and failed, or the facts are past their TTL (budget).
      const stale = failed !== undefined || attemptAt - c.at >= deps.factsTtlMs;
      entities[key] = { entity: plainRef(ref), block: c.facts.block.toString(), assessedAt: c.at, verdict: verdictToStored(verdict(c.facts, thresholds)), stale, ...(failed ? { error: failed } : {}) };
    } else {
      // No facts: keep the previous verdict (made with the thresholds of its time) marked stale, or none.
      const error = failed ?? (waiting ? 'not read yet: waiting for the next refresh (read budget per refresh)' : undefined);
      entities[key] = { entity: plainRef(ref), block: before?.block ?? null, assessedAt: before?.assessedAt ?? null, verdict: before?.verdict ?? null, stale: before?.verdict != null, ...(error ? { error } : {}) };
    }
  }

  const allFailed = toRead.length > 0 && failures.size === toRead.length;
  const status: RefreshStatus = allFailed
    ? failedStatus(previous.status, previous.status.lastSuccessAt !== null || Object.keys(previous.entities).length > 0, attemptAt, { name: 'RiskReadError', message: `Risk could not be read: ${failures.values().next().value}` })
    : { state: 'fresh', lastAttemptAt: attemptAt, lastSuccessAt: now() };

  await serialize(async () => {
    const store = await loadRisk();
    store.chains[id] = { status, block: snapshot.blockNumber.toString(), entities };
    await saveRisk(store);
    // Only entities still behind a position are kept; the bound is enforced inside.
    const keep = new Map([...cached].filter(([k]) => wanted.has(k)));
    await saveRiskFacts(config.chainId, fingerprint, keep).catch((e) => console.warn(`[risk] facts cache of chain ${id} not saved:`, e));
  });
  return status;
}

const plainRef = (e: EntityRef): EntityRisk['entity'] => ({ kind: e.kind, address: e.address, ...(e.kind === 'eigenlayer-operator-set' ? { operatorSetId: e.operatorSetId ?? 0 } : {}) });

/** Runs `task` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}
