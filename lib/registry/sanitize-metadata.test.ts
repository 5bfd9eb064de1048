import { describe, expect, it } from 'vitest';
import { fetchMetadata } from './fetch-metadata.js';
import { sanitizeMetadata } from './sanitize-metadata.js';

const XSS = '<img src=x onerror="alert(document.cookie)"><script>alert(1)</script>';

describe('sanitizeMetadata', () => {
  it('keeps script injection strings as inert text (no markup is produced or interpreted)', () => {
    const m = sanitizeMetadata({ name: XSS, description: `Hi ${XSS}` })!;
    expect(m.name).toBe(XSS);
    expect(m.description).toContain('<script>alert(1)</script>');
    // The record holds strings only: nothing in it is a DOM node or a function.
    expect(Object.values(m).every((v) => typeof v === 'string' || v === null || Array.isArray(v))).toBe(true);
  });
  it('drops javascript:, data: and credentialed links and says so', () => {
    const m = sanitizeMetadata({
      name: 'AVS', website: 'javascript:alert(1)', logo: 'data:image/svg+xml,<svg onload=alert(1)>',
      links: [{ type: 'website', name: 'ok', url: 'https://ok.example/' }, { type: 'docs', url: 'JaVaScRiPt:alert(1)' }, { type: 'docs', url: 'https://app.eigenlayer.xyz@evil.example/' }],
    })!;
    expect(m.website).toBe('https://ok.example/'); // first website link stands in
    expect(m.logo).toBeNull();
    expect(m.links.map((l) => l.url)).toEqual(['https://ok.example/']);
    expect(m.problems).toEqual(expect.arrayContaining(['website: dropped, not an http(s) URL', 'logo: dropped, not an http(s) URL', 'links[1]: dropped, not an http(s) URL', 'links[2]: dropped, not an http(s) URL']));
  });
  it('cuts oversize text and reports it', () => {
    const m = sanitizeMetadata({ name: 'n', description: 'd'.repeat(10_000), tags: Array.from({ length: 50 }, (_, i) => `t${i}`) })!;
    expect([...m.description!].length).toBe(500);
    expect(m.tags).toHaveLength(10);
    expect(m.problems).toContain('description: cut to 500 characters');
  });
  it('checks the schema: wrong types are dropped, non-objects rejected', () => {
    expect(sanitizeMetadata('x')).toBeNull();
    expect(sanitizeMetadata([1])).toBeNull();
    const m = sanitizeMetadata({ name: { toString: 'x' }, website: 42, twitter: 'https://x.com/a' })!;
    expect(m.name).toBeNull();
    expect(m.website).toBeNull();
    expect(m.twitter).toBe('https://x.com/a');
    expect(m.problems).toContain('name: not a string');
  });
});

const respond = (body: string, init: ResponseInit = {}) => (async () => new Response(body, init)) as unknown as typeof fetch;

describe('fetchMetadata', () => {
  it('fetches, parses and sanitizes', async () => {
    const m = await fetchMetadata('https://meta.example/avs.json', { fetch: respond(JSON.stringify({ name: 'EigenDA', website: 'https://eigenda.xyz' })) });
    expect(m).toMatchObject({ name: 'EigenDA', website: 'https://eigenda.xyz/' });
  });
  it('refuses non-http(s) URIs without fetching', async () => {
    let called = false;
    const f = (async () => ((called = true), new Response('{}'))) as unknown as typeof fetch;
    await expect(fetchMetadata('ipfs://Qm', { fetch: f })).rejects.toThrow(/http/);
    await expect(fetchMetadata('javascript:alert(1)', { fetch: f })).rejects.toThrow(/http/);
    expect(called).toBe(false);
  });
  it('stops reading past maxBytes even without Content-Length', async () => {
    const big = new ReadableStream<Uint8Array>({ pull: (c) => c.enqueue(new Uint8Array(1024).fill(32)) });
    await expect(fetchMetadata('https://m.example/', { fetch: (async () => new Response(big)) as unknown as typeof fetch, maxBytes: 4096 })).rejects.toThrow(/larger than 4096/);
  });
  it('times out', async () => {
    const hang = ((_: string, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
    await expect(fetchMetadata('https://m.example/', { fetch: hang, timeoutMs: 20 })).rejects.toThrow(/timed out/);
  });
  it('reports HTTP errors and invalid JSON', async () => {
    await expect(fetchMetadata('https://m.example/', { fetch: respond('no', { status: 404 }) })).rejects.toThrow(/404/);
    await expect(fetchMetadata('https://m.example/', { fetch: respond('<html>') })).rejects.toThrow(/JSON/);
  });
});
