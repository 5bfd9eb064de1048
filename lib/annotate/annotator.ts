// The content script's core: one shared MutationObserver whose records are only queued; all DOM
// work (scanning, chips) runs in frame-scheduled, time-budgeted tasks. Addresses are deduplicated
// and asked for in batches; answers are cached per page. SPA navigation is noticed by comparing
// location.href in each frame batch, on popstate and on a slow timer (no page globals patched).
import { createChip, updateChip } from './chip.js';
import { foundKey, type Found } from './find-addresses.js';
import { createFrameScheduler, listTask } from './frame-scheduler.js';
import { createNotice } from './notice.js';
import type { PortClient } from './port-client.js';
import { MAX_ITEMS_PER_REQUEST, type AnnotatorReply, type EntityAnswer, type GradeItem } from './protocol.js';
import { occurrencesIn, scanTask } from './scan-dom.js';

export interface AnnotatorOptions {
  doc: Document;
  win: Window;
  client: Pick<PortClient, 'request' | 'hello' | 'close'>;
  now?: () => number;
  requestFrame?: (cb: () => void) => unknown;
  budgetMs?: number;
  maxInFlight?: number;
}

export function createAnnotator(o: AnnotatorOptions) {
  const { doc, win, client } = o;
  const now = o.now ?? (() => win.performance.now());
  const scheduler = createFrameScheduler({ requestFrame: o.requestFrame ?? ((cb) => win.requestAnimationFrame(cb)), now, budgetMs: o.budgetMs ?? 8, onFrame: () => { checkUrl(); flush(); } });
  const maxInFlight = o.maxInFlight ?? 4;
  const hosts = new WeakSet<Node>();
  const isOurs = (n: Node) => hosts.has(n);
  const answers = new Map<string, EntityAnswer>();
  /** Source node -> key -> its chip (null: waiting for an answer, or not an entity). */
  const occ = new Map<Node, Map<string, HTMLElement | null>>();
  const waiting = new Map<string, Set<Node>>();
  const wanted = new Map<string, GradeItem>();
  const inFlight = new Set<string>();
  let requests = 0;
  let active = false;
  let records: MutationRecord[] = [];
  let sweep = false;
  let lastUrl = '';
  let notice: HTMLElement | null = null;
  let noticeClosedFor = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  const stats = { chips: 0, scannedNodes: 0, requests: 0 };

  const observer = new MutationObserver((list) => {
    // Only queue here: the callback runs synchronously after every page mutation.
    if (records.length === 0) scheduler.add(processRecords);
    for (const r of list) records.push(r);
  });

  // One batch per call: adding scan tasks is cheap; the scans themselves are budgeted tasks.
  function processRecords(): boolean {
    const batch = records;
    records = [];
    for (const r of batch) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => !isOurs(n) && scheduler.add(scanTask(n, doc, isOurs, visit, now)));
        if (r.removedNodes.length) sweep = true;
      } else if (r.type === 'characterData' || r.type === 'attributes') {
        if (r.target.isConnected) visit(r.target);
      }
    }
    if (sweep) sweepDetached();
    return true;
  }

  function visit(node: Node) {
    stats.scannedNodes++;
    const found = occurrencesIn(node, doc.baseURI);
    const prev = occ.get(node);
    if (found.length === 0 && !prev) return;
    const keys = new Map(found.map((f) => [foundKey(f), f] as const));
    const mine = prev ?? new Map<string, HTMLElement | null>();
    for (const [key, host] of mine) {
      if (keys.has(key)) continue;
      host?.remove();
      mine.delete(key);
    }
    for (const [key, f] of keys) {
      if (mine.has(key)) continue;
      mine.set(key, null);
      place(node, key, f);
    }
    if (mine.size) occ.set(node, mine);
    else occ.delete(node);
  }

  function place(node: Node, key: string, f: Found) {
    const a = answers.get(key);
    if (a) return render(node, key, a);
    let set = waiting.get(key);
    if (!set) waiting.set(key, (set = new Set()));
    set.add(node);
    if (!inFlight.has(key)) wanted.set(key, f.operatorSetId === undefined ? { a: f.address } : { a: f.address, set: f.operatorSetId });
    scheduler.poke();
  }

  function render(node: Node, key: string, a: EntityAnswer) {
    const mine = occ.get(node);
    if (!mine || !mine.has(key) || !node.isConnected) return;
    const existing = mine.get(key);
    if (a.kind === 'none') {
      existing?.remove();
      mine.set(key, null);
      return;
    }
    if (existing) return updateChip(existing, a);
    const host = createChip(a);
    hosts.add(host);
    // After the node (and after its earlier chips), never inside page text: splitting text nodes
    // breaks frameworks that own them.
    let after: ChildNode = node as ChildNode;
    for (const h of mine.values()) if (h && h.isConnected) after = h;
    after.after(host);
    mine.set(key, host);
    stats.chips++;
  }

  function sweepDetached() {
    sweep = false;
    for (const [node, mine] of occ) {
      if (node.isConnected) continue;
      for (const h of mine.values()) h?.remove();
      occ.delete(node);
    }
  }

  function flush() {
    while (active && wanted.size > 0 && requests < maxInFlight) {
      const items: GradeItem[] = [];
      for (const [key, item] of wanted) {
        items.push(item);
        inFlight.add(key);
        wanted.delete(key);
        if (items.length >= MAX_ITEMS_PER_REQUEST) break;
      }
      requests++;
      stats.requests++;
      void client.request({ t: 'grades', items }).then((reply) => {
        requests--;
        handleGrades(items, reply);
      });
    }
  }

  function retry(items: GradeItem[], ms: number) {
    for (const i of items) inFlight.delete(foundKey({ address: i.a, ...(i.set === undefined ? {} : { operatorSetId: i.set }) }));
    setTimeout(() => {
      if (!active) return;
      for (const i of items) wanted.set(foundKey({ address: i.a, ...(i.set === undefined ? {} : { operatorSetId: i.set }) }), i);
      scheduler.poke();
    }, Math.min(Math.max(ms, 250), 30_000));
  }

  function handleGrades(items: GradeItem[], reply: Exclude<AnnotatorReply, { t: 'site' } | { t: 'refresh' }> | null) {
    if (!active) return;
    if (!reply || reply.t !== 'grades') {
      if (reply?.t === 'error' && reply.code === 'disabled') return teardown();
      if (reply?.t === 'error' && reply.code === 'invalid') return;
      return retry(items, reply?.t === 'error' ? (reply.retryMs ?? 1_000) : 1_000);
    }
    const ready: [Node, string, EntityAnswer][] = [];
    for (const a of reply.answers) {
      const key = foundKey({ address: a.a, ...(a.set === undefined ? {} : { operatorSetId: a.set }) });
      answers.set(key, a);
      inFlight.delete(key);
      for (const node of waiting.get(key) ?? []) ready.push([node, key, a]);
      waiting.delete(key);
      // Already-drawn chips of this key (a refresh) are updated too.
      for (const [node, mine] of occ) if (mine.get(key)) ready.push([node, key, a]);
    }
    scheduler.add(listTask(ready, ([node, key, a]) => render(node, key, a), now));
  }

  function checkUrl() {
    if (!active) return;
    const href = win.location.href;
    if (href === lastUrl) return;
    lastUrl = href;
    removeNotice();
    void client.request({ t: 'page', url: href }).then((reply) => {
      if (!active || reply?.t !== 'page' || win.location.href !== href) return;
      const exposed = reply.answers.filter((a) => a.exposed && a.kind !== 'none');
      if (exposed.length && noticeClosedFor !== href) showNotice(exposed, href);
    });
  }

  function showNotice(exposed: EntityAnswer[], href: string) {
    removeNotice();
    notice = createNotice(exposed, () => {
      noticeClosedFor = href;
      removeNotice();
    });
    hosts.add(notice);
    (doc.body ?? doc.documentElement).append(notice);
  }

  function removeNotice() {
    notice?.remove();
    notice = null;
  }

  function begin() {
    if (active) return;
    active = true;
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
    scheduler.add(scanTask(doc.body ?? doc.documentElement, doc, isOurs, visit, now));
    timer = setInterval(() => checkUrl(), 1_000);
    win.addEventListener('popstate', checkUrl);
    checkUrl();
  }

  function teardown() {
    if (!active) return;
    active = false;
    observer.disconnect();
    scheduler.clear();
    clearInterval(timer);
    win.removeEventListener('popstate', checkUrl);
    for (const mine of occ.values()) for (const h of mine.values()) h?.remove();
    occ.clear();
    waiting.clear();
    wanted.clear();
    inFlight.clear();
    answers.clear();
    records = [];
    lastUrl = '';
    removeNotice();
  }

  return {
    start() {
      client.hello();
    },
    onPush(m: Extract<AnnotatorReply, { t: 'site' } | { t: 'refresh' }>) {
      if (m.t === 'site') return m.on ? begin() : teardown();
      if (!active) return;
      // Grades or exposure changed: ask again for every key on the page, and for the page itself.
      answers.clear();
      for (const [node, mine] of occ) for (const key of mine.keys()) {
        const [address, set] = key.split('/');
        let w = waiting.get(key);
        if (!w) waiting.set(key, (w = new Set()));
        w.add(node);
        if (!inFlight.has(key)) wanted.set(key, set === undefined ? { a: address! } : { a: address!, set: Number(set) });
      }
      lastUrl = '';
      scheduler.poke();
    },
    stop() {
      teardown();
      client.close();
    },
    stats: () => ({ ...stats, pending: scheduler.pending, frames: scheduler.frames, waiting: waiting.size, active }),
  };
}

export type Annotator = ReturnType<typeof createAnnotator>;
