// A position's risk grade as a chip with the grade in words (colour is a hint only), and its
// reasons behind a disclosure button: per entity the per-dimension grades and each rule's sentence
// with its evidence. Stale, incomplete and not-yet-read states are said in words.
import { useContext, useId, useState } from 'react';
import type { Address } from 'viem';
import type { EntityRisk, RiskEvidence } from '../lib/extension/storage/risk.js';
import type { Position } from '../lib/portfolio/types.js';
import type { Grade } from '../lib/risk/rules/rule.js';
import { AddressText } from './address-text.js';
import { PositionRiskContext } from './risk-context.js';
import { ENTITY_NAMES, summarizePositionRisk, type PositionRiskSummary } from './summarize-position-risk.js';

const GRADE_CLASS: Record<Grade, string> = { high: 'tag warn', medium: 'tag warn', low: 'tag ok', unknown: 'tag' };

export function GradeChip({ grade, testId = 'risk-grade' }: { grade: Grade; testId?: string }) {
  return (
    <span className={`${GRADE_CLASS[grade]} risk-${grade}`} data-testid={testId} data-grade={grade}>
      {grade === 'unknown' ? 'unknown' : grade}
    </span>
  );
}

export function PositionRisk({ position }: { position: Position }) {
  const source = useContext(PositionRiskContext);
  const id = useId();
  const [open, setOpen] = useState(false);
  if (!source) return null;
  const s = summarizePositionRisk(position, source.exposures, source.risk);
  if (s.grade === null) {
    return (
      <div className="small muted" data-testid="position-risk" data-grade="none">
        Risk: not slashable (no operator or service can slash this stake)
      </div>
    );
  }
  return (
    <div className="small" data-testid="position-risk" data-grade={s.grade}>
      Risk <GradeChip grade={s.grade} />
      {s.incomplete && <span className="muted"> · incomplete: {s.missing > 0 ? `${s.missing} of ${s.entities.length} not assessed yet` : 'some rules could not be checked'}</span>}
      {s.stale && <span className="tag warn" data-testid="risk-stale">stale</span>}{' '}
      <button type="button" className="link" aria-expanded={open} aria-controls={`${id}-why`} onClick={() => setOpen(!open)} data-testid="risk-why">
        {open ? 'Hide reasons' : 'Why?'}
      </button>
      <div id={`${id}-why`} hidden={!open} data-testid="risk-details">
        <Dimensions dimensions={s.dimensions} />
        {s.stale && source.risk.status.error && <p className="muted">Last risk read failed: {source.risk.status.error.message}. Showing the previous verdicts.</p>}
        <ul className="risk-entities">
          {s.entities.map(({ ref, risk }) => (
            <EntityBlock key={`${ref.kind}:${ref.address}:${ref.operatorSetId ?? ''}`} name={ENTITY_NAMES[ref.kind]} address={ref.address} setId={ref.kind === 'eigenlayer-operator-set' ? ref.operatorSetId : undefined} risk={risk} />
          ))}
        </ul>
      </div>
    </div>
  );
}

function Dimensions({ dimensions }: { dimensions: PositionRiskSummary['dimensions'] }) {
  const entries = Object.entries(dimensions) as [string, Grade][];
  if (entries.length === 0) return null;
  return (
    <p data-testid="risk-dimensions">
      {entries.map(([d, g], i) => (
        <span key={d} data-dimension={d} data-grade={g}>
          {i > 0 && ' · '}
          {d}: {g}
        </span>
      ))}
    </p>
  );
}

function EntityBlock({ name, address, setId, risk }: { name: string; address: Address; setId?: number; risk: EntityRisk | null }) {
  const v = risk?.verdict ?? null;
  return (
    <li data-testid="risk-entity" data-kind={name} data-address={address}>
      <div>
        {name} <AddressText address={address} />
        {setId !== undefined && ` set ${setId}`}: {v ? <GradeChip grade={v.overall} testId="risk-entity-grade" /> : <span data-testid="risk-entity-grade" data-grade="unknown">unknown</span>}
        {risk?.block && <span className="muted"> · as of block {risk.block}</span>}
        {risk?.stale && <span className="muted"> · stale{risk.error ? `: ${risk.error}` : ''}</span>}
      </div>
      {!v && <div className="muted">Not assessed{risk?.error ? `: ${risk.error}` : ' yet: it is read on the next refresh'}.</div>}
      {v && (
        <ul>
          {v.results
            .filter((r) => r.grade !== 'low')
            .map((r) => (
              <li key={r.ruleId} data-testid="risk-reason" data-rule={r.ruleId} data-grade={r.grade}>
                <strong>{r.grade}</strong> ({r.dimension}): {r.sentence}
                {r.evidence[0] && <div className="muted mono">{evidenceText(r.evidence[0])}{r.evidenceCount > 1 ? ` (+${r.evidenceCount - 1} more)` : ''}</div>}
              </li>
            ))}
          {v.results.every((r) => r.grade === 'low') && <li className="muted">Every rule graded low.</li>}
        </ul>
      )}
    </li>
  );
}

/** One line of evidence as plain text (values from chain are untrusted: text only, never markup). */
export function evidenceText(e: RiskEvidence): string {
  const what = e.kind === 'parameter' ? e.function : e.event;
  return `${e.kind} ${what ?? ''} on ${e.contract.slice(0, 8)}… at block ${e.block}${e.txHash ? ` tx ${e.txHash.slice(0, 12)}…` : ''} = ${e.value.slice(0, 80)}`;
}
