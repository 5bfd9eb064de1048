// `risk ADDRESS_OR_ENTITY... [--rpc URL] [--deployments FILE] [--json] [--threshold rule.name=value]`
// Each target is an entity (resolved from the registry, then chain checks; or given as
// KIND:ADDRESS, or AVS/SET for an EigenLayer operator set) -> its facts and verdict; or a staker
// address -> its positions (same reader as `positions`) and the verdicts of their entities, with the
// same position -> entities mapping as the extension's popup. Same engine as the extension.
import { parseArgs } from 'node:util';
import type { Address } from 'viem';
import { createChainClient } from '../chains/client.js';
import { parseAddress } from '../chains/parse-address.js';
import { isTransportError } from '../chains/read-calls.js';
import { InvalidSettingsError } from '../errors/errors.js';
import { positionRiskEntities, riskEntityKey } from '../extension/storage/risk-entities.js';
import { memoryCache } from '../protocols/adapter.js';
import { readSnapshot } from '../portfolio/read-snapshot.js';
import type { Position } from '../portfolio/types.js';
import { loadBundledRegistry } from '../registry/bundled/load-bundled-registry.js';
import { gatherFacts } from '../risk/assess.js';
import { ENTITY_KINDS, type EntityKind, type EntityRef } from '../risk/entity.js';
import type { EntityFacts } from '../risk/facts/entity-facts.js';
import type { RiskContext } from '../risk/gather/context.js';
import { resolveEntities } from '../risk/resolve-entity.js';
import type { Grade } from '../risk/rules/rule.js';
import { parseThresholdsStrict, type Thresholds } from '../risk/thresholds.js';
import { verdict, worst, type Verdict } from '../risk/verdict.js';
import { renderRisk, riskToJson } from './render-risk.js';
import { resolveTarget, rpcUnavailable, type CommandIO } from './resolve-target.js';

export interface EntityResult {
  entity: EntityRef;
  /** How it was recognised: given (KIND:ADDRESS), registry, chain, or position (a staker's). */
  via: 'given' | 'registry' | 'chain' | 'position';
  name: string | null;
  facts: EntityFacts;
  verdict: Verdict;
}

export interface PositionRisk {
  position: Position;
  entities: string[];
  /** Worst over its entities; null = nothing can slash it. */
  overall: Grade | null;
}

export interface TargetResult {
  input: string;
  address: Address;
  as: 'entity' | 'staker' | 'none';
  block: bigint;
  entities: EntityResult[];
  positions: PositionRisk[];
}

export interface RiskReport {
  chainId: number;
  block: bigint;
  thresholds: Thresholds;
  targets: TargetResult[];
}

interface ParsedTarget {
  input: string;
  address: Address;
  entity: EntityRef | null;
}

/** `0xADDR`, `KIND:0xADDR`, `eigenlayer-operator-set:0xAVS/ID` or `0xAVS/ID`. */
export function parseTargetInput(input: string): ParsedTarget {
  const m = /^(?:([a-z-]+):)?([^/:]+)(?:\/(\d{1,9}))?$/.exec(input.trim());
  if (!m) throw new InvalidSettingsError(`${input.slice(0, 80)}: expected ADDRESS, KIND:ADDRESS or AVS/SET_ID`);
  const [, kindText, addressText, setText] = m;
  const address = parseAddress(addressText!);
  if (kindText && !ENTITY_KINDS.includes(kindText as EntityKind)) throw new InvalidSettingsError(`${kindText}: unknown entity kind; use one of ${ENTITY_KINDS.join(', ')}`);
  const kind = (kindText as EntityKind | undefined) ?? (setText !== undefined ? 'eigenlayer-operator-set' : undefined);
  if (setText !== undefined && kind !== 'eigenlayer-operator-set') throw new InvalidSettingsError(`${input.slice(0, 80)}: /SET_ID only goes with an EigenLayer operator set`);
  if (kind === 'eigenlayer-operator-set' && setText === undefined) throw new InvalidSettingsError(`${input.slice(0, 80)}: an operator set needs its id (AVS/SET_ID)`);
  if (!kind) return { input, address, entity: null };
  return { input, address, entity: { kind, address, ...(kind === 'eigenlayer-operator-set' ? { operatorSetId: Number(setText) } : {}) } };
}

/** Repeated `--threshold rule.name=value` -> validated thresholds (every bad one listed; exit 2). */
export function parseThresholdFlags(flags: readonly string[]): Thresholds {
  const input: Record<string, Record<string, unknown>> = {};
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)\.([A-Za-z0-9]+)=(.*)$/.exec(flag.trim());
    if (!m) throw new InvalidSettingsError(`--threshold ${flag.slice(0, 80)}: expected rule.name=value, e.g. shared-stake.mediumAtServices=3`);
    const text = m[3]!.trim();
    (input[m[1]!] ??= {})[m[2]!] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return parseThresholdsStrict(input);
}

export async function riskCommand(argv: string[], io: CommandIO): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { rpc: { type: 'string', multiple: true }, deployments: { type: 'string' }, json: { type: 'boolean', default: false }, threshold: { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new InvalidSettingsError('give at least one ADDRESS_OR_ENTITY');
  const parsed = positionals.map(parseTargetInput);
  const thresholds = parseThresholdFlags(values.threshold ?? []);
  const { rpcUrls, deployments, head } = await resolveTarget(values, parsed.map((t) => t.address));
  const base: RiskContext = {
    client: createChainClient({ chainId: deployments.chainId, rpcUrls, deployments }),
    deployments,
    blockNumber: head,
    batch: true,
    cache: memoryCache(),
    registry: loadBundledRegistry().registry,
  };
  const targets: TargetResult[] = [];
  try {
    for (const t of parsed) targets.push(await assessTarget(base, t, thresholds, rpcUrls));
  } catch (error) {
    throw isTransportError(error) ? rpcUnavailable(rpcUrls, error) : error;
  }
  const report: RiskReport = { chainId: deployments.chainId, block: head, thresholds, targets };
  io.stdout(values.json ? riskToJson(report) : renderRisk(report));
}

async function assess(ctx: RiskContext, entity: EntityRef, via: EntityResult['via'], thresholds: Thresholds): Promise<EntityResult> {
  const facts = await gatherFacts(ctx, entity);
  const name = ctx.registry.lookup(entity.address, ctx.deployments.chainId)[0]?.name ?? null;
  return { entity, via, name, facts, verdict: verdict(facts, thresholds) };
}

async function assessTarget(base: RiskContext, t: ParsedTarget, thresholds: Thresholds, rpcUrls: string[]): Promise<TargetResult> {
  // A fresh context per target: gatherers may memoize the block timestamp on it.
  const ctx = { ...base };
  if (t.entity) return { input: t.input, address: t.address, as: 'entity', block: ctx.blockNumber, entities: [await assess(ctx, t.entity, 'given', thresholds)], positions: [] };
  const resolved = await resolveEntities(ctx, t.address);
  if (resolved.length > 0) {
    const entities: EntityResult[] = [];
    for (const e of resolved) entities.push(await assess(ctx, { kind: e.kind, address: e.address, ...(e.operatorSetId !== undefined ? { operatorSetId: e.operatorSetId } : {}) }, e.via, thresholds));
    return { input: t.input, address: t.address, as: 'entity', block: ctx.blockNumber, entities, positions: [] };
  }
  // Not an entity: read it as a staker, and assess at the block its positions were read at.
  const snapshot = await readSnapshot({ chainId: ctx.deployments.chainId, rpcUrls, deployments: ctx.deployments }, [t.address]);
  const mine = snapshot.addresses[0]!;
  const at: RiskContext = { ...ctx, blockNumber: snapshot.blockNumber, blockTimestamp: snapshot.blockTimestamp };
  const byKey = new Map<string, EntityResult>();
  const positions: PositionRisk[] = [];
  for (const p of mine.positions) {
    const refs = positionRiskEntities(p, mine.exposures);
    for (const ref of refs) if (!byKey.has(riskEntityKey(ref))) byKey.set(riskEntityKey(ref), await assess(at, ref, 'position', thresholds));
    const keys = refs.map(riskEntityKey);
    positions.push({ position: p, entities: keys, overall: keys.length ? worst(keys.map((k) => byKey.get(k)!.verdict.overall)) : null });
  }
  return { input: t.input, address: t.address, as: mine.positions.length ? 'staker' : 'none', block: snapshot.blockNumber, entities: [...byKey.values()], positions };
}
