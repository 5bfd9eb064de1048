// A lib/risk Verdict in its stored form: blocks as decimal strings, evidence and text bounded so one
// entity with a long slash history cannot grow `local:risk` without limit.
import type { Evidence } from '../../risk/facts/fact.js';
import type { Verdict } from '../../risk/verdict.js';
import { MAX_EVIDENCE, type RiskEvidence, type StoredVerdict } from './risk.js';

export const MAX_SENTENCE = 600;

export function evidenceToStored(e: Evidence): RiskEvidence {
  return {
    kind: e.kind,
    contract: e.contract,
    ...(e.function ? { function: e.function.slice(0, 200) } : {}),
    ...(e.event ? { event: e.event.slice(0, 200) } : {}),
    block: e.block.toString(),
    ...(e.txHash ? { txHash: e.txHash } : {}),
    value: e.value.slice(0, 300),
  };
}

export function verdictToStored(v: Verdict): StoredVerdict {
  return {
    overall: v.overall,
    dimensions: { ...v.dimensions },
    results: v.results.map((r) => ({
      ruleId: r.ruleId,
      version: r.version,
      dimension: r.dimension,
      grade: r.grade,
      sentence: r.sentence.slice(0, MAX_SENTENCE),
      evidence: r.evidence.slice(0, MAX_EVIDENCE).map(evidenceToStored),
      evidenceCount: r.evidence.length,
      ...(r.error ? { error: r.error.slice(0, 300) } : {}),
    })),
    notApplicable: [...v.notApplicable],
    incomplete: v.incomplete,
  };
}
