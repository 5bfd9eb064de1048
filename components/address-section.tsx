// One tracked address: its label (editable), then one block per enabled chain that has data for it.
import { useId, useState, type FormEvent } from 'react';
import type { TrackedAddress } from '../lib/extension/storage/settings.js';
import type { ActionResult } from '../lib/extension/popup-store.js';
import { shortAddress } from '../lib/portfolio/format.js';
import { ChainBlock } from './chain-block.js';
import type { ChainView } from './freshness-line.js';
import { chainRewards, type RewardsStore } from '../lib/extension/storage/rewards.js';
import type { History } from '../lib/rewards/history.js';
import { RewardsBlock } from './rewards-block.js';
import { chainRisk, type RiskStore } from '../lib/extension/storage/risk.js';
import { PositionRiskContext } from './risk-context.js';

export interface AddressSectionProps {
  tracked: TrackedAddress;
  /** Enabled chains, in display order; those whose snapshot does not include the address are skipped. */
  chains: readonly ChainView[];
  onRemove(address: string): Promise<ActionResult>;
  onRename(address: string, label: string): Promise<ActionResult>;
  rewards?: RewardsStore;
  history?: History;
  /** Risk verdicts per chain; absent = no risk line under the positions. */
  risk?: RiskStore;
}

export function AddressSection({ tracked, chains, onRemove, onRename, rewards, history, risk }: AddressSectionProps) {
  const [editing, setEditing] = useState(false);
  const title = tracked.label || shortAddress(tracked.address);
  const read = chains.flatMap((c) => {
    const data = c.snapshot?.addresses.find((a) => a.address === tracked.address);
    return data && c.snapshot ? [{ chain: c, snapshot: c.snapshot, data }] : [];
  });
  return (
    <section className="address card" data-testid={`address-${tracked.address}`} aria-label={title}>
      <header className="address-head">
        <div>
          <h3>{title}</h3>
          <div className="mono small muted">{tracked.address}</div>
        </div>
        <div className="actions">
          <button type="button" className="link" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-label={`Rename ${title}`}>
            Rename
          </button>
          <button type="button" className="link danger" data-testid="remove-address" aria-label={`Remove ${title}`} onClick={() => void onRemove(tracked.address)}>
            Remove
          </button>
        </div>
      </header>
      {editing && <RenameForm tracked={tracked} onDone={() => setEditing(false)} onRename={onRename} />}
      {read.length === 0 ? (
        <p className="muted" data-testid="address-pending">Not read yet: positions appear after the next refresh.</p>
      ) : (
        read.map(({ chain, snapshot, data }) => (
          <div key={chain.chainId}>
            <PositionRiskContext.Provider value={risk ? { risk: chainRisk(risk, chain.chainId), exposures: data.exposures } : null}>
              <ChainBlock chainId={chain.chainId} name={chain.name} data={data} currentBlock={snapshot.blockNumber} currentTime={snapshot.blockTimestamp} stale={chain.status.state === 'stale'} />
            </PositionRiskContext.Provider>
            {rewards && (
              <RewardsBlock chainId={chain.chainId} positions={snapshot} chain={chainRewards(rewards, chain.chainId)} address={tracked.address} history={history?.[String(chain.chainId)]?.[tracked.address] ?? []} />
            )}
          </div>
        ))
      )}
    </section>
  );
}

function RenameForm({ tracked, onDone, onRename }: { tracked: TrackedAddress; onDone(): void; onRename: AddressSectionProps['onRename'] }) {
  const id = useId();
  const [label, setLabel] = useState(tracked.label);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await onRename(tracked.address, label);
    if (result.ok) onDone();
    else setError(result.message);
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-label`}>New label</label>
      <input id={`${id}-label`} value={label} onChange={(e) => setLabel(e.target.value)} autoFocus aria-invalid={error !== null} aria-describedby={error ? `${id}-error` : undefined} />
      <button type="submit">Save</button>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
