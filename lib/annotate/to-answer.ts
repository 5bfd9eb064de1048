// Engine output -> what the annotator may show: registry name (sanitized), grades, and reasons with
// evidence references. Bounded sizes; plain text only (the chip renders with textContent).
import { safeText } from '../registry/safe-text.js';
import type { Assessment } from '../risk/assess.js';
import type { EntityKind } from '../risk/entity.js';
import type { Grade } from '../risk/rules/rule.js';
import { evidenceRef } from './explorer-links.js';
import type { EntityAnswer, Reason } from './protocol.js';

export const MAX_REASONS = 12;
export const MAX_EVIDENCE_PER_REASON = 4;
const RANK: Record<Grade, number> = { high: 0, medium: 1, unknown: 2, low: 3 };

export type BaseAnswer = Omit<EntityAnswer, 'exposed'>;

export function answerFromAssessment(a: string, set: number | undefined, chainId: number, assessment: Assessment, name: string | null = null): BaseAnswer {
  const entity = assessment.entity;
  const v = assessment.verdict;
  const reasons: Reason[] = (v?.results ?? [])
    .slice()
    .sort((x, y) => RANK[x.grade] - RANK[y.grade])
    .slice(0, MAX_REASONS)
    .map((r) => ({
      rule: r.ruleId,
      dimension: r.dimension,
      grade: r.grade,
      text: safeText(r.sentence, 400) ?? '',
      evidence: r.evidence.slice(0, MAX_EVIDENCE_PER_REASON).map((e) => evidenceRef(chainId, e)),
    }));
  return {
    a,
    ...(set === undefined ? {} : { set }),
    kind: entity.kind === 'unknown' ? 'none' : entity.kind,
    chainId,
    name: safeText(('registry' in entity ? entity.registry?.name : null) ?? name, 80),
    grade: v?.overall ?? 'unknown',
    dims: { ...(v?.dimensions ?? {}) },
    reasons,
  };
}

/** An entity whose facts could not be read: grade unknown with the reason, never "low". */
export function unknownAnswer(a: string, set: number | undefined, kind: EntityKind, chainId: number | null, name: string | null, reason: string, evidence: Reason['evidence'] = []): BaseAnswer {
  return {
    a,
    ...(set === undefined ? {} : { set }),
    kind,
    chainId,
    name: safeText(name, 80),
    grade: 'unknown',
    dims: {},
    reasons: [{ rule: 'not-checked', dimension: 'slashing', grade: 'unknown', text: safeText(`Not checked: ${reason}`, 400) ?? 'Not checked', evidence }],
  };
}

export const noneAnswer = (a: string, set: number | undefined): BaseAnswer => ({ a, ...(set === undefined ? {} : { set }), kind: 'none', chainId: null, name: null, grade: 'unknown', dims: {}, reasons: [] });
