// The risk delta of one decoded restaking call for its sender, read at one pinned block: the
// sender's current reading of the call's protocol (readSnapshot for that one address, whether or
// not the user tracks it), what the call changes (per-protocol delta), and the risk grade of the
// operator or vault it targets with the user's thresholds. Browser-free: the background, the CLI
// and the chain tests call it alike.
import type { Address } from 'viem';
import { createChainClient } from '../../chains/client.js';
import { BadRpcResponseError } from '../../errors/errors.js';
import { readSnapshot as defaultReadSnapshot, type RefreshConfig } from '../../portfolio/read-snapshot.js';
import type { AddressSnapshot } from '../../portfolio/types.js';
import { memoryCache, type DiscoveryCache, type ReadContext } from '../../protocols/adapter.js';
import { ADAPTERS } from '../../protocols/registry.js';
import { EMPTY_REGISTRY, type Registry } from '../../registry/registry.js';
import { assessEntity } from '../../risk/assess.js';
import type { Thresholds } from '../../risk/thresholds.js';
import type { Grade } from '../../risk/rules/rule.js';
import type { DecodedRestakingCall } from '../types.js';
import type { DeltaInput, PartialDelta } from './delta-input.js';
import { delegateDelta, depositDelta, exitDelta } from './delta-eigenlayer.js';
import { completeWithdrawalDelta } from './delta-eigenlayer-complete.js';
import { karakDepositDelta, karakStartRedeemDelta } from './delta-karak.js';
import { karakV1CompleteDelta, karakV1DepositDelta, karakV1QueueDelta } from './delta-karak-v1.js';
import { lrtDepositDelta } from './delta-lrt.js';
import { BUNDLED_LRT_FILE } from './lrt-look-through.js';
import { symbioticDepositDelta, symbioticExitDelta } from './delta-symbiotic.js';
import type { DeltaGrade, TxDelta } from './types.js';

export interface ComputeTxDeltaOptions {
  registry?: Registry;
  thresholds?: Thresholds;
  /** The adapters' discovery cache (vault lists, log cursors); read, never written back here. */
  cache?: DiscoveryCache;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retryCount?: number;
  readSnapshot?: typeof defaultReadSnapshot;
  /** Raw lrt-tokens.json for the LRT look-through (default: the bundled file). */
  lrtFile?: unknown;
}

const RANK: Record<Grade, number> = { high: 3, medium: 2, unknown: 1, low: 0 };

function partialFor(input: DeltaInput<DecodedRestakingCall>, options: ComputeTxDeltaOptions, chainId: number): Promise<PartialDelta> {
  const c = input.call;
  const as = <T>() => input as unknown as DeltaInput<T>;
  if (c.protocol === 'eigenlayer') {
    if (c.action === 'delegate' || c.action === 'redelegate') return delegateDelta(as<typeof c>());
    if (c.action === 'deposit') return depositDelta(as<typeof c>());
    if (c.action === 'queue-withdrawal' || c.action === 'undelegate') return exitDelta(as<typeof c>());
    if (c.action === 'complete-withdrawal') return completeWithdrawalDelta(as<typeof c>());
  }
  if (c.protocol === 'symbiotic') {
    if (c.action === 'deposit') return symbioticDepositDelta(as<typeof c>());
    return symbioticExitDelta(as<typeof c>());
  }
  if (c.protocol === 'karak') {
    if (c.version === 2) return c.action === 'deposit' ? karakDepositDelta(as<typeof c>()) : karakStartRedeemDelta(as<typeof c>());
    if (c.action === 'deposit') return karakV1DepositDelta(as<typeof c>());
    return c.action === 'queue-withdrawal' ? karakV1QueueDelta(as<typeof c>()) : karakV1CompleteDelta(as<typeof c>());
  }
  if (c.protocol !== 'lrt') return Promise.reject(new BadRpcResponseError(`no risk delta for ${c.protocol} ${c.action}`));
  return lrtDepositDelta(as<typeof c>(), {
    lrtFile: options.lrtFile ?? BUNDLED_LRT_FILE,
    registry: options.registry ?? EMPTY_REGISTRY,
    chainId,
    gradeOperator: (address) => gradeOf(input.ctx, { gradeOf: { kind: 'eigenlayer-operator', address } }, options),
  });
}

async function gradeOf(ctx: ReadContext, partial: Pick<PartialDelta, 'gradeOf'>, options: ComputeTxDeltaOptions): Promise<DeltaGrade | null> {
  if (!partial.gradeOf) return null;
  const a = await assessEntity({ ...ctx, registry: options.registry ?? EMPTY_REGISTRY }, partial.gradeOf, { thresholds: options.thresholds });
  if (!a.verdict) return null;
  const reasons = a.verdict.results.filter((r) => r.grade !== 'low').sort((x, y) => RANK[y.grade] - RANK[x.grade]).map((r) => r.sentence);
  return { entity: partial.gradeOf, overall: a.verdict.overall, reasons, incomplete: a.verdict.incomplete };
}

export async function computeTxDelta(config: RefreshConfig, call: DecodedRestakingCall, options: ComputeTxDeltaOptions = {}): Promise<TxDelta> {
  const sender: Address | null = call.sender ?? null;
  const cache = options.cache ?? memoryCache();
  const protocol = call.protocol === 'lrt' ? null : call.protocol;
  const read = options.readSnapshot ?? defaultReadSnapshot;
  const client = createChainClient({ ...config, fetch: options.fetch, timeoutMs: options.timeoutMs, retryCount: options.retryCount });
  let reading: AddressSnapshot = { address: sender ?? config.deployments.multicall3, positions: [], withdrawals: [], exposures: [], failures: [] };
  let blockNumber: bigint;
  if (sender && protocol) {
    // One address, one protocol: the same reads the popup's refresh makes, pinned to one block.
    const snapshot = await read(config, [sender], { cache, adapters: ADAPTERS.filter((a) => a.id === protocol), fetch: options.fetch, timeoutMs: options.timeoutMs, retryCount: options.retryCount });
    blockNumber = snapshot.blockNumber;
    reading = snapshot.addresses[0] ?? reading;
    // Without the current position, "after" would be computed from nothing: better no figures than wrong ones.
    const failure = reading.failures[0];
    if (failure) throw new BadRpcResponseError(`the sender's ${failure.protocol} position could not be read: ${failure.message}`);
  } else {
    blockNumber = await client.getBlockNumber();
  }
  const ctx: ReadContext = { client, deployments: config.deployments, blockNumber, batch: true, cache };
  const input: DeltaInput<DecodedRestakingCall> = { ctx, call, sender, reading };
  const partial = await partialFor(input, options, config.chainId);
  const notes = [...partial.notes];
  let grade: DeltaGrade | null = null;
  try {
    grade = await gradeOf(ctx, partial, options);
  } catch (e) {
    notes.push(`The risk grade could not be computed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
  }
  const registry = options.registry ?? EMPTY_REGISTRY;
  return {
    chainId: config.chainId, blockNumber, sender, call,
    target: { ...partial.target, name: registry.lookup(partial.target.address, config.chainId)[0]?.name ?? null },
    moving: partial.moving, before: partial.before, after: partial.after, exitDelay: partial.exitDelay,
    notes, grade,
    ...(partial.completions ? { completions: partial.completions } : {}),
    ...(partial.pooled ? { pooled: partial.pooled } : {}),
  };
}
