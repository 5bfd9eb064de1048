// The inbox rendered to static HTML: the test ids e2e relies on, amounts with decimals, states, actions.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleAlert } from '../lib/alerts/testing/sample-alert.js';
import { emptyAlertStore, type AlertStore } from '../lib/extension/alerts/alert-store.js';
import { AlertsInbox } from './alerts-inbox.js';

const ok = async () => ({ ok: true }) as const;
const render = (store: AlertStore, now = 1_700_000_000_000) =>
  renderToStaticMarkup(<AlertsInbox alerts={store} acknowledgeAlert={ok} snoozeAlert={ok} muteOperator={ok} now={now} />);

describe('AlertsInbox', () => {
  it('empty: says so', () => {
    expect(render(emptyAlertStore())).toMatch(/data-testid="alerts-empty">No alerts</);
  });

  it('an unread slash: kind, status, raw and formatted amount, facts and the three actions', () => {
    const a = sampleAlert();
    const html = render({ ...emptyAlertStore(), alerts: [a] });
    expect(html).toContain('data-unread="1"');
    expect(html).toContain('1 unread');
    expect(html).toContain(`data-alert-id="${a.id}" data-kind="slash" data-status="unconfirmed" data-severity="critical" data-amount="12500000000000000000"`);
    expect(html).toMatch(/Lost <span class="amount"[^>]*>12\.5 <span class="symbol">stETH/);
    expect(html).toContain('EigenLayer on');
    expect(html).toContain('120 · <span data-testid="alert-status">unconfirmed');
    expect(html).toContain(`aria-label="Acknowledge: ${a.title}"`);
    expect(html).toContain('data-testid="alert-snooze"');
    expect(html).toContain('data-testid="alert-mute"');
  });

  it('acknowledged, retracted and muted alerts: no unread count, no ack button, states shown', () => {
    const a = sampleAlert();
    const b = sampleAlert({ id: 'x', status: 'retracted' });
    const html = render({ ...emptyAlertStore(), alerts: [a, b], acknowledged: [a.id], mutedOperators: [a.operator!.toLowerCase()] });
    expect(html).toContain('none unread');
    expect(html).not.toContain('data-testid="alert-ack"');
    expect(html).toContain('retracted: a chain reorg removed the event');
    expect(html).toContain('Operator muted: no notifications');
  });

  it('a pending slash shows its countdown', () => {
    const now = 1_700_000_000_000;
    const html = render({ ...emptyAlertStore(), alerts: [sampleAlert({ kind: 'slash-requested', vetoDeadline: now / 1000 + 2 * 3600 })] }, now);
    expect(html).toMatch(/data-testid="alert-countdown">ends in 2 h</);
  });
  it('counts the veto window on the chain clock, not this computer\'s', () => {
    const now = 1_700_000_000_000;
    const a = sampleAlert({ kind: 'slash-requested', vetoDeadline: now / 1000 + 2 * 3600 });
    const ahead = { [a.chainId]: now / 1000 + 3 * 3600 }; // the chain is 3 h ahead: the window has ended
    const html = renderToStaticMarkup(<AlertsInbox alerts={{ ...emptyAlertStore(), alerts: [a] }} acknowledgeAlert={ok} snoozeAlert={ok} muteOperator={ok} now={now} chainNow={ahead} />);
    expect(html).toMatch(/data-testid="alert-countdown">ended</);
  });
});
