// Per-asset totals across protocols for one address on one chain (lib/portfolio/totals.ts). A
// protocol that could not be read is named: its stake is missing from the totals, not zero.
import { totalsByAsset } from '../lib/portfolio/totals.js';
import type { AddressSnapshot } from '../lib/portfolio/types.js';
import { Amount } from './amount.js';
import { PROTOCOL_NAMES } from './group-positions.js';

export function TotalsList({ data }: { data: AddressSnapshot }) {
  const totals = totalsByAsset(data);
  if (totals.length === 0) return null;
  return (
    <section className="totals" aria-label="Totals">
      <h5>Totals</h5>
      <ul className="rows">
        {totals.map((t) => (
          <li key={t.asset.address ?? 'native'} data-testid="total" data-symbol={t.asset.symbol} data-amount={t.amount.toString()}>
            <span>
              {t.asset.symbol} <span className="muted small">{t.protocols.map((p) => PROTOCOL_NAMES[p]).join(' + ')}</span>
            </span>
            <Amount amount={t.amount} asset={t.asset} />
          </li>
        ))}
      </ul>
      {data.failures.length > 0 && <p className="muted small">Without {data.failures.map((f) => PROTOCOL_NAMES[f.protocol]).join(', ')} (could not be read).</p>}
    </section>
  );
}
