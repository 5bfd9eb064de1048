// The alert scanner for one chain: from a persisted cursor, fetch the watched logs in adaptive
// chunks, let each protocol's detector turn them into alerts for the tracked addresses, and keep
// the alerts honest about the chain: unconfirmed above the finalized block, confirmed at or below,
// retracted when a reorg removes the log. The state is plain JSON handed to `onChunk` after every
// chunk, so the caller can persist it with that chunk's alerts in one write: a worker killed
// mid-scan resumes from the last persisted chunk, and a chunk redone after a kill yields the same
// ids (the inbox dedupes by id), so nothing is lost and nothing is notified twice.
import type { Address, Block, Log, PublicClient } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import { alertFromPlain, alertToPlain } from './codec.js';
import { onChunkSuccess } from './chunk-size.js';
import type { AlertDetector, DetectContext } from './detector.js';
import { fetchLogsChunk, mergeFilters } from './fetch-logs.js';
import { findForkPoint } from './find-fork.js';
import { detectorsFor } from './registry.js';
import { RECENT_WINDOW, type ScanState } from './scan-state.js';
import type { Alert } from './types.js';

export interface ScanDeps {
  client: PublicClient;
  deployments: Deployments;
  addresses: readonly Address[];
  /** Default: every registered detector that supports the deployments. */
  detectors?: readonly AlertDetector[];
  /** Persist here: called after every chunk with the state and that chunk's alert changes. */
  onChunk?: (step: ScanResult) => Promise<void> | void;
  /** Stop after this many chunks (call again to continue); default: until the head. */
  maxChunks?: number;
}

export interface ScanResult {
  state: ScanState;
  /** Alerts never returned before by this state's history. */
  newAlerts: Alert[];
  /** Alerts returned before whose status or block changed (confirmed, retracted, re-included). */
  changedAlerts: Alert[];
  /** The scan reached the head it saw. */
  done: boolean;
  head: bigint;
  finalized: bigint;
}

export async function scanOnce(input: ScanState, deps: ScanDeps): Promise<ScanResult> {
  const { client, deployments } = deps;
  if (input.chainId !== deployments.chainId) throw new TypeError(`scan state is for chain ${input.chainId}, deployments for ${deployments.chainId}`);
  const state: ScanState = structuredClone(input);
  const open = new Map<string, Alert>(state.open.map((p) => [String(p.id), alertFromPlain(p)]));
  const suspect = new Set(state.suspect);
  const detectors = deps.detectors ?? detectorsFor(deployments);
  const filter = mergeFilters(detectors.map((d) => d.filter(deployments)));

  // One batched round: head, finalized, and the newest recorded block's current hash.
  const tip = state.recent.at(-1);
  const [headNumber, finalizedBlock, tipHash] = await Promise.all([
    client.getBlockNumber({ cacheTime: 0 }),
    client.getBlock({ blockTag: 'finalized' }).catch(() => null),
    tip ? client.getBlock({ blockNumber: BigInt(tip.number) }).then((b) => b.hash, (e: { name?: string }) => (e.name === 'BlockNotFoundError' ? null : Promise.reject(e))) : undefined,
  ]);
  const head = Number(headNumber);
  // Without a finalized tag, a block RECENT_WINDOW deep counts as final.
  const finalized = Math.min(head, finalizedBlock?.number != null ? Number(finalizedBlock.number) : head - RECENT_WINDOW);

  const fork = await findForkPoint(client, state.recent, tipHash);
  if (fork !== null) {
    state.nextBlock = Math.min(state.nextBlock, fork);
    state.recent = state.recent.filter((b) => b.number < fork);
    for (const a of open.values()) if (a.status !== 'retracted' && a.blockNumber >= BigInt(fork)) suspect.add(a.id);
  }

  const timestamps = new Map<bigint, number>();
  const ctx: DetectContext = {
    client, chainId: deployments.chainId, deployments, addresses: deps.addresses, head: headNumber,
    async blockTimestamp(n) {
      let t = timestamps.get(n);
      if (t === undefined) {
        t = Number((await client.getBlock({ blockNumber: n })).timestamp);
        timestamps.set(n, t);
      }
      return t;
    },
  };

  const total: ScanResult = { state, newAlerts: [], changedAlerts: [], done: false, head: headNumber, finalized: BigInt(finalized) };
  const statusFor = (block: bigint): Alert['status'] => (block <= BigInt(finalized) ? 'confirmed' : 'unconfirmed');

  /** Confirmation, retraction of unfound suspects (once caught up), pruning; then hand the step out. */
  const checkpoint = async (stepNew: Alert[], stepChanged: Map<string, Alert>) => {
    for (const a of open.values()) {
      if (a.status === 'unconfirmed' && !suspect.has(a.id) && a.blockNumber <= BigInt(finalized)) {
        const c = { ...a, status: 'confirmed' as const };
        open.set(a.id, c);
        if (!stepNew.some((n) => n.id === a.id)) stepChanged.set(a.id, c);
        else stepNew.splice(stepNew.findIndex((n) => n.id === a.id), 1, c);
      }
    }
    const caughtUp = state.nextBlock > head;
    if (caughtUp) {
      for (const id of suspect) {
        const a = open.get(id);
        if (!a) continue;
        // Kept (retracted) while its block is in the window: if the tx is re-included, the same id
        // comes back as a change, never as a second alert.
        const r = { ...a, status: 'retracted' as const };
        open.set(id, r);
        stepChanged.set(id, r);
      }
      suspect.clear();
    }
    const oldestRecent = state.recent[0]?.number ?? state.nextBlock;
    for (const a of open.values()) if (a.status !== 'unconfirmed' && a.blockNumber < BigInt(oldestRecent) && !suspect.has(a.id)) open.delete(a.id);
    state.open = [...open.values()].map(alertToPlain);
    state.suspect = [...suspect];
    const step: ScanResult = { ...total, state: structuredClone(state), newAlerts: stepNew, changedAlerts: [...stepChanged.values()], done: caughtUp };
    total.newAlerts.push(...stepNew);
    for (const c of step.changedAlerts) {
      const i = total.newAlerts.findIndex((n) => n.id === c.id);
      if (i >= 0) total.newAlerts[i] = c;
      else {
        const j = total.changedAlerts.findIndex((n) => n.id === c.id);
        if (j >= 0) total.changedAlerts[j] = c;
        else total.changedAlerts.push(c);
      }
    }
    total.done = caughtUp;
    await deps.onChunk?.(step);
  };

  let chunks = 0;
  const maxChunks = deps.maxChunks ?? Infinity;
  while (state.nextBlock <= head && chunks < maxChunks) {
    chunks++;
    const fetched = await fetchLogsChunk(client, filter, state.nextBlock, head, state.chunk);
    // Headers of the blocks near the head: kept for the next reorg check and to cross-check logs.
    const lo = Math.max(fetched.fromBlock, head - RECENT_WINDOW + 1);
    const headers: Block[] = await Promise.all(Array.from({ length: Math.max(0, fetched.toBlock - lo + 1) }, (_, i) => client.getBlock({ blockNumber: BigInt(lo + i) })));
    const hashOf = new Map(headers.map((h) => [Number(h.number), h.hash]));
    for (const h of headers) timestamps.set(h.number!, Number(h.timestamp));
    const inconsistent = fetched.logs.some((l) => {
      const h = hashOf.get(Number(l.blockNumber));
      return h !== undefined && h !== l.blockHash;
    }) || headers.some((h, i) => i > 0 && h.parentHash !== headers[i - 1]!.hash);
    if (inconsistent) break; // the chain moved under us; the next scan's reorg check sorts it out

    const stepNew: Alert[] = [];
    const stepChanged = new Map<string, Alert>();
    const seen = new Set<string>();
    for (const detector of detectors) {
      const f = detector.filter(deployments);
      const addrs = new Set(f.addresses.map((a) => a.toLowerCase()));
      const topics = new Set(f.topics.map((t) => t.toLowerCase()));
      const mine: Log[] = fetched.logs.filter((l) => (f.anyAddress || addrs.has(l.address.toLowerCase())) && topics.has((l.topics[0] ?? '').toLowerCase()));
      if (mine.length === 0) continue;
      for (const d of await detector.detect(ctx, mine)) {
        if (seen.has(d.id)) continue;
        seen.add(d.id);
        const alert: Alert = { ...d, status: statusFor(d.blockNumber) };
        const prev = open.get(alert.id);
        if (!prev) {
          open.set(alert.id, alert);
          stepNew.push(alert);
        } else {
          suspect.delete(alert.id);
          if (prev.blockHash !== alert.blockHash || prev.status !== alert.status) {
            open.set(alert.id, alert);
            stepChanged.set(alert.id, alert);
          }
        }
      }
    }
    state.nextBlock = fetched.toBlock + 1;
    state.recent = [...state.recent.filter((b) => b.number < lo), ...headers.map((h) => ({ number: Number(h.number), hash: h.hash! }))].slice(-RECENT_WINDOW);
    state.chunk = onChunkSuccess(fetched.chunk, fetched.toBlock - fetched.fromBlock + 1);
    await checkpoint(stepNew, stepChanged);
  }
  if (chunks === 0) await checkpoint([], new Map());
  return total;
}

/** Convenience for callers without their own loop (CLI, tests): scan until the head. */
export async function scanToHead(state: ScanState, deps: ScanDeps): Promise<ScanResult> {
  return scanOnce(state, { ...deps, maxChunks: Infinity });
}
