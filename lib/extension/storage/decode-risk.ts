// Validates `local:risk` on read. Storage is untrusted (older versions, edits, bugs): a malformed
// entity is dropped with the reason; a grade we do not recognise becomes 'unknown', never 'low';
// one bad chain never hides the others.
import { ENTITY_KINDS, type EntityKind } from '../../risk/entity.js';
import { DIMENSIONS, type Dimension, type Grade } from '../../risk/rules/rule.js';
import type { Decoded } from './decoded.js';
import { decodeStatus } from './decode-portfolio.js';
import { emptyRisk, MAX_EVIDENCE, type ChainRisk, type EntityRisk, type RiskEvidence, type RiskRuleResult, type RiskStore, type StoredVerdict } from './risk.js';
import { riskEntityKey } from './risk-entities.js';
import { MAX_SENTENCE } from './risk-verdict.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const GRADES: readonly Grade[] = ['low', 'medium', 'high', 'unknown'];
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DECIMAL = /^\d{1,30}$/;
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);
/** Anything but a known grade is 'unknown': a corrupt "grade" must never read as low risk. */
const grade = (v: unknown): Grade => (GRADES.includes(v as Grade) ? (v as Grade) : 'unknown');

export function decodeRisk(stored: unknown): Decoded<RiskStore> {
  if (stored == null) return { value: emptyRisk(), problems: [] };
  if (!isObject(stored) || !isObject(stored.chains)) return { value: emptyRisk(), problems: ['risk: malformed, reset'] };
  const problems: string[] = [];
  const chains: Record<string, ChainRisk> = {};
  for (const [key, raw] of Object.entries(stored.chains)) {
    const where = `risk.chains[${key}]`;
    if (!/^[1-9]\d*$/.test(key) || !isObject(raw)) {
      problems.push(`${where}: malformed, dropped`);
      continue;
    }
    const status = decodeStatus(raw.status, where, problems);
    const entities: Record<string, EntityRisk> = {};
    if (isObject(raw.entities)) {
      for (const [k, e] of Object.entries(raw.entities)) {
        try {
          const entity = decodeEntityRisk(e);
          if (riskEntityKey(entity.entity) !== k) throw new Error('key does not match the entity');
          entities[k] = entity;
        } catch (err) {
          problems.push(`${where}.entities[${k.slice(0, 80)}]: ${(err as Error).message}, dropped`);
        }
      }
    } else problems.push(`${where}.entities: not an object, reset`);
    const block = typeof raw.block === 'string' && DECIMAL.test(raw.block) ? raw.block : null;
    chains[key] = { status, block, entities };
  }
  return { value: { chains }, problems };
}

function decodeEntityRisk(v: unknown): EntityRisk {
  if (!isObject(v) || !isObject(v.entity)) throw new Error('not an entity entry');
  const { kind, address, operatorSetId } = v.entity;
  if (!ENTITY_KINDS.includes(kind as EntityKind)) throw new Error('unknown entity kind');
  if (typeof address !== 'string' || !ADDRESS.test(address)) throw new Error('bad address');
  if (kind === 'eigenlayer-operator-set' && !(typeof operatorSetId === 'number' && Number.isSafeInteger(operatorSetId) && operatorSetId >= 0)) throw new Error('bad operator set id');
  const out: EntityRisk = {
    entity: { kind: kind as EntityKind, address, ...(kind === 'eigenlayer-operator-set' ? { operatorSetId: operatorSetId as number } : {}) },
    block: typeof v.block === 'string' && DECIMAL.test(v.block) ? v.block : null,
    assessedAt: typeof v.assessedAt === 'number' && Number.isFinite(v.assessedAt) ? v.assessedAt : null,
    verdict: v.verdict == null ? null : decodeVerdict(v.verdict),
    stale: v.stale === true,
  };
  const error = str(v.error, 500);
  if (error) out.error = error;
  return out;
}

function decodeVerdict(v: unknown): StoredVerdict {
  if (!isObject(v) || !Array.isArray(v.results)) throw new Error('verdict malformed');
  const dimensions: Partial<Record<Dimension, Grade>> = {};
  if (isObject(v.dimensions)) for (const d of DIMENSIONS) if (d in v.dimensions) dimensions[d] = grade(v.dimensions[d]);
  const results = v.results.slice(0, 50).map(decodeResult);
  return {
    overall: grade(v.overall),
    dimensions,
    results,
    notApplicable: Array.isArray(v.notApplicable) ? v.notApplicable.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 64)).slice(0, 50) : [],
    // A verdict we cannot confirm as complete is treated as incomplete.
    incomplete: v.incomplete !== false || results.some((r) => r.grade === 'unknown'),
  };
}

function decodeResult(v: unknown): RiskRuleResult {
  if (!isObject(v) || typeof v.ruleId !== 'string' || typeof v.sentence !== 'string') throw new Error('rule result malformed');
  if (!DIMENSIONS.includes(v.dimension as Dimension)) throw new Error(`rule ${v.ruleId.slice(0, 64)}: unknown dimension`);
  const evidence = Array.isArray(v.evidence) ? v.evidence.slice(0, MAX_EVIDENCE).flatMap((e) => decodeEvidence(e)) : [];
  const out: RiskRuleResult = {
    ruleId: v.ruleId.slice(0, 64),
    version: typeof v.version === 'number' && Number.isSafeInteger(v.version) ? v.version : 0,
    dimension: v.dimension as Dimension,
    grade: grade(v.grade),
    sentence: v.sentence.slice(0, MAX_SENTENCE),
    evidence,
    evidenceCount: typeof v.evidenceCount === 'number' && Number.isSafeInteger(v.evidenceCount) && v.evidenceCount >= evidence.length ? v.evidenceCount : evidence.length,
  };
  const error = str(v.error, 300);
  if (error) out.error = error;
  return out;
}

function decodeEvidence(v: unknown): RiskEvidence[] {
  if (!isObject(v) || !['tx', 'log', 'parameter'].includes(v.kind as string) || typeof v.contract !== 'string' || !ADDRESS.test(v.contract)) return [];
  if (typeof v.block !== 'string' || !DECIMAL.test(v.block) || typeof v.value !== 'string') return [];
  const e: RiskEvidence = { kind: v.kind as RiskEvidence['kind'], contract: v.contract, block: v.block, value: v.value.slice(0, 300) };
  const fn = str(v.function, 200), ev = str(v.event, 200);
  if (fn) e.function = fn;
  if (ev) e.event = ev;
  if (typeof v.txHash === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v.txHash)) e.txHash = v.txHash;
  return [e];
}
