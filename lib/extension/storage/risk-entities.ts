// Which risk entities a position depends on, and their storage keys. Shared by the background
// (what to assess), the popup (what to show beside a position) and the CLI (a staker's risk), so
// all three agree on the same list. Positions carry only their operator or vault; the services that
// can slash them (EigenLayer operator sets, Symbiotic networks, Karak DSSs) come from the exposures.
import { getAddress } from 'viem';
import type { EntityRef } from '../../risk/entity.js';
import type { Exposure, Position } from '../../portfolio/types.js';

export const riskEntityKey = (e: { kind: string; address: string; operatorSetId?: number }): string =>
  `${e.kind}:${e.address.toLowerCase()}${e.kind === 'eigenlayer-operator-set' ? `/${e.operatorSetId ?? 0}` : ''}`;

/** Exposures that belong to this position (same protocol and operator, and same strategy or vault). */
export function exposuresOfPosition(p: Position, exposures: readonly Exposure[]): Exposure[] {
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  return exposures.filter((e) => {
    if (e.protocol !== p.protocol) return false;
    if (p.protocol === 'eigenlayer') return same(e.operator, p.operator) && (!p.strategy || !e.strategy || same(e.strategy, p.strategy));
    if (p.protocol === 'symbiotic') return !!p.symbiotic && same(e.symbiotic?.vault, p.symbiotic.vault);
    return !!p.karak && p.karak.version === 2 && same(e.karak?.vault, p.karak.vault);
  });
}

/** Every entity whose risk this position carries, deduplicated, in a stable order (operator/vault first). */
export function positionRiskEntities(p: Position, exposures: readonly Exposure[]): EntityRef[] {
  const out: EntityRef[] = [];
  const add = (e: EntityRef) => {
    const ref = { ...e, address: getAddress(e.address) };
    if (!out.some((o) => riskEntityKey(o) === riskEntityKey(ref))) out.push(ref);
  };
  const mine = exposuresOfPosition(p, exposures);
  if (p.protocol === 'eigenlayer') {
    // Undelegated stake cannot be slashed: no entity, and the popup says "not slashable".
    if (!p.operator) return out;
    add({ kind: 'eigenlayer-operator', address: p.operator });
    for (const e of mine) add({ kind: 'eigenlayer-operator-set', address: e.service, operatorSetId: e.serviceSetId });
  } else if (p.protocol === 'symbiotic' && p.symbiotic) {
    add({ kind: 'symbiotic-vault', address: p.symbiotic.vault });
    for (const e of mine) add({ kind: 'symbiotic-network', address: e.service });
    for (const op of [p.operator, ...mine.map((e) => e.operator)]) if (op) add({ kind: 'symbiotic-operator', address: op });
  } else if (p.protocol === 'karak' && p.karak?.version === 2) {
    add({ kind: 'karak-vault', address: p.karak.vault });
    for (const e of mine) add({ kind: 'karak-dss', address: e.service });
    for (const op of [p.operator, ...mine.map((e) => e.operator)]) if (op) add({ kind: 'karak-operator', address: op });
  }
  return out;
}
