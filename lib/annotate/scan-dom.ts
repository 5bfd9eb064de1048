// Walking page DOM for entity occurrences, resumable so a 10,000-node page is scanned across
// frames: a TreeWalker that skips scripts, styles, editable areas and our own chip hosts.
import { addressesInHref, addressesInText, foundKey, type Found } from './find-addresses.js';
import type { Task } from './frame-scheduler.js';

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'INPUT', 'SELECT', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO']);

/** Occurrences found in one node: a link (href) or a text node (its data). */
export function occurrencesIn(node: Node, base: string): Found[] {
  if (node.nodeType === 3) {
    const text = (node as Text).data;
    const found = addressesInText(text).map((address) => ({ address }));
    if (found.length === 0) return found;
    // The text of a link to the same address already gets the link's chip.
    const link = node.parentElement?.closest('a[href]');
    if (!link) return found;
    const linked = new Set(addressesInHref(link.getAttribute('href') ?? '', base).map((f) => f.address));
    return found.filter((f) => !linked.has(f.address));
  }
  if (node.nodeType === 1 && (node as Element).tagName === 'A') {
    const href = (node as Element).getAttribute('href');
    return href ? addressesInHref(href, base) : [];
  }
  return [];
}

export function skipElement(e: Element, isOurs: (n: Node) => boolean): boolean {
  return isOurs(e) || SKIP_TAGS.has(e.tagName) || e.hasAttribute('contenteditable');
}

/** A resumable scan of `root`'s subtree; calls `visit` for every text node and link. */
export function scanTask(root: Node, doc: Document, isOurs: (n: Node) => boolean, visit: (node: Node) => void, now: () => number): Task {
  let walker: TreeWalker | null = null;
  let started = false;
  return (deadline) => {
    if (!started) {
      started = true;
      if (!root.isConnected) return true;
      if (root.nodeType === 1 && skipElement(root as Element, isOurs)) return true;
      if (root.nodeType === 3 || root.nodeType === 1) visit(root);
      if (root.nodeType !== 1) return true;
      walker = doc.createTreeWalker(root, 0x1 | 0x4, {
        acceptNode: (n) => (n.nodeType === 1 && skipElement(n as Element, isOurs) ? 2 /* REJECT */ : 1 /* ACCEPT */),
      });
    }
    let count = 0;
    for (let n = walker!.nextNode(); n; n = walker!.nextNode()) {
      if (n.nodeType === 3 ? (n as Text).data.length >= 42 : (n as Element).tagName === 'A') visit(n);
      if (++count % 64 === 0 && now() >= deadline) return false;
    }
    return true;
  };
}

export { foundKey };
