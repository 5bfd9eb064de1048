// Plain-language descriptions of model rows, shared by the popup and the CLI so both say the same.
import type { Exposure, Withdrawal } from './types.js';
import { formatBlocksEta, formatWadPercent, shortAddress } from './format.js';

const WAD = 10n ** 18n;
const DELEGATOR_TYPES = ['network-restake', 'full-restake', 'operator-specific', 'operator-network-specific'];

function formatSeconds(s: number): string {
  if (s <= 0) return 'now';
  if (s < 3600) return `~${Math.max(1, Math.round(s / 60))} min`;
  if (s < 86_400) return `~${Math.round(s / 3600)} h`;
  return `~${Math.round(s / 86_400)} d`;
}

/** "completable now" / "completable at block N, in ~10 min" / "claimable from 2026-…, in ~3 d". */
export function withdrawalEta(w: Withdrawal, blockNumber: bigint, blockTimestamp: number): string {
  if (w.completable) return w.symbiotic?.claimed ? 'claimed' : 'completable now';
  if (w.completableAtBlock !== undefined) {
    if (blockNumber >= w.completableAtBlock) return 'completable now';
    return `completable at block ${w.completableAtBlock}, in ${formatBlocksEta(w.completableAtBlock - blockNumber)}`;
  }
  if (w.completableAt !== undefined) {
    if (blockTimestamp >= w.completableAt) return 'completable now';
    return `claimable from ${new Date(w.completableAt * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${formatSeconds(w.completableAt - blockTimestamp)}`;
  }
  return 'not completable yet';
}

/** Who can slash: "AVS 0x12…ab · set 0", "network 0x…· subnetwork 0", "DSS 0x…". */
export function exposureLabel(e: Exposure): string {
  if (e.protocol === 'symbiotic') return `network ${shortAddress(e.service)} · subnetwork ${e.serviceSetId}`;
  if (e.protocol === 'karak') return `DSS ${shortAddress(e.service)}`;
  return `AVS ${shortAddress(e.service)} · set ${e.serviceSetId}`;
}

/** Short facts about an exposure, most important first. */
export function exposureNotes(e: Exposure): string[] {
  const notes: string[] = [];
  if (e.currentMagnitude !== undefined && e.maxMagnitude !== undefined && e.maxMagnitude > 0n) {
    notes.push(`${formatWadPercent((e.currentMagnitude * WAD) / e.maxMagnitude)} allocated`);
  }
  if (e.symbiotic) {
    const s = e.symbiotic;
    notes.push(DELEGATOR_TYPES[s.delegatorType] ?? `delegator type ${s.delegatorType}`);
    if (s.slasherType === 'veto') notes.push(`veto slasher, ${formatSeconds(s.vetoDuration ?? 0).replace('~', '')} veto window`);
    else if (s.slasherType === 'instant') notes.push('instant slasher');
    else notes.push('no slasher');
  }
  if (e.karak) {
    notes.push(`up to ${formatWadPercent(e.karak.maxSlashablePercentageWad / 100n)} per slash`);
    if (e.karak.dssCount > 1) notes.push(`stake shared by ${e.karak.dssCount} DSSs`);
    if (e.karak.pendingUpdate) notes.push(`pending ${e.karak.pendingUpdate.toStake ? 'stake' : 'unstake'} from ${new Date(e.karak.pendingUpdate.finalizableAt * 1000).toISOString().slice(0, 10)}`);
  }
  if (e.redistributes) notes.push('redistributes');
  if (e.pending) {
    const diff = e.pending.diff < 0n ? -e.pending.diff : e.pending.diff;
    const size = e.maxMagnitude ? formatWadPercent((diff * WAD) / e.maxMagnitude) : diff.toString();
    notes.push(`pending ${e.pending.diff < 0n ? 'decrease' : 'increase'} of ${size} at block ${e.pending.effectBlock}`);
  }
  return notes;
}
