// Positions grouped for display: protocol -> operator -> assets, in first-seen order so the list
// does not jump around between refreshes.
import type { Address } from 'viem';
import type { Position, ProtocolId } from '../lib/portfolio/types.js';

export interface OperatorGroup {
  operator: Address | null;
  positions: Position[];
}

export interface ProtocolGroup {
  protocol: ProtocolId;
  operators: OperatorGroup[];
}

export function groupPositions(positions: readonly Position[]): ProtocolGroup[] {
  const groups: ProtocolGroup[] = [];
  for (const p of positions) {
    let g = groups.find((x) => x.protocol === p.protocol);
    if (!g) groups.push((g = { protocol: p.protocol, operators: [] }));
    let o = g.operators.find((x) => x.operator === p.operator);
    if (!o) g.operators.push((o = { operator: p.operator, positions: [] }));
    o.positions.push(p);
  }
  return groups;
}

export const PROTOCOL_NAMES: Record<ProtocolId, string> = { eigenlayer: 'EigenLayer', symbiotic: 'Symbiotic', karak: 'Karak' };
