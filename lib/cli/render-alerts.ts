// Plain-text list of alerts for the terminal: one table row each, then its sentence.
import type { Alert } from '../alerts/types.js';
import { totalsText } from '../alerts/text.js';
import { chainName } from '../chains/registry.js';
import { shortAddress } from '../portfolio/format.js';

function impact(a: Alert): string {
  if (a.assets.some((x) => x.amountLost !== undefined)) return `lost ${totalsText(a.assets, 'amountLost')}`;
  if (a.assets.some((x) => x.amountAtRisk !== undefined)) return `at risk ${totalsText(a.assets, 'amountAtRisk')}`;
  return '';
}

export function renderAlerts(alerts: readonly Alert[], scanned: { chainId: number; fromBlock: number; toBlock: number; finalizedBlock: number }): string {
  const out = [`${chainName(scanned.chainId)} (chain ${scanned.chainId}) · blocks ${scanned.fromBlock}–${scanned.toBlock} scanned (final up to ${scanned.finalizedBlock})`];
  if (alerts.length === 0) return [...out, 'no alerts for these addresses'].join('\n');
  const rows = alerts.map((a) => [String(a.blockNumber), a.status, a.severity, a.kind, shortAddress(a.address), impact(a)]);
  const head = ['block', 'status', 'severity', 'kind', 'address', 'impact'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  out.push('', line(head));
  alerts.forEach((a, i) => {
    out.push(line(rows[i]!), `    ${a.sentence}`);
    if (a.effectBlock !== undefined) out.push(`    effect block ${a.effectBlock}${a.canExitBefore === undefined ? '' : a.canExitBefore ? ' · you can still exit before it' : ' · too late to exit before it'}`);
    out.push(`    tx ${a.txHash} log ${a.logIndex}`);
  });
  return out.join('\n');
}
