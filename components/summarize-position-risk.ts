// A position's risk from the stored verdicts of its entities: the worst grade (an entity without a
// verdict counts as unknown, never low), the worst per dimension, and whether any part is stale or
// incomplete. Pure, so the popup's wording is tested without rendering.
import { positionRiskEntities, riskEntityKey } from '../lib/extension/storage/risk-entities.js';
import type { ChainRisk, EntityRisk } from '../lib/extension/storage/risk.js';
import type { EntityRef } from '../lib/risk/entity.js';
import { DIMENSIONS, type Dimension, type Grade } from '../lib/risk/rules/rule.js';
import { worst } from '../lib/risk/verdict.js';
import type { Exposure, Position } from '../lib/portfolio/types.js';

export interface PositionRiskSummary {
  /** null: nothing can slash this position (not delegated, Karak V1 deposit). */
  grade: Grade | null;
  dimensions: Partial<Record<Dimension, Grade>>;
  entities: { ref: EntityRef; risk: EntityRisk | null }[];
  stale: boolean;
  incomplete: boolean;
  /** Some entity has no verdict yet (not read, or its read failed). */
  missing: number;
}

export function summarizePositionRisk(p: Position, exposures: readonly Exposure[], chain: ChainRisk): PositionRiskSummary {
  const refs = positionRiskEntities(p, exposures);
  const entities = refs.map((ref) => ({ ref, risk: chain.entities[riskEntityKey(ref)] ?? null }));
  if (refs.length === 0) return { grade: null, dimensions: {}, entities, stale: false, incomplete: false, missing: 0 };
  const verdicts = entities.map((e) => e.risk?.verdict ?? null);
  const missing = verdicts.filter((v) => v === null).length;
  const grade = worst(verdicts.map((v) => v?.overall ?? 'unknown'));
  const dimensions: Partial<Record<Dimension, Grade>> = {};
  for (const d of DIMENSIONS) {
    const grades = verdicts.flatMap((v) => (v?.dimensions[d] ? [v.dimensions[d]!] : []));
    if (grades.length) dimensions[d] = missing > 0 ? worst([...grades, 'unknown']) : worst(grades);
  }
  return {
    grade,
    dimensions,
    entities,
    stale: chain.status.state === 'stale' || entities.some((e) => e.risk?.stale),
    incomplete: missing > 0 || verdicts.some((v) => v?.incomplete),
    missing,
  };
}

export const ENTITY_NAMES: Record<EntityRef['kind'], string> = {
  'eigenlayer-operator': 'Operator',
  'eigenlayer-avs': 'AVS',
  'eigenlayer-operator-set': 'Operator set',
  'symbiotic-vault': 'Vault',
  'symbiotic-network': 'Network',
  'symbiotic-operator': 'Operator',
  'karak-vault': 'Vault',
  'karak-dss': 'DSS',
  'karak-operator': 'Operator',
};
