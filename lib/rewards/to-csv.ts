// CSV export of positions and rewards (one row per figure), built from the stored snapshots only.
// Amounts appear twice: exact base units and formatted. Cells from the chain or the user (symbols,
// labels) are quoted and defused against spreadsheet formula injection.
import { formatUnits } from 'viem';
import type { Portfolio } from '../extension/storage/portfolio.js';
import type { RewardsStore } from '../extension/storage/rewards.js';
import type { TrackedAddress } from '../extension/storage/settings.js';
import type { Asset } from '../portfolio/types.js';
import { isReadError } from './describe.js';
import { summarizeRewards } from './summary.js';
import { valueOfSnapshot } from './value-of-snapshot.js';

const HEADER = ['chain_id', 'block', 'address', 'label', 'protocol', 'kind', 'asset', 'asset_address', 'amount_base_units', 'amount', 'value_eth', 'value_usd', 'detail'];

/** RFC 4180 quoting; a leading = + - @ tab or CR is prefixed with ' so spreadsheets show text. */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

const eth = (v: bigint | null) => (v === null ? '' : formatUnits(v, 18));

export function exportCsv(portfolio: Portfolio, rewards: RewardsStore, tracked: readonly TrackedAddress[]): string {
  const rows: string[][] = [HEADER];
  const label = (a: string) => tracked.find((t) => t.address === a)?.label ?? '';
  for (const [chainId, chain] of Object.entries(portfolio.chains)) {
    const snap = chain.snapshot;
    if (!snap) continue;
    const r = rewards.chains[chainId]?.rewards;
    // Values only when the rewards were read at the same block: a figure must match its block.
    const sameBlock = r && r.blockNumber === snap.blockNumber ? r : null;
    const valueOf = sameBlock ? valueOfSnapshot(sameBlock) : () => ({ eth: null, usd: null });
    const push = (block: bigint, address: string, protocol: string, kind: string, asset: Asset, amount: bigint, detail: string, priced = true) => {
      const v = priced ? valueOf(amount, asset) : { eth: null, usd: null };
      rows.push([chainId, block.toString(), address, label(address), protocol, kind, asset.symbol, asset.address ?? 'native', amount.toString(), formatUnits(amount, asset.decimals), eth(v.eth), eth(v.usd), detail]);
    };
    for (const a of snap.addresses) {
      for (const p of a.positions) push(snap.blockNumber, a.address, p.protocol, 'position', p.asset, p.amount, p.operator ? `operator ${p.operator}` : 'not delegated');
      for (const w of a.withdrawals) push(snap.blockNumber, a.address, w.protocol, 'withdrawal', w.asset, w.amount, w.completable ? 'completable' : 'pending');
      for (const f of a.failures) rows.push([chainId, snap.blockNumber.toString(), a.address, label(a.address), f.protocol, 'read-failed', '', '', '', '', '', '', f.message]);
    }
    if (!r) continue;
    const summaries = sameBlock ? summarizeRewards(snap, sameBlock, valueOf) : [];
    for (const s of summaries) {
      for (const b of s.base) {
        if (b.perYear !== null) push(r.blockNumber, s.address, 'base-yield', 'yield-per-year', b.asset, b.perYear, `annualized ${b.yield?.annualizedPpm ?? ''} ppm`);
      }
      for (const c of s.claimable) push(r.blockNumber, s.address, c.protocol, 'claimable', c.token, c.amount, c.source);
    }
    for (const a of r.addresses) {
      if (a.eigenlayer && !isReadError(a.eigenlayer)) {
        for (const h of a.eigenlayer.history) push(h.blockNumber, a.address, 'eigenlayer', 'claimed', h.token, h.amount, `tx ${h.txHash} claimer ${h.claimer} recipient ${h.recipient}`, false);
        if (a.eigenlayer.claimable.status === 'rejected') rows.push([chainId, r.blockNumber.toString(), a.address, label(a.address), 'eigenlayer', 'claim-proof-refused', '', '', '', '', '', '', a.eigenlayer.claimable.reason]);
      }
      if (a.symbiotic && !isReadError(a.symbiotic)) {
        for (const v of a.symbiotic) for (const h of v.history) push(h.blockNumber, a.address, 'symbiotic', 'claimed', h.token, h.amount, `tx ${h.txHash} vault ${v.vault} recipient ${h.recipient}`, false);
      }
      if (a.karak && !isReadError(a.karak)) {
        for (const h of a.karak) for (const p of h.points) push(p.blockNumber, a.address, 'karak', 'vault-value', h.asset, p.assets, `vault ${h.vault} (rewards are paid off chain)`, false);
      }
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
