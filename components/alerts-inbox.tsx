// The alert inbox at the top of the popup: unread count, then one card per alert (newest first)
// with what happened to which address, how much was lost or is at risk (from the address's own
// position), where (block, confirmed or not) and the inbox actions. Cards are list items with a
// heading, buttons are real buttons with the alert named in their accessible label; the alert a
// notification click asked for (`#alert=<id>`) is focused and marked.
import { useEffect, useRef } from 'react';
import type { Alert, AlertAsset } from '../lib/alerts/types.js';
import { chainName } from '../lib/chains/registry.js';
import type { AlertStore } from '../lib/extension/alerts/alert-store.js';
import { badgeCount } from '../lib/extension/alerts/alerts-to-notify.js';
import type { ActionResult } from '../lib/extension/popup-store.js';
import { AddressText } from './address-text.js';
import { Amount } from './amount.js';
import { formatDuration } from './format-duration.js';

/** More would make the popup slow to open; the rest stay in storage. */
export const SHOWN_ALERTS = 50;

const STATUS_TEXT: Record<Alert['status'], string> = {
  unconfirmed: 'unconfirmed (recent block, may still be reorged)',
  confirmed: 'confirmed',
  retracted: 'retracted: a chain reorg removed the event',
};

const PROTOCOL_TEXT: Record<Alert['protocol'], string> = { eigenlayer: 'EigenLayer', symbiotic: 'Symbiotic', karak: 'Karak' };

export interface AlertsInboxProps {
  alerts: AlertStore;
  acknowledgeAlert(id: string): Promise<ActionResult>;
  snoozeAlert(id: string, hours: number): Promise<ActionResult>;
  muteOperator(operator: string): Promise<ActionResult>;
  focusAlertId?: string | null;
  /** Unix ms, for snooze and countdowns. */
  now?: number;
  /**
   * Chain clock per chain id (unix s), estimated from the last snapshot: veto deadlines are chain
   * timestamps, and a chain's clock can differ from this computer's (devnets warp time).
   */
  chainNow?: Record<number, number>;
}

/** The amount shown for an alert: lost for slashes, at risk otherwise (first asset; each asset is listed). */
export function headlineAmount(a: Alert): bigint | undefined {
  const first = a.assets[0];
  return first?.amountLost ?? first?.amountAtRisk;
}

function AssetLine({ asset }: { asset: AlertAsset }) {
  const amount = asset.amountLost ?? asset.amountAtRisk;
  if (amount === undefined) return null;
  return (
    <li data-testid="alert-asset" data-symbol={asset.asset.symbol} data-amount={amount.toString()}>
      {asset.amountLost !== undefined ? 'Lost' : 'At risk'} <Amount amount={amount} asset={asset.asset} />
      {asset.source === 'withdrawal' ? ' (queued withdrawal)' : ''}
    </li>
  );
}

function AlertCard({ alert: a, acked, snoozedUntil, muted, focused, now, chainNow, actions }: { alert: Alert; acked: boolean; snoozedUntil: number | undefined; muted: boolean; focused: boolean; now: number; chainNow: number; actions: Omit<AlertsInboxProps, 'alerts' | 'focusAlertId' | 'now' | 'chainNow'> }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);
  const amount = headlineAmount(a);
  const headingId = `alert-title-${a.id.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const vetoLeft = a.vetoDeadline !== undefined ? a.vetoDeadline - Math.floor(chainNow) : undefined;
  return (
    <li
      ref={ref}
      tabIndex={-1}
      className={`card alert severity-${a.severity} ${acked ? 'read' : 'unread'} ${focused ? 'focused' : ''}`}
      aria-labelledby={headingId}
      aria-current={focused ? 'true' : undefined}
      data-testid="alert"
      data-alert-id={a.id}
      data-kind={a.kind}
      data-status={a.status}
      data-severity={a.severity}
      {...(amount !== undefined ? { 'data-amount': amount.toString() } : {})}
    >
      <h3 id={headingId} className="alert-title">
        <span className={`severity ${a.severity}`}>{a.severity}</span> {a.title}
      </h3>
      <p className="alert-sentence">{a.sentence}</p>
      <ul className="alert-assets">
        {a.assets.map((asset, i) => (
          <AssetLine key={i} asset={asset} />
        ))}
      </ul>
      <dl className="alert-facts">
        <dt>Address</dt>
        <dd>
          <AddressText address={a.address} />
        </dd>
        <dt>Protocol</dt>
        <dd>
          {PROTOCOL_TEXT[a.protocol]} on {chainName(a.chainId)}
        </dd>
        {a.operator && (
          <>
            <dt>Operator</dt>
            <dd>
              <AddressText address={a.operator} />
            </dd>
          </>
        )}
        {a.service && (
          <>
            <dt>Service</dt>
            <dd>
              <AddressText address={a.service} />
              {a.setId !== null ? ` (set ${a.setId})` : ''}
            </dd>
          </>
        )}
        <dt>Block</dt>
        <dd data-testid="alert-block">
          {a.blockNumber.toLocaleString('en-US')} · <span data-testid="alert-status">{STATUS_TEXT[a.status]}</span>
        </dd>
        {vetoLeft !== undefined && (
          <>
            <dt>Veto window</dt>
            <dd data-testid="alert-countdown">{vetoLeft > 0 ? `ends in ${formatDuration(vetoLeft)}` : 'ended'}</dd>
          </>
        )}
        {a.effectBlock !== undefined && (
          <>
            <dt>Takes effect</dt>
            <dd>
              at block {a.effectBlock.toLocaleString('en-US')}
              {a.canExitBefore !== undefined ? (a.canExitBefore ? ' · a withdrawal queued now completes before' : ' · too late to exit before') : ''}
            </dd>
          </>
        )}
      </dl>
      {(snoozedUntil ?? 0) > now && <p className="muted small">Snoozed for {formatDuration((snoozedUntil! - now) / 1000)}</p>}
      {muted && <p className="muted small">Operator muted: no notifications</p>}
      <div className="alert-actions">
        {!acked && a.status !== 'retracted' && (
          <button type="button" data-testid="alert-ack" aria-label={`Acknowledge: ${a.title}`} onClick={() => void actions.acknowledgeAlert(a.id)}>
            Acknowledge
          </button>
        )}
        {!acked && a.status !== 'retracted' && (
          <button type="button" data-testid="alert-snooze" aria-label={`Snooze 24 hours: ${a.title}`} onClick={() => void actions.snoozeAlert(a.id, 24)}>
            Snooze 24 h
          </button>
        )}
        {a.operator && !muted && (
          <button type="button" data-testid="alert-mute" aria-label={`Mute operator ${a.operator}`} onClick={() => void actions.muteOperator(a.operator!)}>
            Mute operator
          </button>
        )}
      </div>
    </li>
  );
}

export function AlertsInbox({ alerts: store, focusAlertId = null, now = Date.now(), chainNow = {}, ...actions }: AlertsInboxProps) {
  const unread = badgeCount(store);
  const acked = new Set(store.acknowledged);
  const muted = new Set(store.mutedOperators);
  const shown = store.alerts.slice(0, SHOWN_ALERTS);
  return (
    <section className="alerts" aria-labelledby="alerts-title" data-testid="alerts-inbox" data-unread={unread}>
      <h2 id="alerts-title" className="section-title">
        Alerts{' '}
        <span data-testid="alerts-unread" className={unread ? 'count unread' : 'count'}>
          {unread ? `${unread} unread` : 'none unread'}
        </span>
      </h2>
      {shown.length === 0 ? (
        <p className="muted" data-testid="alerts-empty">
          No alerts
        </p>
      ) : (
        <ul className="alert-list">
          {shown.map((a) => (
            <AlertCard
              key={a.id}
              alert={a}
              acked={acked.has(a.id)}
              snoozedUntil={store.snoozedUntil[a.id]}
              muted={a.operator !== null && muted.has(a.operator.toLowerCase())}
              focused={a.id === focusAlertId}
              now={now}
              chainNow={chainNow[a.chainId] ?? now / 1000}
              actions={actions}
            />
          ))}
        </ul>
      )}
      {store.alerts.length > shown.length && <p className="muted small">{store.alerts.length - shown.length} older alerts not shown</p>}
    </section>
  );
}
