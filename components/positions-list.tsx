// Stake per protocol -> operator -> asset.
import type { Position } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';
import { groupPositions, PROTOCOL_NAMES } from './group-positions.js';

export function PositionsList({ positions }: { positions: readonly Position[] }) {
  if (positions.length === 0) return <p className="muted">No restaked positions.</p>;
  return (
    <>
      {groupPositions(positions).map((g) => (
        <section key={g.protocol} className="protocol" aria-label={PROTOCOL_NAMES[g.protocol]}>
          <h4>{PROTOCOL_NAMES[g.protocol]}</h4>
          {g.operators.map((o) => (
            <div key={o.operator ?? 'none'} className="operator">
              <div className="operator-name">{o.operator ? <>Operator <AddressText address={o.operator} /></> : 'Not delegated (not slashable)'}</div>
              <ul className="rows">
                {o.positions.map((p, i) => (
                  <li key={`${p.strategy ?? p.asset.symbol}-${i}`} data-testid="position" data-protocol={p.protocol} data-operator={p.operator ?? ''} data-symbol={p.asset.symbol} data-amount={p.amount.toString()}>
                    <span>{p.asset.symbol}</span>
                    <Amount amount={p.amount} asset={p.asset} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
