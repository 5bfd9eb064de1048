// Text and links from outside (registry files, metadata URIs, chain strings) are untrusted: kept as
// plain text of bounded size, never markup, and links only when they are http(s) URLs.

/** Control characters (except tab/newline) and bidi overrides can disguise text; drop them. */
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Plain text limited to `max` code points (not UTF-16 units, so emoji are not split). Markup is not
 * stripped but left as inert text: renderers must use textContent, and stripping would give a false
 * sense of safety. Returns null for non-strings and for text that is empty after trimming.
 */
export function safeText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const clean = value.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

export const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL without credentials, normalised by the URL parser; null otherwise. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // user:pass@host URLs are a classic phishing disguise ("https://app.eigenlayer.xyz@evil.example").
  if (url.username || url.password) return null;
  return url.href;
}
