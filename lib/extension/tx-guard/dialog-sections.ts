// Dialog sections of the call kinds that do not fit "who can slash it": the withdrawals a completion
// names (completable or not, what is paid), and an LRT deposit's pooled look-through (restaking
// protocols, operators behind the registry-listed delegating contracts with their grades, and what
// could not be established). Data attributes carry the raw values for tests and assistive tools.
import type { DialogView } from '../../tx/delta/dialog-view.js';
import { el } from './dialog-dom.js';

export function completionsSection(v: DialogView): HTMLElement | null {
  if (v.completions.length === 0) return null;
  return el('div', {}, el('h3', {}, v.completions.length > 1 ? 'Withdrawals completed' : 'Withdrawal completed'),
    el('ul', {}, ...v.completions.map((c) => el('li', { 'data-testid': 'tx-completion', 'data-id': c.id, 'data-status': c.status },
      el('span', { class: 'mono' }, `${c.id.slice(0, 10)}… `), c.text,
      c.amounts.length ? el('br') : null, c.amounts.map((a) => a.text).join(', ')))));
}

export function pooledSection(v: DialogView): HTMLElement | null {
  const p = v.pooled;
  if (!p) return null;
  const ops = p.delegations.map((d) => el('li', { 'data-testid': 'tx-pooled-operator', 'data-contract': d.contract, 'data-operator': d.operator ?? '', 'data-grade': d.grade ?? '' },
    `${d.role}: `,
    !d.readable ? 'delegation could not be read' : d.operator ? `${d.operatorName ? `${d.operatorName} ` : ''}${d.operator}` : 'not delegated',
    d.grade ? el('span', { class: `grade ${d.grade}` }, ` risk: ${d.grade}`) : null,
    d.reasons.length ? el('ul', {}, ...d.reasons.map((r) => el('li', {}, r))) : null));
  return el('div', { 'data-testid': 'tx-pooled', 'data-lrt': p.address, 'data-restakes-into': p.restakesInto ?? '' },
    el('h3', {}, `Pooled stake: you receive ${p.symbol}`),
    el('p', {}, `${p.name ?? p.symbol} (${p.lrtProtocol}) pools deposits into: ${p.restakesInto ?? 'not established'}.`),
    ops.length ? el('ul', {}, ...ops) : null,
    p.unknowns.length ? el('ul', { class: 'muted' }, ...p.unknowns.map((u) => el('li', { 'data-testid': 'tx-unknown' }, u))) : null);
}
