// Finding entity addresses in page text and link targets. DOM-free (strings in, lowercase
// addresses out) so it is unit-tested in Node and cheap in the content script: one precompiled
// regex, no checksum hashing here (the background validates every address it is asked about).

/** 0x + 40 hex, not part of a longer hex run (a 32-byte hash is not an address). */
const ADDRESS_IN_TEXT = /(?<![0-9a-zA-Z])0x[0-9a-fA-F]{40}(?![0-9a-zA-Z])/g;
const ADDRESS_EXACT = /^0x[0-9a-fA-F]{40}$/;
/** Quick pre-filter: most text nodes have no "0x" at all. */
export const mayContainAddress = (text: string): boolean => text.length >= 42 && text.includes('0x');

export interface Found {
  /** Lowercase hex. */
  address: string;
  /** EigenLayer operator-set links: /avs/0x…/operator-set/N. */
  operatorSetId?: number;
}

/** Addresses in a text, in order, each once. */
export function addressesInText(text: string): string[] {
  if (!mayContainAddress(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(ADDRESS_IN_TEXT)) {
    const a = m[0].toLowerCase();
    if (!out.includes(a)) out.push(a);
  }
  return out;
}

export const isAddress = (s: string): boolean => ADDRESS_EXACT.test(s);

/**
 * Addresses a link points at: a path segment or query value that is exactly an address
 * ("/operator/0x…", "/address/0x…", "?a=0x…" is skipped: that is a holder, i.e. someone's own
 * address, not an entity). Only http(s) links; anything unparsable finds nothing.
 */
export function addressesInHref(href: string, base: string): Found[] {
  if (!href.includes('0x')) return [];
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const segments = url.pathname.split('/').filter(Boolean);
  const out: Found[] = [];
  segments.forEach((seg, i) => {
    if (!isAddress(seg)) return;
    const address = seg.toLowerCase();
    if (out.some((f) => f.address === address)) return;
    const found: Found = { address };
    if (segments[i + 1] === 'operator-set' && /^\d{1,10}$/.test(segments[i + 2] ?? '')) found.operatorSetId = Number(segments[i + 2]);
    out.push(found);
  });
  return out;
}

/** Key of one entity occurrence: the address, plus the operator set when a link names one. */
export const foundKey = (f: Found): string => (f.operatorSetId === undefined ? f.address : `${f.address}/${f.operatorSetId}`);
