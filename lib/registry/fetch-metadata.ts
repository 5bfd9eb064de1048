// Opt-in fetch of one metadata URI with hard limits: http(s) only, a byte cap enforced while
// streaming (a Content-Length header can lie), a timeout, no credentials, and the body parsed as
// JSON and sanitized. Errors are values: the caller shows "metadata unavailable", never a guess.
import { MetadataFetchError } from '../errors/errors.js';
import { safeHttpUrl } from './safe-text.js';
import { sanitizeMetadata, type SanitizedMetadata } from './sanitize-metadata.js';

export interface FetchMetadataOptions {
  fetch: typeof fetch;
  /** Default 64 KiB: metadata JSON is a few hundred bytes. */
  maxBytes?: number;
  /** Default 5 s. */
  timeoutMs?: number;
}

export async function fetchMetadata(url: string, options: FetchMetadataOptions): Promise<SanitizedMetadata> {
  const { maxBytes = 64 * 1024, timeoutMs = 5_000 } = options;
  const href = safeHttpUrl(url);
  if (href === null) throw new MetadataFetchError('Metadata URI is not an http(s) URL: it was not fetched', { url: String(url).slice(0, 200) });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await options.fetch(href, { signal: controller.signal, credentials: 'omit', redirect: 'follow', headers: { accept: 'application/json' } });
    } catch (cause) {
      throw new MetadataFetchError(controller.signal.aborted ? `Metadata fetch timed out after ${timeoutMs} ms` : 'Metadata could not be fetched', { url: href }, { cause });
    }
    if (!res.ok) throw new MetadataFetchError(`Metadata server answered HTTP ${res.status}`, { url: href });
    // Redirects must not lead to another scheme (e.g. a data: or file: URL in a custom fetch).
    if (res.url && safeHttpUrl(res.url) === null) throw new MetadataFetchError('Metadata redirected to a non-http(s) URL', { url: href });
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw new MetadataFetchError(`Metadata is larger than ${maxBytes} bytes`, { url: href, declared });
    const text = await readCapped(res, maxBytes, href, controller);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new MetadataFetchError('Metadata is not valid JSON', { url: href }, { cause });
    }
    const clean = sanitizeMetadata(json);
    if (clean === null) throw new MetadataFetchError('Metadata is not a JSON object', { url: href });
    return clean;
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(res: Response, maxBytes: number, url: string, controller: AbortController): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (cause) {
      throw new MetadataFetchError(controller.signal.aborted ? 'Metadata fetch timed out' : 'Metadata download failed', { url }, { cause });
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > maxBytes) {
      controller.abort();
      throw new MetadataFetchError(`Metadata is larger than ${maxBytes} bytes`, { url });
    }
    chunks.push(step.value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}
