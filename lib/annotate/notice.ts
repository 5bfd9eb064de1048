// The page-level notice: "addresses you track have stake exposed to this <entity>". It never names
// a tracked address, an amount or how many: the background does not send them. Closed shadow root,
// fixed position and a 0x0 host, so it does not shift the page's layout.
import { applyStyles, kindLabel } from './chip.js';
import { NOTICE_HOST_STYLE } from './chip-style.js';
import type { EntityAnswer } from './protocol.js';

export function createNotice(exposed: readonly EntityAnswer[], onClose: () => void): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute('style', NOTICE_HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  applyStyles(root);
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.dataset.rcNotice = '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', (e) => {
    e.stopPropagation();
    onClose();
  });
  box.append(close);
  const lines = exposed.map((a) => {
    const who = a.name ?? `${a.a.slice(0, 6)}…${a.a.slice(-4)}`;
    return `Restake Companion: addresses you track have stake exposed to this ${kindLabel(a.kind)} (${who}), risk ${a.grade}.`;
  });
  const text = document.createElement('span');
  text.textContent = lines.join(' ');
  box.append(text);
  root.append(box);
  return host;
}
