// Extracts, from ../shared/reference/protocols.md, (1) the viem human-readable ABI blocks per
// EigenLayer contract and (2) the reference's own "canonical signature | selector/topic0" tables,
// so the conformance test can compare our ABIs with the reference without the file at hand.
import { readFileSync, writeFileSync } from 'node:fs';
const src = readFileSync(process.argv[2] ?? '../shared/reference/protocols.md', 'utf8');
const lines = src.split('\n');
const blocks = {};
let heading = '', inBlock = false, cur = [];
for (const line of lines) {
  const h = line.match(/^#### (\S+)/);
  if (h) heading = h[1];
  if (line.startsWith('```ts')) { inBlock = true; cur = []; continue; }
  if (inBlock && line.startsWith('```')) { inBlock = false; (blocks[heading] ??= []).push(...cur); continue; }
  if (inBlock) { const m = line.match(/^\s*'(.*)',?\s*$/); if (m) cur.push(m[1]); }
}
// §6.1 lists EigenPod's EigenPodStaked under "EigenPodManager / EigenPod"; the pod emits it.
if (blocks.EigenPodManager && blocks.EigenPod) {
  const staked = blocks.EigenPodManager.filter((l) => l.startsWith('event EigenPodStaked'));
  blocks.EigenPodManager = blocks.EigenPodManager.filter((l) => !staked.includes(l));
  blocks.EigenPod.unshift(...staked);
}
const selectors = {};
for (const line of lines) {
  const m = line.match(/^\| (?:[^|]*\| )?`([A-Za-z0-9_]+\([^`]*\))` \| `(0x[0-9a-f]+)`/);
  if (m) selectors[m[1]] = m[2];
}
writeFileSync(process.argv[3] ?? '/tmp/ref.json', JSON.stringify({ blocks, selectors }, null, 1));
console.log(Object.keys(blocks).length, 'blocks', Object.keys(selectors).length, 'selectors');
