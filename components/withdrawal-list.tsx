// One protocol's started withdrawals: when they can be completed (blocks for EigenLayer, time for
// Symbiotic epochs and Karak delays) and whether they can still be slashed.
import { withdrawalEta } from '../lib/portfolio/describe.js';
import type { Withdrawal } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';

export function WithdrawalList({ withdrawals, currentBlock, currentTime }: { withdrawals: readonly Withdrawal[]; currentBlock: bigint; currentTime: number }) {
  if (withdrawals.length === 0) return null;
  return (
    <section aria-label="Queued withdrawals">
      <h6>Queued withdrawals</h6>
      <ul className="rows">
        {withdrawals.map((w, i) => (
          <li key={`${w.id}-${w.strategy ?? w.asset.symbol}-${i}`} data-testid="withdrawal" data-protocol={w.protocol} data-symbol={w.asset.symbol} data-amount={w.amount.toString()} data-completable={String(w.completable)}>
            <div>
              {withdrawalEta(w, currentBlock, currentTime)}
              {w.slashable && <span className="tag warn">still slashable</span>}
              {w.symbiotic && (
                <div className="muted small">
                  vault <AddressText address={w.symbiotic.vault} /> · epoch {w.symbiotic.epoch}
                </div>
              )}
              {w.karak && (
                <div className="muted small">
                  {w.karak.version === 1 ? 'V1 ' : ''}vault <AddressText address={w.karak.vault} />
                </div>
              )}
            </div>
            <Amount amount={w.amount} asset={w.asset} />
          </li>
        ))}
      </ul>
    </section>
  );
}
