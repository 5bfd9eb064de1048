// Extracts the Karak ABI blocks of ../shared/reference/protocols.md (§3.8 reads/events, §6.3 write
// paths) per contract, plus the reference's own "canonical signature | selector/topic0" tables of
// those sections, into tests/fixtures/reference-karak.json for lib/protocols/karak/abi.test.ts.
// Usage: node scripts/extract-karak-reference.mjs [protocols.md] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
const src = readFileSync(process.argv[2] ?? '../shared/reference/protocols.md', 'utf8');
const out = process.argv[3] ?? 'tests/fixtures/reference-karak.json';

/** Heading (start of the #### line) -> contract; the V1 "original main-branch form" block is kept apart. */
const HEADINGS = [
  ['#### CoreV2', 'Core'],
  ['#### V2 Core', 'Core'],
  ['#### VaultV2', 'Vault'],
  ['#### V2 Vault', 'Vault'],
  ['#### VaultSupervisorV1', 'VaultSupervisor'],
  ['#### V1 VaultSupervisor', 'VaultSupervisor'],
  ['#### DelegationSupervisorV1', 'DelegationSupervisor'],
  ['#### V1 DelegationSupervisor', 'DelegationSupervisor'],
];

const lines = src.split('\n');
const inKarak = (i) => {
  const before = lines.slice(0, i + 1);
  const section = [...before].reverse().find((l) => /^##+ \d/.test(l)) ?? '';
  return /^## 3\. Karak|^### 3\.\d|^### 6\.3/.test(section);
};
const fragments = {};
const legacy = [];
let contract = null, inBlock = false, cur = [], blockInHeading = 0, afterOriginal = false;
lines.forEach((line, i) => {
  if (line.startsWith('#### ')) {
    const hit = HEADINGS.find(([h]) => line.startsWith(h));
    contract = hit && inKarak(i) ? hit[1] : null;
    blockInHeading = 0;
    afterOriginal = false;
  }
  if (/^Original `main`-branch form/.test(line)) afterOriginal = true;
  if (line.startsWith('```ts')) { inBlock = true; cur = []; return; }
  if (inBlock && line.startsWith('```')) {
    inBlock = false;
    if (contract) (afterOriginal ? legacy : (fragments[contract] ??= [])).push(...cur);
    blockInHeading++;
    return;
  }
  if (inBlock) { const m = line.match(/^\s*'(.*)',?\s*$/); if (m) cur.push(m[1]); }
});
// Struct lines repeat across blocks of one contract: keep the first of each.
for (const [k, v] of Object.entries(fragments)) fragments[k] = v.filter((l, i) => !l.startsWith('struct ') || v.indexOf(l) === i);

const selectors = {};
lines.forEach((line, i) => {
  const m = line.match(/^\| (?:[^|]*\| )?`([A-Za-z0-9_]+\([^`]*\))` \| `(0x[0-9a-f]+)`/);
  if (m && inKarak(i)) selectors[m[1]] = m[2];
});
const source = '../shared/reference/protocols.md (§3.8 fragments and topic table; §6.3 write paths and selector tables)';
writeFileSync(out, `${JSON.stringify({ source, fragments, legacyFragments: { VaultSupervisor: legacy }, selectors }, null, 1)}\n`);
console.log(Object.entries(fragments).map(([k, v]) => `${k}:${v.length}`).join(' '), `legacy:${legacy.length}`, Object.keys(selectors).length, 'selectors');
