// Bundled into the bench page (IIFE): the real lib/annotate annotator with a stub channel that
// answers every address as a graded entity on the next macrotask (as a port reply would), and the
// naive path it is compared with (see naive()).
import { createAnnotator } from '../lib/annotate/annotator.js';
import { createChip } from '../lib/annotate/chip.js';
import { occurrencesIn } from '../lib/annotate/scan-dom.js';
import type { EntityAnswer, GradeItem } from '../lib/annotate/protocol.js';

const answer = (i: GradeItem): EntityAnswer => ({
  a: i.a, kind: 'eigenlayer-operator', chainId: 1, name: 'Bench operator', grade: 'high', dims: { slashing: 'high' }, exposed: false,
  reasons: [{ rule: 'slashing-authority', dimension: 'slashing', grade: 'high', text: 'Funds can be lost if a single key signs a slash', evidence: [{ label: 'getSlasher = 0x… at block 1', url: 'https://etherscan.io/address/0x0000000000000000000000000000000000000001' }] }],
});
const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 0));

function batched(expected: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const annotator = createAnnotator({
      doc: document,
      win: window,
      client: {
        hello: () => setTimeout(() => annotator.onPush({ t: 'site', on: true }), 0),
        close: () => undefined,
        request: (m) => later(m.t === 'grades' ? { t: 'grades' as const, id: 0, answers: m.items.map(answer) } : { t: 'page' as const, id: 0, answers: [] }),
      },
    });
    annotator.start();
    const check = () => (annotator.stats().chips >= expected ? resolve(performance.now() - t0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

/**
 * The naive path: grades for every address on the page in one request, then ONE task that walks
 * every element, reads its rendered text (innerText) and inserts each chip as soon as it is found.
 * Reads and writes interleave, so each insertion invalidates layout that the next read recomputes.
 */
async function naive(expected: number): Promise<number> {
  const t0 = performance.now();
  const all = [...new Set(document.body.textContent!.match(/0x[0-9a-fA-F]{40}/g) ?? [])];
  const linked = [...document.querySelectorAll('a[href]')].flatMap((a) => occurrencesIn(a, document.baseURI).map((f) => f.address));
  const grades = new Map((await later([...new Set([...all.map((a) => a.toLowerCase()), ...linked])].map((a) => answer({ a })))).map((g) => [g.a, g]));
  let placed = 0;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.tagName === 'A') for (const f of occurrencesIn(el, document.baseURI)) (el.after(createChip(grades.get(f.address)!)), placed++);
    const own = [...el.childNodes].filter((n) => n.nodeType === 3);
    if (own.length === 0 || !(el as HTMLElement).innerText.includes('0x')) continue;
    for (const n of own) for (const f of occurrencesIn(n, document.baseURI)) ((n as ChildNode).after(createChip(grades.get(f.address)!)), placed++);
  }
  if (placed < expected) throw new Error(`naive placed ${placed} of ${expected}`);
  return performance.now() - t0;
}

(window as unknown as { __bench: unknown }).__bench = { batched, naive };
