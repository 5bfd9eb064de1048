// Which entities the tracked addresses touch, per chain, as a set of keys: "protocol:address" and
// "eigenlayer:avs/set". Built from the stored snapshot; only membership is ever answered, so the
// channel cannot reveal which tracked address, how much, or how many.
import type { Snapshot } from '../portfolio/types.js';
import type { EntityKind } from '../risk/entity.js';
import { protocolOfKind } from './sites.js';

export type ExposureIndex = ReadonlySet<string>;

const k = (protocol: string, address: string, set?: number) => `${protocol}:${address.toLowerCase()}${set === undefined ? '' : `/${set}`}`;

export function exposureIndex(snapshot: Snapshot | null): ExposureIndex {
  const out = new Set<string>();
  if (!snapshot) return out;
  for (const a of snapshot.addresses) {
    for (const p of a.positions) {
      if (p.operator) out.add(k(p.protocol, p.operator));
      if (p.symbiotic) out.add(k('symbiotic', p.symbiotic.vault));
      if (p.karak) out.add(k('karak', p.karak.vault));
    }
    for (const e of a.exposures) {
      out.add(k(e.protocol, e.operator));
      out.add(k(e.protocol, e.service));
      if (e.protocol === 'eigenlayer') out.add(k('eigenlayer', e.service, e.serviceSetId));
      if (e.symbiotic) out.add(k('symbiotic', e.symbiotic.vault));
      if (e.karak) out.add(k('karak', e.karak.vault));
    }
    for (const w of a.withdrawals) {
      // A withdrawal still inside its slashable window is still exposed.
      if (!w.slashable) continue;
      if (w.operator) out.add(k(w.protocol, w.operator));
      if (w.symbiotic) out.add(k('symbiotic', w.symbiotic.vault));
      if (w.karak) out.add(k('karak', w.karak.vault));
    }
  }
  return out;
}

export function isExposed(index: ExposureIndex, kind: EntityKind, address: string, operatorSetId?: number): boolean {
  const protocol = protocolOfKind(kind);
  if (kind === 'eigenlayer-operator-set') return index.has(k(protocol, address, operatorSetId ?? 0));
  return index.has(k(protocol, address));
}
