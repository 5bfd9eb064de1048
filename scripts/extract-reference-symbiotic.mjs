// Extracts the Symbiotic part of ../shared/reference/protocols.md into tests/fixtures/reference-symbiotic.json:
// the viem human-readable ABI blocks of §2.11 (read paths, keyed by the block heading's first word) and
// of §6.2 (write paths, keyed `write:<first word of the label above the block>`), plus the reference's
// "canonical signature | selector/topic0" tables of §2 and §6.2. Same idea as extract-reference.mjs.
// Usage: node scripts/extract-reference-symbiotic.mjs [protocols.md] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
const input = process.argv[2] ?? '../shared/reference/protocols.md';
const lines = readFileSync(input, 'utf8').split('\n');
const fragments = {};
const selectors = {};
let section = '', chapter = '', heading = '', label = '', inBlock = false, cur = [];
for (const line of lines) {
  const ch = line.match(/^## (\d+)\./);
  if (ch) chapter = ch[1];
  const s = line.match(/^### (\d+\.\d+)/);
  if (s) section = s[1];
  const h = line.match(/^#### (\S+)/);
  if (h) heading = h[1];
  const inScope = section === '2.11' || section === '6.2';
  if (!inBlock && line.trim() && !line.startsWith('```')) label = line.replace(/^#+\s*/, '').replace(/`/g, '');
  if (line.startsWith('```ts')) { inBlock = true; cur = []; continue; }
  if (inBlock && line.startsWith('```')) {
    inBlock = false;
    if (!inScope) continue;
    // The struct-layout block of §6.2 sits under a sentence ("Each …Params bytes field …"), not a contract name.
    const first = label.split(/[\s:/(]/)[0];
    const name = section === '2.11' ? heading : `write:${first === 'Each' ? 'InitParams' : first}`;
    (fragments[name] ??= []).push(...cur);
    continue;
  }
  if (inBlock) { const m = line.match(/^\s*'(.*)',?\s*(\/\/.*)?$/); if (m) cur.push(m[1]); continue; }
  if (chapter === '2' || section === '6.2') {
    const m = line.match(/^\| (?:[^|]*\| )?`([A-Za-z0-9_]+\([^`]*\))` \| `(0x[0-9a-f]+)`/);
    if (m) selectors[m[1]] = m[2];
  }
}
const out = { source: '../shared/reference/protocols.md (§2.11, §6.2 fragments; §2 and §6.2 selector/topic0 tables)', fragments, selectors };
writeFileSync(process.argv[3] ?? 'tests/fixtures/reference-symbiotic.json', `${JSON.stringify(out, null, 1)}\n`);
console.log(Object.keys(fragments).join(', '), '|', Object.keys(selectors).length, 'selectors');
