// The sites the annotator runs on: every host of the registry's sites.json that serves pages (the
// API-only host is left out). Kept as a small literal so the content script's `matches` and bundle
// do not pull in the 34 KB registry file; sites.test.ts checks it against sites.json.
import type { EntityKind } from '../risk/entity.js';

export type SiteProtocol = 'eigenlayer' | 'symbiotic' | 'karak' | null;

export interface AnnotatedSite {
  host: string;
  /** Which protocol's entity an ambiguous address (an operator on all three) means on this site. */
  protocol: SiteProtocol;
  /** Other hosts serving the same site (sites.json examples use them); settings key on `host`. */
  aliases?: readonly string[];
}

export const ANNOTATED_SITES: readonly AnnotatedSite[] = [
  { host: 'app.eigenlayer.xyz', protocol: 'eigenlayer' },
  { host: 'app.symbiotic.fi', protocol: 'symbiotic' },
  { host: 'app.karak.network', protocol: 'karak' },
  { host: 'etherscan.io', protocol: null },
  { host: 'eth.blockscout.com', protocol: null },
  { host: 'app.mellow.finance', protocol: 'symbiotic' },
  { host: 'cap.app', protocol: 'symbiotic' },
  { host: 'app.ether.fi', protocol: null },
  { host: 'app.renzoprotocol.com', protocol: null },
  { host: 'kelpdao.xyz', protocol: null, aliases: ['www.kelpdao.xyz'] },
  { host: 'app.puffer.fi', protocol: null },
  { host: 'app.swellnetwork.io', protocol: null },
];

/** Hosts in sites.json that are APIs, not pages a user visits. */
export const NOT_ANNOTATED_HOSTS: readonly string[] = ['api.eigenexplorer.com'];

/** Content-script match patterns: https only (every listed site is served over https). */
export const annotatedMatchPatterns = (): string[] => ANNOTATED_SITES.flatMap((s) => [s.host, ...(s.aliases ?? [])]).map((h) => `https://${h}/*`);

export function annotatedSite(host: string): AnnotatedSite | null {
  return ANNOTATED_SITES.find((s) => s.host === host || s.aliases?.includes(host)) ?? null;
}

/** Absent = on (settings.risk.sites). */
export const siteEnabled = (sites: Record<string, boolean>, host: string): boolean => sites[host] !== false;

export const protocolOfKind = (kind: EntityKind): Exclude<SiteProtocol, null> => kind.split('-')[0] as Exclude<SiteProtocol, null>;
