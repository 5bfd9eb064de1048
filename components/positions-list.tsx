// One protocol's stake: EigenLayer per operator, Symbiotic / Karak per vault, then per asset.
import type { Position } from '../lib/portfolio/types.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';
import { formatDuration } from './format-duration.js';
import { groupPositions, type PositionGroup } from './group-positions.js';
import { PositionRisk } from './position-risk.js';

export function PositionsList({ positions, currentTime }: { positions: readonly Position[]; currentTime: number }) {
  if (positions.length === 0) return null;
  return (
    <>
      {groupPositions(positions).map((g) => (
        <div key={g.key} className="operator">
          <div className="operator-name">
            <GroupTitle group={g} currentTime={currentTime} />
          </div>
          <ul className="rows">
            {g.positions.map((p, i) => (
              <li key={`${p.strategy ?? p.asset.address ?? p.asset.symbol}-${i}`} data-testid="position" data-protocol={p.protocol} data-operator={p.operator ?? ''} data-vault={g.vault ?? undefined} data-symbol={p.asset.symbol} data-amount={p.amount.toString()}>
                <div>
                  {p.asset.symbol}
                  {p.symbiotic && p.symbiotic.slashableBalance !== p.amount && (
                    <span className="muted small">
                      {' '}
                      · slashable incl. pending withdrawals: <Amount amount={p.symbiotic.slashableBalance} asset={p.asset} />
                    </span>
                  )}
                  <PositionRisk position={p} />
                </div>
                <Amount amount={p.amount} asset={p.asset} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function GroupTitle({ group, currentTime }: { group: PositionGroup; currentTime: number }) {
  const first = group.positions[0]!;
  const operator = group.operator && (
    <>
      {' '}
      · operator <AddressText address={group.operator} />
    </>
  );
  if (first.symbiotic) {
    const s = first.symbiotic;
    const nextIn = s.currentEpochStart + s.epochDuration - currentTime;
    return (
      <>
        Vault <AddressText address={s.vault} />
        {s.vaultVersion === 2 && ' (tokenized)'}
        {operator}
        <div className="muted small">
          epoch {s.currentEpoch} of {formatDuration(s.epochDuration)}
          {nextIn > 0 && <>, next in ~{formatDuration(nextIn)}</>}
        </div>
      </>
    );
  }
  if (first.karak) {
    const k = first.karak;
    if (k.version === 1) {
      return (
        <>
          V1 deposit (no slashing) · vault <AddressText address={k.vault} />
        </>
      );
    }
    return (
      <>
        Vault <AddressText address={k.vault} />
        {operator}
        <div className="muted small">{k.dssCount === 0 ? 'not staked to any DSS' : `staked to ${k.dssCount} DSS${k.dssCount > 1 ? 's' : ''}`}</div>
      </>
    );
  }
  return group.operator ? (
    <>
      Operator <AddressText address={group.operator} />
    </>
  ) : (
    <>Not delegated (not slashable)</>
  );
}
