// The in-page review dialog, in a CLOSED shadow root (the page cannot read it, its styles cannot
// reach it), plain DOM to keep the content bundle small. All text goes in with textContent (names
// and notes come from chain data and registries: never HTML). Keyboard: focus starts on Cancel (the
// safe choice), Tab cycles inside the dialog, Escape cancels. Only trusted user events count: a
// page cannot click inside a closed root, and synthetic events are ignored anyway.
import type { DialogServiceLine, DialogView } from '../../tx/delta/dialog-view.js';
import { el } from './dialog-dom.js';
import { completionsSection, pooledSection } from './dialog-sections.js';
import { DIALOG_CSS, HOST_STYLE } from './dialog-styles.js';

export interface Decision {
  verdict: 'proceed' | 'cancel';
  /** "Don't ask again for low risk on this site": only offered, and only true, for low-risk results. */
  rememberLowRisk: boolean;
}

export interface OpenDialog {
  /** Closes without a decision (the guard gave up waiting). */
  close(): void;
}

function serviceItem(s: DialogServiceLine, testId: string): HTMLElement {
  const name = s.serviceName ? `${s.serviceName} ` : '';
  const change = s.before === s.amount ? '' : ` (now ${s.beforeText})`;
  return el('li', { 'data-testid': testId, 'data-service': s.service, 'data-set': String(s.serviceSetId), 'data-operator': s.operator, 'data-amount': s.amount, 'data-before': s.before, 'data-symbol': s.symbol },
    el('strong', {}, `${name}${s.service}`), s.serviceSetId ? ` set ${s.serviceSetId}` : '',
    el('br'), `can slash up to ${s.amountText}${change}; ${s.veto}`,
    s.redistributes ? '; slashed funds are redistributed' : '',
    s.pending ? `; pending: ${s.pending}` : '',
    el('br'), el('span', { class: 'muted' }, `via operator ${s.operator}`));
}

const MOVING: Record<DialogView['moving'][number]['direction'], (t: string) => string> = {
  in: (t) => `+${t} staked`, out: (t) => `${t} leaves`, delegated: (t) => `${t} delegated`,
  receive: (t) => `${t} paid to you`, restake: (t) => `${t} staked again`,
};

function callSection(v: DialogView, index: number, total: number): HTMLElement {
  const target = el('p', { 'data-testid': 'tx-target', 'data-address': v.target.address, 'data-kind': v.target.kind },
    `${v.target.kind === 'operator' ? 'Operator' : v.target.kind === 'vault' ? 'Vault' : v.target.kind === 'strategy' ? 'Strategy' : 'Contract'}: `,
    v.target.name ? el('strong', {}, `${v.target.name} `) : null, el('span', { class: 'mono' }, v.target.address));
  const moving = v.moving.length ? el('ul', {}, ...v.moving.map((m) => el('li', { 'data-testid': 'tx-moving', 'data-direction': m.direction, 'data-amount': m.amount, 'data-symbol': m.symbol },
    MOVING[m.direction](m.text)))) : null;
  // An LRT deposit creates no position of the sender's own: its section says who can slash the pool.
  const services = v.services.length
    ? el('ul', {}, ...v.services.map((s) => serviceItem(s, 'tx-service')))
    : v.pooled ? null : el('p', { 'data-testid': 'tx-no-services' }, 'No service can slash this stake after the change.');
  const removed = v.removed.length ? el('div', {}, el('h3', {}, 'No longer able to slash it'), el('ul', {}, ...v.removed.map((s) => serviceItem(s, 'tx-removed')))) : null;
  const grade = v.grade
    ? el('div', { 'data-testid': 'tx-grade', 'data-grade': v.grade.overall },
      el('span', { class: `grade ${v.grade.overall}` }, `Risk: ${v.grade.overall}`), v.grade.incomplete ? el('span', { class: 'muted' }, ' (some facts could not be read)') : null,
      v.grade.reasons.length ? el('ul', {}, ...v.grade.reasons.map((r) => el('li', { 'data-testid': 'tx-reason' }, r))) : null)
    : null;
  return el('section', { class: 'call', 'data-testid': 'tx-call', 'data-function': v.functionName, 'data-block': v.block },
    total > 1 ? el('p', { class: 'muted' }, `Restaking call ${index + 1} of ${total}`) : null,
    el('p', {}, el('strong', {}, `${v.protocol}: ${v.title}`), el('span', { class: 'muted' }, ` (${v.functionName}, chain ${v.chainId}, block ${v.block})`)),
    target, moving, completionsSection(v),
    v.pooled ? pooledSection(v) : el('h3', {}, 'Who can slash it after this'), services, removed,
    v.exitDelay ? el('p', { 'data-testid': 'tx-exit-delay' }, `Getting out takes ${v.exitDelay}; the stake stays slashable meanwhile.`) : null,
    grade,
    v.notes.length ? el('ul', { class: 'muted' }, ...v.notes.map((n) => el('li', { 'data-testid': 'tx-note' }, n))) : null);
}

export function openDialog(views: DialogView[], options: { lowRisk: boolean; onDecision(d: Decision): void }): OpenDialog {
  const host = document.createElement('rc-tx-guard');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = DIALOG_CSS;
  const cancel = el('button', { type: 'button', 'data-testid': 'tx-cancel' }, 'Cancel');
  const proceed = el('button', { type: 'button', class: 'primary', 'data-testid': 'tx-proceed' }, 'Proceed to wallet');
  const remember = options.lowRisk ? el('input', { type: 'checkbox', id: 'remember', 'data-testid': 'tx-remember' }) as HTMLInputElement : null;
  const dialog = el('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'rc-title', 'aria-describedby': 'rc-desc', 'data-testid': 'tx-dialog' },
    el('h2', { id: 'rc-title' }, 'Restake Companion: check this transaction'),
    el('p', { id: 'rc-desc', class: 'muted' }, 'Before your wallet asks you to sign, this is what the transaction changes for your restaked funds.'),
    ...views.map((v, i) => callSection(v, i, views.length)),
    el('div', { class: 'actions' }, remember ? el('label', {}, remember, " Don't ask again for low risk on this site") : null, cancel, proceed));
  root.append(style, el('div', { class: 'backdrop' }, dialog));

  let done = false;
  const close = () => {
    done = true;
    host.remove();
  };
  const decide = (verdict: Decision['verdict']) => {
    if (done) return;
    close();
    options.onDecision({ verdict, rememberLowRisk: verdict === 'proceed' && remember?.checked === true });
  };
  cancel.addEventListener('click', (e) => e.isTrusted && decide('cancel'));
  proceed.addEventListener('click', (e) => e.isTrusted && decide('proceed'));
  dialog.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      decide('cancel');
    } else if (e.key === 'Tab') {
      const focusables = [remember, cancel, proceed].filter((x): x is HTMLElement => x !== null);
      const i = focusables.indexOf(root.activeElement as HTMLElement);
      e.preventDefault();
      focusables[(i + (e.shiftKey ? -1 : 1) + focusables.length) % focusables.length]!.focus();
    }
  });
  // documentElement, not body: a page that re-renders <body> must not wipe the dialog away.
  document.documentElement.append(host);
  cancel.focus();
  return { close };
}

/** A small notice ("the check could not run"), gone after a few seconds. */
export function showNotice(text: string, ms = 8_000): void {
  const host = document.createElement('rc-tx-guard-notice');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important; z-index: 2147483647 !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = DIALOG_CSS;
  root.append(style, el('div', { class: 'notice', role: 'status', 'data-testid': 'tx-notice' }, text));
  document.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
}
