// Who can slash this address's stake in one protocol, how much, and what is about to change.
// Text comes from the shared describe.ts (same words as the CLI): EigenLayer allocations, Symbiotic
// delegator/slasher type and veto window, Karak max slashable % per slash and leverage.
import { exposureLabel, exposureNotes } from '../lib/portfolio/describe.js';
import type { Exposure } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';
import { vaultOf } from './group-positions.js';

const isPendingNote = (n: string) => n.startsWith('pending ');

export function ExposureList({ exposures }: { exposures: readonly Exposure[] }) {
  if (exposures.length === 0) return null;
  return (
    <section aria-label="Slashable exposure">
      <h6>Slashable by</h6>
      <ul className="rows">
        {exposures.map((e, i) => {
          const notes = exposureNotes(e);
          const pending = notes.filter(isPendingNote);
          const vault = vaultOf(e);
          return (
            <li key={`${e.service}-${e.serviceSetId}-${vault ?? ''}-${e.strategy ?? e.asset.symbol}-${i}`} data-testid="exposure" data-protocol={e.protocol} data-avs={e.service} data-set-id={e.serviceSetId} data-operator={e.operator} data-symbol={e.asset.symbol} data-amount={e.slashableAmount.toString()}>
              <div>
                <span title={e.service}>{exposureLabel(e)}</span>
                <div className="muted small">
                  via <AddressText address={e.operator} />
                  {vault && (
                    <>
                      {' '}
                      · vault <AddressText address={vault} />
                    </>
                  )}
                  {notes
                    .filter((n) => n !== 'redistributes' && !isPendingNote(n))
                    .map((n) => ` · ${n}`)
                    .join('')}
                  {e.redistributes && <span className="tag warn">redistributes</span>}
                </div>
                {pending.length > 0 && (
                  <div className="muted small" data-testid="exposure-pending">
                    {pending.join(' · ')}
                  </div>
                )}
              </div>
              <Amount amount={e.slashableAmount} asset={e.asset} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
