// Metadata JSON from URIs found on chain (EigenLayer AVS/operator metadataURI, Symbiotic info.json)
// is written by whoever controls the entity: a plain-text record comes out, size-limited and
// schema-checked. Markup stays inert text (renderers use textContent); links are http(s) only.
import { safeHttpUrl, safeText } from './safe-text.js';

export const METADATA_LIMITS = { name: 80, description: 500, twitter: 100, tags: 10, tag: 40, links: 10, linkName: 60 } as const;

export interface SanitizedMetadata {
  name: string | null;
  description: string | null;
  website: string | null;
  logo: string | null;
  twitter: string | null;
  tags: string[];
  links: { type: string; name: string | null; url: string }[];
  /** What was dropped or cut, so a UI can say "metadata partly unusable". */
  problems: string[];
}

const LINK_TYPES = ['website', 'explorer', 'docs', 'example', 'externalLink'];

/** Returns null when the input is not a JSON object at all; otherwise every usable field. */
export function sanitizeMetadata(json: unknown): SanitizedMetadata | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const r = json as Record<string, unknown>;
  const problems: string[] = [];
  const text = (key: string, max: number): string | null => {
    const v = r[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      problems.push(`${key}: not a string`);
      return null;
    }
    const out = safeText(v, max);
    if (out !== null && out.endsWith('…') && [...v.trim()].length > max) problems.push(`${key}: cut to ${max} characters`);
    return out;
  };
  const url = (key: string): string | null => {
    const v = r[key];
    if (v === undefined || v === null || v === '') return null;
    const out = safeHttpUrl(v);
    if (out === null) problems.push(`${key}: dropped, not an http(s) URL`);
    return out;
  };
  const tags = Array.isArray(r.tags) ? r.tags.map((t) => safeText(t, METADATA_LIMITS.tag)).filter((t): t is string => t !== null).slice(0, METADATA_LIMITS.tags) : [];
  const links: SanitizedMetadata['links'] = [];
  if (Array.isArray(r.links)) {
    for (const [i, l] of r.links.slice(0, METADATA_LIMITS.links).entries()) {
      const link = typeof l === 'object' && l !== null ? (l as Record<string, unknown>) : {};
      const u = safeHttpUrl(link.url);
      if (u === null) {
        problems.push(`links[${i}]: dropped, not an http(s) URL`);
        continue;
      }
      const type = typeof link.type === 'string' && LINK_TYPES.includes(link.type) ? link.type : 'externalLink';
      links.push({ type, name: safeText(link.name, METADATA_LIMITS.linkName), url: u });
    }
  }
  // Symbiotic info.json has no `website` field: its first website link stands in for it.
  const website = url('website') ?? links.find((l) => l.type === 'website')?.url ?? null;
  return {
    name: text('name', METADATA_LIMITS.name),
    description: text('description', METADATA_LIMITS.description),
    website,
    logo: url('logo'),
    twitter: text('twitter', METADATA_LIMITS.twitter),
    tags,
    links,
    problems,
  };
}
