// Options: when to notify. A minimum severity for every address, and per tracked address "default",
// a severity of its own, or off. Alerts below the threshold still reach the inbox; each change is
// saved through the background (setAlertThreshold) at once and announced.
import { useState } from 'react';
import type { AlertSettings } from '../lib/extension/alerts/alert-store.js';
import type { SendRequest } from '../lib/extension/send-request.js';
import type { TrackedAddress } from '../lib/extension/storage/settings.js';
import { AddressText } from './address-text.js';

const LEVELS = [
  ['critical', 'Critical only (slashes)'],
  ['warning', 'Warnings and critical'],
  ['info', 'Everything'],
  ['off', 'Off'],
] as const;

export function AlertSettingsForm({ settings, addresses, send, onSaved }: { settings: AlertSettings; addresses: readonly TrackedAddress[]; send: SendRequest; onSaved(): void }) {
  const [status, setStatus] = useState('');
  const save = async (threshold: string, address: string | null) => {
    const response = await send({ type: 'setAlertThreshold', threshold, address });
    setStatus(response.ok ? 'Saved' : `Not saved: ${response.error.message}`);
    if (response.ok) onSaved();
  };
  return (
    <section aria-labelledby="alert-settings-title" data-testid="alert-settings">
      <h2 id="alert-settings-title" className="section-title">
        Notifications
      </h2>
      <p className="muted">Alerts always reach the popup's inbox; these settings decide which ones also raise a system notification.</p>
      <label>
        Notify for{' '}
        <select data-testid="alert-min-severity" value={settings.minSeverity} onChange={(e) => void save(e.target.value, null)}>
          {LEVELS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      {addresses.length > 0 && (
        <ul className="plain">
          {addresses.map((t) => (
            <li key={t.address}>
              <label>
                {t.label ? `${t.label} ` : ''}
                <AddressText address={t.address} />{' '}
                <select data-testid="alert-address-threshold" data-address={t.address} value={settings.perAddress[t.address] ?? 'default'} onChange={(e) => void save(e.target.value, t.address)}>
                  <option value="default">Default</option>
                  {LEVELS.map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="muted small">
        {status}
      </p>
    </section>
  );
}
