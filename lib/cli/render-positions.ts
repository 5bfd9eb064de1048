// Plain-text table of a snapshot for the terminal. Amounts are formatted here, at the edge.
import type { Snapshot } from '../portfolio/types.js';
import { formatAmount, formatWadPercent } from '../portfolio/format.js';

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
          ['AVS', 'set', 'asset', 'slashable', 'allocated', 'notes'],
          a.exposures.map((e) => [
            e.service,
            String(e.serviceSetId),
            e.asset.symbol,
            formatAmount(e.slashableAmount, e.asset.decimals, 6),
            formatWadPercent(e.maxMagnitude === 0n ? 0n : (e.currentMagnitude * 10n ** 18n) / e.maxMagnitude),
            [e.redistributes ? 'redistributes' : '', e.pending ? `pending ${e.pending.diff > 0n ? '+' : ''}${formatWadPercent(e.pending.diff)} at block ${e.pending.effectBlock}` : '']
              .filter(Boolean)
              .join('; '),
          ]),
          '    ',
        ),
      );
    }
    if (a.withdrawals.length) {
      out.push('  queued withdrawals:');
      out.push(
        table(
          ['asset', 'amount', 'completable', 'status'],
          a.withdrawals.map((w) => [
            w.asset.symbol,
            formatAmount(w.amount, w.asset.decimals, 6),
            `block ${w.completableAtBlock}`,
            w.completable ? 'completable now' : `in ${w.completableAtBlock - snapshot.blockNumber} blocks${w.slashable ? ', still slashable' : ''}`,
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
