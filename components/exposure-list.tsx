// Who can slash this address's stake, how much, and what is about to change.
import { exposureLabel, exposureNotes } from '../lib/portfolio/describe.js';
import type { Exposure } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';

export function ExposureList({ exposures }: { exposures: readonly Exposure[] }) {
  if (exposures.length === 0) return null;
  return (
    <section aria-label="Slashable exposure">
      <h4>Slashable by</h4>
      <ul className="rows">
        {exposures.map((e, i) => (
          <li key={`${e.service}-${e.serviceSetId}-${e.strategy ?? e.asset.symbol}-${i}`} data-testid="exposure" data-avs={e.service} data-set-id={e.serviceSetId} data-operator={e.operator} data-symbol={e.asset.symbol} data-amount={e.slashableAmount.toString()}>
            <div>
              <span title={e.service}>{exposureLabel(e)}</span>
              <div className="muted small">
                via <AddressText address={e.operator} />
                {exposureNotes(e)
                  .filter((n) => n !== 'redistributes' && !n.startsWith('pending '))
                  .map((n) => ` · ${n}`)
                  .join('')}
                {e.redistributes && <span className="tag warn">redistributes</span>}
              </div>
              {e.pending && (
                <div className="muted small" data-testid="exposure-pending">
                  {exposureNotes(e).find((n) => n.startsWith('pending '))}
                </div>
              )}
            </div>
            <Amount amount={e.slashableAmount} asset={e.asset} />
          </li>
        ))}
      </ul>
    </section>
  );
}
