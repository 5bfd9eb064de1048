// Plain-text table of a snapshot for the terminal. Amounts are formatted here, at the edge.
import type { Snapshot } from '../portfolio/types.js';
import { exposureLabel, exposureNotes, withdrawalEta } from '../portfolio/describe.js';
import { formatAmount, shortAddress } from '../portfolio/format.js';
import { totalsByAsset } from '../portfolio/totals.js';
import { chainName } from '../chains/registry.js';
import type { Position } from '../portfolio/types.js';

export function renderPositions(snapshot: Snapshot): string {
  const out: string[] = [];
  const when = new Date(snapshot.blockTimestamp * 1000).toISOString();
  out.push(`${chainName(snapshot.chainId)} (chain ${snapshot.chainId}) · block ${snapshot.blockNumber} (${when})`);
  for (const a of snapshot.addresses) {
    out.push('', `${a.address}`);
    for (const f of a.failures) out.push(`  ! ${f.protocol} could not be read: ${f.message}`);
    if (a.positions.length === 0 && a.withdrawals.length === 0 && a.failures.length === 0) out.push('  no restaked positions');
    const rows = a.positions.map((p) => [p.protocol, where(p), p.asset.symbol, formatAmount(p.amount, p.asset.decimals, 6)]);
    if (rows.length) out.push(table(['protocol', 'operator / vault', 'asset', 'amount'], rows, '  '));
    const totals = totalsByAsset(a);
    if (totals.length) {
      out.push('  totals across protocols:');
      out.push(table(['asset', 'amount', 'protocols'], totals.map((t) => [t.asset.symbol, formatAmount(t.amount, t.asset.decimals, 6), t.protocols.join(', ')]), '    '));
    }
    if (a.exposures.length) {
      out.push('  slashable by:');
      out.push(
        table(
          ['protocol', 'service', 'operator', 'asset', 'slashable', 'notes'],
          a.exposures.map((e) => [
            e.protocol,
            exposureLabel(e),
            e.operator,
            e.asset.symbol,
            formatAmount(e.slashableAmount, e.asset.decimals, 6),
            exposureNotes(e).join('; '),
          ]),
          '    ',
        ),
      );
    }
    if (a.withdrawals.length) {
      out.push('  queued withdrawals:');
      out.push(
        table(
          ['protocol', 'asset', 'amount', 'status'],
          a.withdrawals.map((w) => [
            w.protocol,
            w.asset.symbol,
            formatAmount(w.amount, w.asset.decimals, 6),
            withdrawalEta(w, snapshot.blockNumber, snapshot.blockTimestamp) + (w.slashable ? '; still slashable' : ''),
          ]),
          '    ',
        ),
      );
    }
  }
  return out.join('\n');
}

export function table(head: string[], rows: string[][], indent: string): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => indent + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

/** Where the stake sits: the operator (EigenLayer), or the vault and its operator (Symbiotic, Karak). */
function where(p: Position): string {
  const operator = p.operator ?? (p.protocol === 'eigenlayer' ? '(not delegated)' : '');
  const vault = p.symbiotic?.vault ?? p.karak?.vault;
  if (!vault) return operator;
  const v1 = p.karak?.version === 1 ? ' (Karak V1, no slashing)' : '';
  return `vault ${shortAddress(vault)}${operator ? ` · operator ${shortAddress(operator as `0x${string}`)}` : ''}${v1}`;
}
