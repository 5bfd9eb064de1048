// One tracked address: its label (editable), failing protocols, positions, exposure, withdrawals.
import { useId, useState, type FormEvent } from 'react';
import type { TrackedAddress } from '../lib/extension/storage/settings.js';
import type { ActionResult } from '../lib/extension/popup-store.js';
import { shortAddress } from '../lib/portfolio/format.js';
import type { AddressSnapshot } from '../lib/portfolio/types.js';
import { ExposureList } from './exposure-list.js';
import { PROTOCOL_NAMES } from './group-positions.js';
import { PositionsList } from './positions-list.js';
import { WithdrawalList } from './withdrawal-list.js';

export interface AddressSectionProps {
  tracked: TrackedAddress;
  /** Absent until a refresh has read this address. */
  data: AddressSnapshot | undefined;
  currentBlock: bigint | null;
  /** Unix seconds of currentBlock (time-based withdrawal delays). */
  currentTime: number;
  onRemove(address: string): Promise<ActionResult>;
  onRename(address: string, label: string): Promise<ActionResult>;
}

export function AddressSection({ tracked, data, currentBlock, currentTime, onRemove, onRename }: AddressSectionProps) {
  const [editing, setEditing] = useState(false);
  const title = tracked.label || shortAddress(tracked.address);
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
      {data?.failures.map((f) => (
        <p key={f.protocol} className="notice warn" data-testid="protocol-failure" data-protocol={f.protocol}>
          {PROTOCOL_NAMES[f.protocol]} could not be read: {f.message}. Its values are missing, not zero.
        </p>
      ))}
      {data ? (
        <>
          <PositionsList positions={data.positions} />
          <ExposureList exposures={data.exposures} />
          {currentBlock !== null && <WithdrawalList withdrawals={data.withdrawals} currentBlock={currentBlock} currentTime={currentTime} />}
        </>
      ) : (
        <p className="muted" data-testid="address-pending">Not read yet: positions appear after the next refresh.</p>
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
