// One address on one chain: base staking yield beside restaking rewards (claimed and claimable),
// the Karak value change, and the value chart. Reads the stored rewards snapshot only. A figure
// that could not be read says so; a refused claim proof is reported, never shown as money.
import type { ChainRewards } from '../lib/extension/storage/rewards.js';
import { formatAmount, shortAddress } from '../lib/portfolio/format.js';
import type { Snapshot } from '../lib/portfolio/types.js';
import { baseYieldText, claimableNote, formatPpm, isReadError, karakChangeText } from '../lib/rewards/describe.js';
import type { HistoryPoint } from '../lib/rewards/history.js';
import { summarizeRewards, type Valued } from '../lib/rewards/summary.js';
import type { AddressRewards } from '../lib/rewards/types.js';
import { valueOfSnapshot } from '../lib/rewards/value-of-snapshot.js';
import { Amount } from './amount.js';
import { ValueChart } from './value-chart.js';

export interface RewardsBlockProps {
  chainId: number;
  positions: Snapshot;
  chain: ChainRewards;
  address: string;
  history: readonly HistoryPoint[];
}

function ValueText({ v }: { v: Valued }) {
  if (v.eth === null && v.usd === null) return <span className="muted small">value unknown</span>;
  return (
    <span className="muted small">
      {v.eth !== null && `≈ ${formatAmount(v.eth, 18, 4)} ETH`}
      {v.usd !== null && ` · $${formatAmount(v.usd, 18, 2)}`}
    </span>
  );
}

export function RewardsBlock({ chainId, positions, chain, address, history }: RewardsBlockProps) {
  const rewards = chain.rewards;
  const row: AddressRewards | undefined = rewards?.addresses.find((a) => a.address === address);
  if (!rewards || !row) {
    return (
      <section className="rewards" data-testid={`rewards-${chainId}`} aria-label="Rewards">
        <h5>Rewards</h5>
        <p className="muted small" data-testid="rewards-pending">{chain.status.error ? `Rewards could not be read: ${chain.status.error.message}` : 'Rewards appear after the next refresh.'}</p>
      </section>
    );
  }
  const valueOf = valueOfSnapshot(rewards);
  const summary = summarizeRewards(positions, rewards, valueOf).find((s) => s.address === address)!;
  const stale = chain.status.state === 'stale';
  const el = row.eigenlayer;
  return (
    <section className="rewards" data-testid={`rewards-${chainId}`} data-block={rewards.blockNumber.toString()} data-state={chain.status.state} aria-label="Rewards">
      <h5>
        Rewards <span className="muted small">as of block {rewards.blockNumber.toString()}</span>
        {stale && <span className="tag warn" title={chain.status.error?.message}>stale</span>}
      </h5>
      {isReadError(rewards.prices) && <p className="small banner warn">Prices unknown ({rewards.prices.error}): values are not shown.</p>}
      <div className="rewards-columns">
        <div className="rewards-col" data-testid="base-yield">
          <h6>Base staking yield</h6>
          {summary.base.length === 0 && !row.nativeEth && <p className="muted small">No liquid staking tokens held.</p>}
          <ul className="rows">
            {summary.base.map((b) => (
              <li key={b.asset.address ?? 'eth'} data-testid="base-yield-row" data-symbol={b.asset.symbol} data-ppm={b.yield?.annualizedPpm?.toString() ?? ''}>
                <span>
                  <strong>{b.asset.symbol}</strong> {b.yield ? baseYieldText(b.yield) : 'yield unknown (no rate source)'}
                </span>
                {b.perYear !== null && (
                  <span className="small">
                    ≈ <Amount amount={b.perYear} asset={b.asset} />/yr <ValueText v={b.perYearValue} />
                  </span>
                )}
              </li>
            ))}
          </ul>
          {row.nativeEth && (
            <p className="muted small" data-testid="native-eth-yield">
              Native ETH {formatAmount(row.nativeEth.restakedWei, 18)} restaked: validator rewards not measured (no source configured).
            </p>
          )}
        </div>
        <div className="rewards-col" data-testid="restaking-rewards">
          <h6>Restaking rewards</h6>
          {el === null ? null : isReadError(el) ? (
            <p className="small error">EigenLayer rewards unknown: {el.error}</p>
          ) : (
            <div data-testid="eigenlayer-rewards" data-status={el.claimable.status}>
              <strong className="small">EigenLayer</strong>
              {claimableNote(el.claimable) && (
                <p className={`small ${el.claimable.status === 'rejected' ? 'banner error' : 'muted'}`} data-testid={el.claimable.status === 'rejected' ? 'claim-refused' : 'claimable-note'} role={el.claimable.status === 'rejected' ? 'alert' : undefined}>
                  {claimableNote(el.claimable)}
                </p>
              )}
              {el.claimable.status === 'verified' && el.claimable.tokens.every((t) => t.claimable === 0n) && (
                <p className="muted small" data-testid="claimable-nothing">
                  Nothing to claim: everything earned up to root #{el.claimable.rootIndex} (proof verified on chain) is claimed.
                </p>
              )}
              {el.claimable.status === 'verified' && (
                <ul className="rows">
                  {el.claimable.tokens.filter((t) => t.claimable > 0n).map((t) => (
                    <li key={t.token.address} data-testid="claimable-row" data-protocol="eigenlayer" data-token={t.token.address ?? ''} data-symbol={t.token.symbol} data-amount={t.claimable.toString()}>
                      <span>
                        claimable <span className="tag ok" title={`Proof verified against root #${el.claimable.status === 'verified' ? el.claimable.rootIndex : ''} on chain`}>verified</span>
                      </span>
                      <span>
                        <Amount amount={t.claimable} asset={t.token} /> <ValueText v={valueOf(t.claimable, t.token)} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {el.claimed.map((c) => (
                <p key={c.token.address} className="small" data-testid="claimed-row" data-token={c.token.address ?? ''} data-symbol={c.token.symbol} data-amount={c.cumulativeClaimed.toString()}>
                  claimed in total <Amount amount={c.cumulativeClaimed} asset={c.token} />
                </p>
              ))}
              {el.history.slice(-3).map((h) => (
                <p key={`${h.txHash}:${h.logIndex}`} className="muted small">
                  block {h.blockNumber.toString()}: {formatAmount(h.amount, h.token.decimals)} {h.token.symbol} by {shortAddress(h.claimer)} to {shortAddress(h.recipient)}
                </p>
              ))}
              {el.operatorSplits && (
                <p className="muted small" data-testid="operator-split">
                  Operator {shortAddress(el.operatorSplits.operator)} keeps {formatPpm(BigInt(el.operatorSplits.piSplitBips) * 100n)} of incentives
                  {el.operatorSplits.avsSplits.map((a) => `, ${formatPpm(BigInt(a.bips) * 100n)} from AVS ${shortAddress(a.avs)}`).join('')}
                </p>
              )}
            </div>
          )}
          {row.symbiotic !== null &&
            (isReadError(row.symbiotic) ? (
              <p className="small error">Symbiotic rewards unknown: {row.symbiotic.error}</p>
            ) : (
              row.symbiotic.map((v) => (
                <div key={v.rewardsContract} data-testid="symbiotic-rewards" data-vault={v.vault}>
                  <strong className="small">Symbiotic vault {shortAddress(v.vault)}</strong> <span className="muted small">fee {formatPpm(BigInt(v.adminFeeBips) * 100n)}</span>
                  <ul className="rows">
                    {v.claimable.map((c) => (
                      <li key={`${c.network}:${c.token.address}`} data-testid="claimable-row" data-protocol="symbiotic" data-network={c.network} data-token={c.token.address ?? ''} data-symbol={c.token.symbol} data-amount={c.amount.toString()}>
                        <span className="small">claimable from {shortAddress(c.network)}</span>
                        <span>
                          <Amount amount={c.amount} asset={c.token} /> <ValueText v={valueOf(c.amount, c.token)} />
                        </span>
                      </li>
                    ))}
                  </ul>
                  {v.history.slice(-3).map((h) => (
                    <p key={`${h.txHash}:${h.logIndex}`} className="muted small">
                      block {h.blockNumber.toString()}: claimed {formatAmount(h.amount, h.token.decimals)} {h.token.symbol} to {shortAddress(h.recipient)}
                    </p>
                  ))}
                </div>
              ))
            ))}
          {row.karak !== null && (
            <div data-testid="karak-value">
              <strong className="small">Karak</strong>
              <p className="muted small">No rewards contract: Karak rewards are paid off chain. Vault value over time:</p>
              {isReadError(row.karak) ? <p className="small error">unknown: {row.karak.error}</p> : row.karak.map((h) => <p key={h.vault} className="small">{shortAddress(h.vault)}: {karakChangeText(h)}</p>)}
            </div>
          )}
          <p className="small" data-testid="claimable-total">
            Total claimable ≈ {formatAmount(summary.totals.claimableEth, 18, 4)} ETH{summary.totals.complete ? '' : ' (incomplete: some figures unknown)'}
          </p>
        </div>
      </div>
      <ValueChart points={history} label="Position value" />
    </section>
  );
}
