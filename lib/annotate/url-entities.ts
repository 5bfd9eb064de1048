// Page URL -> the entities the page is about, from the registry's per-site URL templates
// (sites.json) and its derived slug -> vault mappings. Runs in the background (which carries the
// registry anyway), so the content script stays small and sends only its URL.
import sitesFile from '../registry/data/sites.json' with { type: 'json' };
import type { EntityKind } from '../risk/entity.js';

export interface UrlEntity {
  /** Lowercase hex. */
  address: string;
  /** null: the URL says "an address" (explorers); the background resolves what it is. */
  kind: EntityKind | null;
  operatorSetId?: number;
}

interface CompiledPattern {
  host: string;
  regex: RegExp;
  names: string[];
  kind: EntityKind | null;
}

interface SitesFile {
  sites: { host: string; patterns: { entity: string; url_template: string; notes?: string }[] }[];
  derived_mappings: Record<string, { url: string; symbiotic_vault?: string }[]>;
}

/**
 * Which registry pattern names denote an entity, and of which kind. Patterns not listed are pages
 * without one entity (lists, status) or carry someone's own address (a holder, a portfolio API):
 * those are never treated as entities.
 */
export const PATTERN_KINDS: Record<string, EntityKind | null> = {
  'app.eigenlayer.xyz operator': 'eigenlayer-operator',
  'app.eigenlayer.xyz avs': 'eigenlayer-avs',
  'app.eigenlayer.xyz avs operator set': 'eigenlayer-operator-set',
  'app.symbiotic.fi vault': 'symbiotic-vault',
  'app.symbiotic.fi network': 'symbiotic-network',
  'etherscan.io any address': null,
  'etherscan.io token': null,
  'etherscan.io token balance of holder': null,
  'eth.blockscout.com address': null,
};

const ADDRESS = '(0x[0-9a-fA-F]{40})';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "https://h/avs/{address}/operator-set/{operatorSetId}" -> a regex over the path (query ignored). */
export function compileTemplate(template: string): { host: string; regex: RegExp; names: string[] } {
  const parts = /^https:\/\/([^/?]+)(\/[^?]*)?/.exec(template);
  if (!parts) throw new TypeError(`Not an https URL template: ${template}`);
  const host = parts[1]!;
  const path = parts[2] ?? '/';
  const names: string[] = [];
  const source = path
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escape(part);
      names.push(m[1]!);
      if (/address$/i.test(m[1]!)) return ADDRESS;
      if (m[1] === 'operatorSetId') return '(\\d{1,10})';
      return '([^/]+)';
    })
    .join('');
  return { host, regex: new RegExp(`^${source}/?$`), names };
}

function compile(file: SitesFile): { patterns: CompiledPattern[]; slugs: Map<string, UrlEntity[]> } {
  const patterns: CompiledPattern[] = [];
  // One slug page can name several vaults (Cap's "bedrock" delegator page: three), so a list.
  const slugs = new Map<string, UrlEntity[]>();
  const addSlug = (key: string, e: UrlEntity) => {
    const list = slugs.get(key) ?? [];
    if (!list.some((x) => x.address === e.address && x.kind === e.kind)) list.push(e);
    slugs.set(key, list);
  };
  for (const site of file.sites) {
    for (const p of site.patterns) {
      const key = `${site.host} ${p.entity}`;
      if (key in PATTERN_KINDS) patterns.push({ ...compileTemplate(p.url_template), kind: PATTERN_KINDS[key]! });
      // Slug pages named in the notes ("map slug "eigenda" to 0x…"): the slug form of an AVS page.
      const note = /map slug "([\w-]+)" to (0x[0-9a-fA-F]{40})/.exec(p.notes ?? '');
      if (note && p.entity.startsWith('avs')) {
        addSlug(`${site.host}/avs/${note[1]}`, { address: note[2]!.toLowerCase(), kind: 'eigenlayer-avs' });
      }
    }
  }
  // Mellow / Cap slugs -> Symbiotic vaults (entries that map to a token are not risk entities).
  for (const list of Object.values(file.derived_mappings)) {
    for (const m of list) {
      if (!m.symbiotic_vault || !/^0x[0-9a-fA-F]{40}$/.test(m.symbiotic_vault)) continue;
      const u = new URL(m.url);
      addSlug(`${u.host}${u.pathname.replace(/\/$/, '')}`, { address: m.symbiotic_vault.toLowerCase(), kind: 'symbiotic-vault' });
    }
  }
  return { patterns, slugs };
}

let compiled: ReturnType<typeof compile> | undefined;
const table = () => (compiled ??= compile(sitesFile as unknown as SitesFile));

/** The entities a page URL names (usually 0 or 1). Non-https or unparsable URLs name none. */
export function entitiesInUrl(href: string): UrlEntity[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:') return [];
  const { patterns, slugs } = table();
  // Etherscan links sometimes carry a double slash ("//address/0x…").
  const path = url.pathname.replace(/\/{2,}/g, '/');
  const slug = slugs.get(`${url.host}${path.replace(/\/$/, '')}`);
  if (slug) return slug.map((e) => ({ ...e }));
  for (const p of patterns) {
    if (p.host !== url.host) continue;
    const m = p.regex.exec(path);
    if (!m) continue;
    const values = Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!]));
    const address = (values.address ?? values.tokenAddress)?.toLowerCase();
    if (!address) continue;
    const entity: UrlEntity = { address, kind: p.kind };
    if (values.operatorSetId !== undefined) entity.operatorSetId = Number(values.operatorSetId);
    return [entity];
  }
  return [];
}
