// Text and JSON renderings of `risk`: per target the entities with overall and per-dimension
// grades, each rule's sentence with its evidence (tx / log / parameter), the facts' status, and for
// a staker each position's grade. Grades are words in capitals so they survive without colour.
import { chainName } from '../chains/registry.js';
import { entityLabel } from '../risk/entity.js';
import type { Evidence } from '../risk/facts/fact.js';
import { formatAmount } from '../portfolio/format.js';
import { bigintReplacer } from '../portfolio/codec.js';
import { defaultThresholds } from '../risk/thresholds.js';
import type { EntityResult, RiskReport, TargetResult } from './risk-command.js';

/** Machine output: the whole report, bigints as decimal strings. */
export const riskToJson = (report: RiskReport): string => JSON.stringify(report, bigintReplacer, 2);

const G = (g: string) => g.toUpperCase();

export function evidenceLine(e: Evidence): string {
  const what = e.kind === 'parameter' ? e.function : e.event;
  return `${e.kind} ${what ?? '?'} on ${e.contract} at block ${e.block}${e.txHash ? ` tx ${e.txHash}` : ''}: ${e.value}`;
}

export function renderRisk(report: RiskReport): string {
  const out = [`${chainName(report.chainId)} (chain ${report.chainId}) · block ${report.block}`];
  const defaults = defaultThresholds();
  const custom = Object.entries(report.thresholds).flatMap(([r, v]) => Object.entries(v).flatMap(([n, x]) => (defaults[r]?.[n] === x ? [] : [`${r}.${n}=${x}`])));
  out.push(`thresholds: ${custom.length ? `${custom.join(', ')} (others default)` : 'defaults'}`);
  for (const t of report.targets) out.push('', ...renderTarget(t));
  return out.join('\n');
}

function renderTarget(t: TargetResult): string[] {
  if (t.as === 'none') return [`${t.input}: not a known operator, AVS, vault, network or DSS, and no restaked positions at block ${t.block}`];
  const out: string[] = [];
  if (t.as === 'entity') out.push(`${t.input} · ${t.entities.map((e) => e.entity.kind).join(', ')} · block ${t.block}`);
  if (t.as === 'staker') {
    out.push(`${t.address} · staker · ${t.positions.length} position${t.positions.length === 1 ? '' : 's'} at block ${t.block}`);
    for (const p of t.positions) {
      const pos = p.position;
      const where = pos.symbiotic ? `vault ${pos.symbiotic.vault}` : pos.karak ? `Karak V${pos.karak.version} vault ${pos.karak.vault}` : pos.operator ? `operator ${pos.operator}` : 'not delegated';
      out.push(`  ${pos.protocol} ${formatAmount(pos.amount, pos.asset.decimals)} ${pos.asset.symbol} (${where}): ${p.overall === null ? 'not slashable' : G(p.overall)}`);
      for (const k of p.entities) {
        const e = t.entities.find((x) => keyOf(x) === k);
        if (e) out.push(`    ${entityLabel(e.entity)}: ${G(e.verdict.overall)}`);
      }
    }
  }
  for (const e of t.entities) out.push('', ...renderEntity(e));
  return out;
}

const keyOf = (e: EntityResult) => `${e.entity.kind}:${e.entity.address.toLowerCase()}${e.entity.kind === 'eigenlayer-operator-set' ? `/${e.entity.operatorSetId ?? 0}` : ''}`;

export function renderEntity(e: EntityResult): string[] {
  const v = e.verdict;
  const out = [`${entityLabel(e.entity)}${e.name ? ` (${e.name})` : ''} · via ${e.via} · facts at block ${e.facts.block}`];
  out.push(`  overall: ${G(v.overall)}${v.incomplete ? ' (incomplete: some rules could not be checked)' : ''}`);
  out.push(`  dimensions: ${Object.entries(v.dimensions).map(([d, g]) => `${d} ${G(g)}`).join(' · ') || 'none'}`);
  for (const r of v.results) {
    out.push(`  [${G(r.grade)}] ${r.ruleId} v${r.version} (${r.dimension}): ${r.sentence}`);
    for (const ev of r.evidence.slice(0, 5)) out.push(`      evidence: ${evidenceLine(ev)}`);
    if (r.evidence.length > 5) out.push(`      … ${r.evidence.length - 5} more (see --json)`);
    if (r.error) out.push(`      rule error: ${r.error}`);
  }
  if (v.notApplicable.length) out.push(`  not applicable: ${v.notApplicable.join(', ')}`);
  out.push('  facts:');
  for (const [name, f] of Object.entries(e.facts.signals)) {
    if (!f) continue;
    out.push(f.status === 'known' ? `    ${name}: ${short(JSON.stringify(f.value, bigintReplacer))}` : `    ${name}: unknown (${f.reason})`);
  }
  return out;
}

const short = (s: string | undefined) => (s === undefined ? 'undefined' : s.length > 200 ? `${s.slice(0, 200)}…` : s);
