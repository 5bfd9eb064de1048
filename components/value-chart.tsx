// A small inline chart of an address's value on one chain (lib/rewards/history.ts). SVG drawn from
// numbers only (no page text reaches it); unknown points are gaps, never drawn as zero.
import type { HistoryPoint } from '../lib/rewards/history.js';
import { formatAmount } from '../lib/portfolio/format.js';

const W = 160;
const H = 36;

export function ValueChart({ points, label }: { points: readonly HistoryPoint[]; label: string }) {
  const known = points.filter((p) => p.valueEth !== null);
  if (known.length < 2) return <p className="muted small" data-testid="value-chart-empty">Value history: {known.length === 0 ? 'no priced refresh yet' : 'one point so far'}.</p>;
  const values = known.map((p) => BigInt(p.valueEth!));
  const min = values.reduce((a, b) => (b < a ? b : a));
  const max = values.reduce((a, b) => (b > a ? b : a));
  const t0 = known[0]!.t;
  const span = Math.max(1, known[known.length - 1]!.t - t0);
  const range = max - min;
  // Scale in bigint first so 1e21-wei values keep their shape, then to pixels.
  const y = (v: bigint) => (range === 0n ? H / 2 : H - 2 - Number(((v - min) * 1000n) / range) * ((H - 4) / 1000));
  const path = known.map((p, i) => `${i === 0 ? 'M' : 'L'}${(((p.t - t0) / span) * (W - 2) + 1).toFixed(1)},${y(values[i]!).toFixed(1)}`).join(' ');
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const summary = `${label}: ${formatAmount(first, 18, 4)} ETH → ${formatAmount(last, 18, 4)} ETH over ${known.length} refreshes`;
  return (
    <figure className="value-chart" data-testid="value-chart" data-points={known.length}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
