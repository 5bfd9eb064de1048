// Plain-text table of a snapshot for the terminal. Amounts are formatted here, at the edge.
import type { Snapshot } from '../portfolio/types.js';
import { exposureLabel, exposureNotes, withdrawalEta } from '../portfolio/describe.js';
import { formatAmount } from '../portfolio/format.js';

export function renderPositions(snapshot: Snapshot): string {
  const out: string[] = [];
  const when = new Date(snapshot.blockTimestamp * 1000).toISOString();
  out.push(`chain ${snapshot.chainId} · block ${snapshot.blockNumber} (${when})`);
  for (const a of snapshot.addresses) {
    out.push('', `${a.address}`);
    for (const f of a.failures) out.push(`  ! ${f.protocol} could not be read: ${f.message}`);
    if (a.positions.length === 0 && a.withdrawals.length === 0 && a.failures.length === 0) out.push('  no restaked positions');
    const rows = a.positions.map((p) => [p.protocol, p.operator ?? '(not delegated)', p.asset.symbol, formatAmount(p.amount, p.asset.decimals, 6)]);
    if (rows.length) out.push(table(['protocol', 'operator', 'asset', 'amount'], rows, '  '));
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

function table(head: string[], rows: string[][], indent: string): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => indent + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
