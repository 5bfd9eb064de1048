// RPC endpoints typed by the user: http(s) only, no embedded credentials (fetch refuses them and
// they would sit in storage in clear), a bounded list so a refresh's fallback chain stays short.
import { InvalidSettingsError } from '../../errors/errors.js';

export const MAX_RPC_URLS = 5;

export function parseRpcUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidSettingsError(`Not a URL: ${text || '(empty)'}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidSettingsError(`Unsupported scheme ${url.protocol} in ${text}: use http:// or https://`);
  if (url.username || url.password) throw new InvalidSettingsError(`Remove the user name/password from ${url.host}: put API keys in the path or query instead`);
  return text; // as typed (URL.toString() would add a trailing slash the user never wrote)
}

/** One URL per line; blank lines ignored, duplicates dropped, order kept (first = preferred). */
export function parseRpcUrls(text: string): string[] {
  const urls = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(parseRpcUrl))];
  if (urls.length === 0) throw new InvalidSettingsError('Enter at least one RPC URL');
  if (urls.length > MAX_RPC_URLS) throw new InvalidSettingsError(`At most ${MAX_RPC_URLS} RPC URLs`);
  return urls;
}

/** Host permission pattern for a URL (ports are not part of match patterns). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
