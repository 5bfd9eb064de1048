// One risk chip: a <span> host with a CLOSED shadow root (page scripts get null from
// host.shadowRoot, and the content script's isolated world is not reachable from the page), a
// focusable badge and a tooltip built on first open (500 chips must not cost 500 tooltips).
// Everything is set with textContent / setAttribute: no markup from anywhere is parsed.
import { CHIP_CSS, HOST_STYLE } from './chip-style.js';
import type { EntityAnswer } from './protocol.js';

const KIND_LABEL: Record<string, string> = {
  'eigenlayer-operator': 'EigenLayer operator', 'eigenlayer-avs': 'EigenLayer AVS', 'eigenlayer-operator-set': 'EigenLayer operator set',
  'symbiotic-vault': 'Symbiotic vault', 'symbiotic-network': 'Symbiotic network', 'symbiotic-operator': 'Symbiotic operator',
  'karak-vault': 'Karak vault', 'karak-dss': 'Karak DSS', 'karak-operator': 'Karak operator',
};
export const kindLabel = (kind: string): string => KIND_LABEL[kind] ?? 'entity';

/** Links from the background are ours, but only https ever becomes an href (defense in depth). */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

let sheet: CSSStyleSheet | null | undefined;
/** One constructed sheet shared by every shadow root; a <style> per root where that is unavailable. */
export function applyStyles(root: ShadowRoot, css: string = CHIP_CSS) {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  if (sheet && css === CHIP_CSS) {
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

interface ChipParts {
  wrap: HTMLElement;
  badge: HTMLButtonElement;
  tip: HTMLElement | null;
  answer: EntityAnswer;
}

const parts = new WeakMap<HTMLElement, ChipParts>();
let tipCounter = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function fillTip(tip: HTMLElement, a: EntityAnswer) {
  tip.replaceChildren();
  const title = a.name ? `${a.name} · ${kindLabel(a.kind)}` : `${kindLabel(a.kind)} ${a.a.slice(0, 6)}…${a.a.slice(-4)}`;
  tip.append(el('span', 'title', `${title}: ${a.grade} risk`));
  const list = el('ul');
  for (const r of a.reasons) {
    const li = el('li');
    li.dataset.rule = r.rule;
    li.dataset.grade = r.grade;
    li.append(el('span', 'g', `${r.grade}: `), document.createTextNode(r.text));
    for (const ev of r.evidence) {
      const href = safeHref(ev.url);
      if (href) {
        const link = el('a', 'ev', ev.label);
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        li.append(link);
      } else {
        li.append(el('span', 'ev', ev.label));
      }
    }
    list.append(li);
  }
  if (a.reasons.length === 0) list.append(el('li', undefined, 'No rule applied.'));
  tip.append(list);
}

function setBadge(p: ChipParts) {
  const a = p.answer;
  p.wrap.dataset.grade = a.grade;
  p.wrap.dataset.address = a.a;
  p.wrap.dataset.kind = a.kind;
  // Inside the closed root: for tests and assistive tooling, invisible to page scripts.
  p.wrap.dataset.rules = a.reasons.map((r) => `${r.rule}:${r.grade}`).join(',');
  p.badge.textContent = `Risk: ${a.grade}`;
  p.badge.setAttribute('aria-label', `${kindLabel(a.kind)} risk ${a.grade}. ${a.reasons.length} reasons; press Enter to show them.`);
  if (p.tip) fillTip(p.tip, a);
}

function open(p: ChipParts, show: boolean) {
  if (show && !p.tip) {
    const tip = el('div', 'tip');
    tip.id = `tip-${++tipCounter}`;
    tip.setAttribute('role', 'tooltip');
    p.wrap.append(tip);
    p.badge.setAttribute('aria-describedby', tip.id);
    p.tip = tip;
    fillTip(tip, p.answer);
  }
  if (p.tip) p.tip.hidden = !show;
  p.badge.setAttribute('aria-expanded', String(show));
}

export function createChip(answer: EntityAnswer): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  applyStyles(root);
  const wrap = el('span', 'chip');
  const badge = el('button', 'badge');
  badge.type = 'button';
  badge.setAttribute('aria-expanded', 'false');
  wrap.append(badge);
  root.append(wrap);
  const p: ChipParts = { wrap, badge, tip: null, answer };
  parts.set(host, p);
  setBadge(p);
  // Hover and keyboard both open it; Escape closes it. Clicks never reach the page's handlers.
  badge.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    open(p, p.badge.getAttribute('aria-expanded') !== 'true');
  });
  badge.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') open(p, false);
  });
  wrap.addEventListener('mouseenter', () => open(p, true));
  wrap.addEventListener('mouseleave', () => open(p, false));
  badge.addEventListener('focus', () => open(p, true));
  wrap.addEventListener('focusout', (e) => {
    if (!wrap.contains(e.relatedTarget as Node | null)) open(p, false);
  });
  return host;
}

export function updateChip(host: HTMLElement, answer: EntityAnswer) {
  const p = parts.get(host);
  if (!p) return;
  p.answer = answer;
  setBadge(p);
}
