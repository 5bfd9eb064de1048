// Who can slash this address's stake, how much, and what is about to change.
import { formatWadPercent } from '../lib/portfolio/format.js';
import type { Exposure } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';

const WAD = 10n ** 18n;
const share = (magnitude: bigint, max: bigint) => (max > 0n ? formatWadPercent((magnitude * WAD) / max) : '–');

export function ExposureList({ exposures }: { exposures: readonly Exposure[] }) {
  if (exposures.length === 0) return null;
  return (
    <section aria-label="Slashable exposure">
      <h4>Slashable by</h4>
      <ul className="rows">
        {exposures.map((e, i) => (
          <li key={`${e.service}-${e.serviceSetId}-${e.strategy ?? e.asset.symbol}-${i}`} data-testid="exposure" data-avs={e.service} data-set-id={e.serviceSetId} data-operator={e.operator} data-symbol={e.asset.symbol} data-amount={e.slashableAmount.toString()}>
            <div>
              AVS <AddressText address={e.service} /> · set {e.serviceSetId}
              <div className="muted small">
                via <AddressText address={e.operator} /> · {share(e.currentMagnitude, e.maxMagnitude)} allocated
                {e.redistributes && <span className="tag warn">redistributes</span>}
              </div>
              {e.pending && (
                <div className="muted small" data-testid="exposure-pending">
                  pending {e.pending.diff < 0n ? 'decrease' : 'increase'} of {share(e.pending.diff < 0n ? -e.pending.diff : e.pending.diff, e.maxMagnitude)} at block {e.pending.effectBlock.toString()}
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
