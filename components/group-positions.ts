// Positions of one protocol grouped for display: EigenLayer by operator, Symbiotic and Karak by
// vault (a vault is what a staker deposits into; its operators and networks come with it). First-
// seen order so the list does not jump around between refreshes.
import type { Address } from 'viem';
import type { Position, ProtocolId } from '../lib/portfolio/types.js';

export interface PositionGroup {
  key: string;
  /** EigenLayer: the operator (null = not delegated); Symbiotic/Karak: the vault's operator when known. */
  operator: Address | null;
  /** Symbiotic/Karak: the vault; null for EigenLayer. */
  vault: Address | null;
  positions: Position[];
}

export const PROTOCOL_ORDER: readonly ProtocolId[] = ['eigenlayer', 'symbiotic', 'karak'];

export const PROTOCOL_NAMES: Record<ProtocolId, string> = { eigenlayer: 'EigenLayer', symbiotic: 'Symbiotic', karak: 'Karak' };

export function vaultOf(p: { symbiotic?: { vault: Address }; karak?: { vault: Address } }): Address | null {
  return p.symbiotic?.vault ?? p.karak?.vault ?? null;
}

export function groupPositions(positions: readonly Position[]): PositionGroup[] {
  const groups: PositionGroup[] = [];
  for (const p of positions) {
    const vault = vaultOf(p);
    const key = vault ? `vault:${vault}:${p.karak?.version ?? ''}` : `operator:${p.operator ?? 'none'}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, operator: p.operator, vault, positions: [] }));
    g.positions.push(p);
  }
  return groups;
}
