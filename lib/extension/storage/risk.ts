// The risk verdicts of the entities behind the tracked positions, per chain (`local:risk`).
// JSON-safe as stored (blocks as decimal strings), so the decoded form is the stored form after
// validation. Kept apart from `local:portfolio`: a risk failure must not mark positions stale.
import type { EntityKind } from '../../risk/entity.js';
import type { Dimension, Grade } from '../../risk/rules/rule.js';
import { NEVER_REFRESHED, type RefreshStatus } from './portfolio.js';

export interface RiskEvidence {
  kind: 'tx' | 'log' | 'parameter';
  contract: string;
  function?: string;
  event?: string;
  /** Decimal block number. */
  block: string;
  txHash?: string;
  value: string;
}

export interface RiskRuleResult {
  ruleId: string;
  version: number;
  dimension: Dimension;
  grade: Grade;
  sentence: string;
  /** At most MAX_EVIDENCE items are kept (storage is bounded); `evidenceCount` says how many there were. */
  evidence: RiskEvidence[];
  evidenceCount: number;
  error?: string;
}

export interface StoredVerdict {
  overall: Grade;
  dimensions: Partial<Record<Dimension, Grade>>;
  results: RiskRuleResult[];
  notApplicable: string[];
  incomplete: boolean;
}

export interface RiskEntityRef {
  kind: EntityKind;
  address: string;
  operatorSetId?: number;
}

export interface EntityRisk {
  entity: RiskEntityRef;
  /** Block the facts were read at (decimal); null when never assessed. */
  block: string | null;
  /** Unix ms when the facts were read. */
  assessedAt: number | null;
  /** null: never assessed (see `error`). Never replaced by a guess. */
  verdict: StoredVerdict | null;
  /** The last attempt to read this entity failed: the verdict (if any) is older. */
  stale: boolean;
  /** Why the last attempt failed or why there is no verdict yet. */
  error?: string;
}

export interface ChainRisk {
  status: RefreshStatus;
  /** Block of the positions snapshot these entities come from (decimal); null before the first run. */
  block: string | null;
  /** Keyed by riskEntityKey(). */
  entities: Record<string, EntityRisk>;
}

export interface RiskStore {
  chains: Record<string, ChainRisk>;
}

export const RISK_VERSION = 1;
export const MAX_EVIDENCE = 5;

export const emptyRisk = (): RiskStore => ({ chains: {} });

export function chainRisk(store: RiskStore, chainId: number): ChainRisk {
  return store.chains[String(chainId)] ?? { status: { ...NEVER_REFRESHED }, block: null, entities: {} };
}
