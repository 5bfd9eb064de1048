// The engine's entry points for the popup, the CLI (`risk ADDRESS_OR_ENTITY`) and content scripts:
// resolve what an address is, gather its facts at the pinned block, run the rules.
import type { Address } from 'viem';
import type { Position } from '../portfolio/types.js';
import type { EntityKind, EntityRef } from './entity.js';
import type { EntityFacts } from './facts/entity-facts.js';
import type { RiskContext } from './gather/context.js';
import { gatherEigenLayerAvs, gatherEigenLayerOperatorSet } from './gather/eigenlayer-avs.js';
import { gatherEigenLayerOperator } from './gather/eigenlayer-operator.js';
import { gatherKarakDss, gatherKarakOperator } from './gather/karak-entities.js';
import { gatherKarakVault } from './gather/karak-vault.js';
import { gatherSymbioticNetwork, gatherSymbioticOperator } from './gather/symbiotic-entities.js';
import { gatherSymbioticVault } from './gather/symbiotic-vault.js';
import { resolveEntity, type Resolution } from './resolve-entity.js';
import type { Thresholds } from './thresholds.js';
import { verdict, type Verdict } from './verdict.js';

const GATHERERS: Record<EntityKind, (ctx: RiskContext, e: EntityRef) => Promise<EntityFacts>> = {
  'eigenlayer-operator': (c, e) => gatherEigenLayerOperator(c, e.address),
  'eigenlayer-avs': (c, e) => gatherEigenLayerAvs(c, e.address),
  'eigenlayer-operator-set': (c, e) => gatherEigenLayerOperatorSet(c, { avs: e.address, id: e.operatorSetId ?? 0 }),
  'symbiotic-vault': (c, e) => gatherSymbioticVault(c, e.address),
  'symbiotic-network': (c, e) => gatherSymbioticNetwork(c, e.address),
  'symbiotic-operator': (c, e) => gatherSymbioticOperator(c, e.address),
  'karak-vault': (c, e) => gatherKarakVault(c, e.address),
  'karak-dss': (c, e) => gatherKarakDss(c, e.address),
  'karak-operator': (c, e) => gatherKarakOperator(c, e.address),
};

export const gatherFacts = (ctx: RiskContext, entity: EntityRef): Promise<EntityFacts> => GATHERERS[entity.kind](ctx, entity);

export interface Assessment {
  entity: Resolution | (EntityRef & { via: 'given' });
  facts: EntityFacts | null;
  verdict: Verdict | null;
}

/** An address (resolved: registry, then chain) or an explicit entity. Unknown entities get no verdict. */
export async function assessEntity(ctx: RiskContext, target: Address | EntityRef, options: { thresholds?: Thresholds } = {}): Promise<Assessment> {
  const entity = typeof target === 'string' ? await resolveEntity(ctx, target) : { ...target, via: 'given' as const };
  if (entity.kind === 'unknown') return { entity, facts: null, verdict: null };
  const facts = await gatherFacts(ctx, entity as EntityRef);
  return { entity, facts, verdict: verdict(facts, options.thresholds) };
}

/** The entities whose risk a position carries: its operator, its vault, the services of its exposures. */
export function positionEntities(p: Position): EntityRef[] {
  if (p.protocol === 'eigenlayer') return p.operator ? [{ kind: 'eigenlayer-operator', address: p.operator }] : [];
  if (p.protocol === 'symbiotic') return p.symbiotic ? [{ kind: 'symbiotic-vault', address: p.symbiotic.vault }] : [];
  return p.karak && p.karak.version === 2 ? [{ kind: 'karak-vault', address: p.karak.vault }] : [];
}

export interface PositionAssessment {
  position: Position;
  assessments: Assessment[];
  /** Worst overall grade over the position's entities; 'unknown' when there is nothing to assess. */
  overall: Verdict['overall'];
}

/** Risk of one position: every entity it depends on, assessed at the context's block. */
export async function assessPosition(ctx: RiskContext, position: Position, options: { thresholds?: Thresholds } = {}): Promise<PositionAssessment> {
  const assessments = await Promise.all(positionEntities(position).map((e) => assessEntity(ctx, e, options)));
  const rank = { low: 0, unknown: 1, medium: 2, high: 3 } as const;
  const grades = assessments.map((a) => a.verdict?.overall ?? 'unknown');
  const overall = grades.length === 0 ? 'unknown' : grades.reduce((w, g) => (rank[g] > rank[w] ? g : w), 'low' as Verdict['overall']);
  return { position, assessments, overall };
}
