// Queued withdrawals: when they can be completed, and whether they can still be slashed.
import { withdrawalEta } from '../lib/portfolio/describe.js';
import type { Withdrawal } from '../lib/portfolio/types.js';
import { Amount } from './amount.js';

export function WithdrawalList({ withdrawals, currentBlock, currentTime }: { withdrawals: readonly Withdrawal[]; currentBlock: bigint; currentTime: number }) {
  if (withdrawals.length === 0) return null;
  return (
    <section aria-label="Queued withdrawals">
      <h4>Queued withdrawals</h4>
      <ul className="rows">
        {withdrawals.map((w) => (
          <li key={`${w.id}-${w.strategy ?? w.asset.symbol}`} data-testid="withdrawal" data-symbol={w.asset.symbol} data-amount={w.amount.toString()} data-completable={String(w.completable)}>
            <div>
              {withdrawalEta(w, currentBlock, currentTime)}
              {w.slashable && <span className="tag warn">still slashable</span>}
            </div>
            <Amount amount={w.amount} asset={w.asset} />
          </li>
        ))}
      </ul>
    </section>
  );
}
