import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deploymentsFingerprint, loadDiscovery, MAX_CHAIN_BYTES, MAX_TOTAL_BYTES, saveDiscovery } from './discovery-item.js';

const big = (bytes: number) => ({ blob: 'x'.repeat(bytes) });

describe('discovery cache store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('keeps one cache per chain, returned only for the same deployments', async () => {
    expect(await saveDiscovery(1, 'fp-a', { 'symbiotic:vaults': ['0x1'] })).toBe(true);
    await saveDiscovery(42161, 'fp-b', { 'karak:cursor': '7' });
    expect(await loadDiscovery(1, 'fp-a')).toEqual({ 'symbiotic:vaults': ['0x1'] });
    expect(await loadDiscovery(42161, 'fp-b')).toEqual({ 'karak:cursor': '7' });
    expect(await loadDiscovery(1, 'fp-other')).toEqual({}); // deployments changed: start over
    expect(await loadDiscovery(5, 'fp-a')).toEqual({});
  });

  it('drops a chain cache past the per-chain bound, and the old one with it', async () => {
    await saveDiscovery(1, 'fp', { small: 1 });
    expect(await saveDiscovery(1, 'fp', big(MAX_CHAIN_BYTES + 1))).toBe(false);
    expect(await loadDiscovery(1, 'fp')).toEqual({});
  });

  it('skips a save that would take all chains past the total bound, keeping the others', async () => {
    const half = MAX_CHAIN_BYTES - 100;
    await saveDiscovery(1, 'fp', big(half));
    await saveDiscovery(560048, 'fp', big(half));
    expect(MAX_TOTAL_BYTES).toBeLessThan(3 * half);
    expect(await saveDiscovery(42161, 'fp', big(half))).toBe(false);
    expect((await loadDiscovery(1, 'fp')).blob).toHaveLength(half);
    expect(await loadDiscovery(42161, 'fp')).toEqual({});
  });

  it('ignores malformed stored entries', async () => {
    await fakeBrowser.storage.local.set({ discovery: { '1': 'junk', '2': { fingerprint: 'fp', entries: { a: 1 } } } });
    expect(await loadDiscovery(1, 'fp')).toEqual({});
    expect(await loadDiscovery(2, 'fp')).toEqual({ a: 1 });
  });

  it('fingerprints deployments stably and tells different ones apart', () => {
    const d = { chainId: 1, contracts: { a: '0x1' } };
    expect(deploymentsFingerprint(d)).toBe(deploymentsFingerprint({ chainId: 1, contracts: { a: '0x1' } }));
    expect(deploymentsFingerprint(d)).not.toBe(deploymentsFingerprint({ chainId: 1, contracts: { a: '0x2' } }));
  });
});
