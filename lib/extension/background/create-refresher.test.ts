import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RpcUnavailableError } from '../../errors/errors.js';
import type { RefreshConfig, ReadSnapshotOptions } from '../../portfolio/read-snapshot.js';
import type { Snapshot } from '../../portfolio/types.js';
import { deploymentsFingerprint, loadDiscovery } from '../storage/discovery-item.js';
import { loadPortfolio, savePortfolio } from '../storage/portfolio-item.js';
import { defaultSettings, type Settings } from '../storage/settings.js';
import { saveSettings } from '../storage/settings-item.js';
import { ALICE, sampleSnapshot } from '../testing/sample-snapshot.js';
import { createRefresher } from './create-refresher.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 };

/** Alice tracked; mainnet enabled (default) plus the given chains. */
async function track(extra: number[] = []) {
  const s: Settings = { ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] };
  for (const id of extra) s.chains[String(id)] = { enabled: true, rpcUrls: [] };
  await saveSettings(s);
}

/** A readSnapshot answering for whichever chain it is asked about. */
const perChain = (block = 1000n) => vi.fn(async (config: RefreshConfig, _a: readonly string[], _o?: ReadSnapshotOptions): Promise<Snapshot> => sampleSnapshot({ chainId: config.chainId, blockNumber: block }));

describe('createRefresher', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await track();
  });

  it('reads the tracked addresses on each enabled chain and stores each snapshot as fresh', async () => {
    await track([42161]);
    const readSnapshot = perChain();
    const result = await createRefresher({ readSnapshot, now: () => 5000 }).refresh();
    expect(readSnapshot).toHaveBeenCalledTimes(2);
    expect(readSnapshot).toHaveBeenCalledWith(expect.objectContaining({ chainId: 1, rpcUrls: expect.arrayContaining(['https://eth.llamarpc.com']) }), [ALICE], expect.anything());
    expect(readSnapshot).toHaveBeenCalledWith(expect.objectContaining({ chainId: 42161, rpcUrls: expect.arrayContaining(['https://arb1.arbitrum.io/rpc']) }), [ALICE], expect.anything());
    const status = { state: 'fresh', lastAttemptAt: 5000, lastSuccessAt: 5000 };
    expect(result).toEqual({ '1': status, '42161': status });
    const stored = await loadPortfolio();
    expect(stored.chains['1']).toEqual({ snapshot: sampleSnapshot(), status });
    expect(stored.chains['42161']).toEqual({ snapshot: sampleSnapshot({ chainId: 42161 }), status });
  });

  it('reads the chains in parallel: a slow chain does not hold back the others', async () => {
    await track([42161]);
    const slow = deferred<Snapshot>();
    const readSnapshot = vi.fn((config: RefreshConfig) => (config.chainId === 42161 ? slow.promise : Promise.resolve(sampleSnapshot())));
    const run = createRefresher({ readSnapshot }).refresh();
    await vi.waitFor(async () => expect((await loadPortfolio()).chains['1']?.status.state).toBe('fresh'));
    expect(readSnapshot).toHaveBeenCalledTimes(2);
    slow.resolve(sampleSnapshot({ chainId: 42161 }));
    expect(Object.keys(await run)).toEqual(['1', '42161']);
  });

  it('a failing chain keeps its previous snapshot, unchanged, marked stale with the reason, while another chain updates', async () => {
    await track([42161]);
    const previousArb = sampleSnapshot({ chainId: 42161, blockNumber: 500n });
    await savePortfolio({ chains: { '1': { snapshot: sampleSnapshot({ blockNumber: 900n }), status: fresh }, '42161': { snapshot: previousArb, status: fresh } } });
    const readSnapshot = vi.fn(async (config: RefreshConfig): Promise<Snapshot> => {
      if (config.chainId === 42161) throw new RpcUnavailableError('Could not reach the RPC (https://arb1.arbitrum.io/rpc): timeout');
      return sampleSnapshot({ blockNumber: 2000n });
    });
    const result = await createRefresher({ readSnapshot, now: () => 9000 }).refresh();
    const staleStatus = {
      state: 'stale',
      lastAttemptAt: 9000,
      lastSuccessAt: 1,
      error: { name: 'RpcUnavailableError', message: 'Could not reach the RPC (https://arb1.arbitrum.io/rpc): timeout' },
    };
    expect(result).toEqual({ '1': { state: 'fresh', lastAttemptAt: 9000, lastSuccessAt: 9000 }, '42161': staleStatus });
    const stored = await loadPortfolio();
    expect(stored.chains['42161']).toEqual({ snapshot: previousArb, status: staleStatus }); // amounts never zeroed or dropped
    expect(stored.chains['1']?.snapshot?.blockNumber).toBe(2000n);
  });

  it('with no previous snapshot a failure stays "never" but records the error', async () => {
    const result = await createRefresher({ readSnapshot: async () => Promise.reject(new RpcUnavailableError('down')), now: () => 1 }).refresh();
    expect(result['1']).toMatchObject({ state: 'never', lastSuccessAt: null, error: { name: 'RpcUnavailableError', message: 'down' } });
  });

  it('does not read a disabled chain, and keeps its stored data untouched', async () => {
    const old = { snapshot: sampleSnapshot({ chainId: 17000 }), status: fresh };
    await savePortfolio({ chains: { '17000': old } });
    const readSnapshot = perChain();
    const result = await createRefresher({ readSnapshot }).refresh();
    expect(Object.keys(result)).toEqual(['1']);
    expect(readSnapshot).toHaveBeenCalledTimes(1);
    expect((await loadPortfolio()).chains['17000']).toEqual(old);
  });

  it('never runs two reads at once: a refresh during a refresh joins it', async () => {
    const gate = deferred<Snapshot>();
    const readSnapshot = vi.fn(() => gate.promise);
    const refresher = createRefresher({ readSnapshot });
    const first = refresher.refresh();
    const second = refresher.refresh(); // e.g. the alarm fires while a manual refresh runs
    await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledTimes(1));
    gate.resolve(sampleSnapshot());
    expect(await second).toEqual(await first);
    expect(readSnapshot).toHaveBeenCalledTimes(1);
  });

  it('after a settings change during a refresh, runs exactly one more read afterwards', async () => {
    const gates = [deferred<Snapshot>(), deferred<Snapshot>()];
    let calls = 0;
    const readSnapshot = vi.fn(() => gates[calls++]!.promise);
    const refresher = createRefresher({ readSnapshot });
    const inFlight = refresher.refresh();
    await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledTimes(1));
    const a = refresher.refresh({ afterChange: true });
    const b = refresher.refresh({ afterChange: true }); // coalesced with a
    gates[0]!.resolve(sampleSnapshot());
    await inFlight;
    await vi.waitFor(() => expect(readSnapshot).toHaveBeenCalledTimes(2));
    gates[1]!.resolve(sampleSnapshot({ blockNumber: 2000n }));
    await Promise.all([a, b]);
    expect(readSnapshot).toHaveBeenCalledTimes(2);
    expect((await loadPortfolio()).chains['1']?.snapshot?.blockNumber).toBe(2000n);
  });

  it('does not touch the network when no address is tracked', async () => {
    await saveSettings(defaultSettings());
    const readSnapshot = perChain();
    expect(await createRefresher({ readSnapshot }).refresh()).toEqual({ '1': { state: 'never', lastAttemptAt: null, lastSuccessAt: null } });
    expect(readSnapshot).not.toHaveBeenCalled();
  });

  it('marks a chain stale when its settings cannot produce a chain config (no RPC attempted for it)', async () => {
    await savePortfolio({ chains: { '5': { snapshot: sampleSnapshot({ chainId: 5 }), status: fresh } } });
    await track([5]); // chain 5: no RPC, no deployments
    const readSnapshot = perChain();
    const result = await createRefresher({ readSnapshot }).refresh();
    expect(result['5']?.state).toBe('stale');
    expect(result['5']?.error?.message).toMatch(/No RPC URL for chain 5/);
    expect(result['1']?.state).toBe('fresh');
    expect(readSnapshot).toHaveBeenCalledTimes(1);
  });

  it('hands the adapters a discovery cache that survives refreshes, per chain', async () => {
    const seen: unknown[] = [];
    const readSnapshot = vi.fn(async (config: RefreshConfig, _a: readonly string[], options?: ReadSnapshotOptions) => {
      const cache = options!.cache!;
      seen.push(cache.get('symbiotic:vaults'));
      cache.set('symbiotic:vaults', { cursor: String(seen.length), vaults: ['0xv'] });
      return sampleSnapshot({ chainId: config.chainId });
    });
    const refresher = createRefresher({ readSnapshot });
    await refresher.refresh();
    await refresher.refresh();
    expect(seen).toEqual([undefined, { cursor: '1', vaults: ['0xv'] }]);
    const { effectiveChainConfig } = await import('./effective-chain-config.js');
    const fingerprint = deploymentsFingerprint(effectiveChainConfig(defaultSettings(), 1).deployments);
    expect(await loadDiscovery(1, fingerprint)).toEqual({ 'symbiotic:vaults': { cursor: '2', vaults: ['0xv'] } });
  });

  it('does not save the discovery cache of a failed read', async () => {
    const readSnapshot = vi.fn(async (_c: RefreshConfig, _a: readonly string[], options?: ReadSnapshotOptions): Promise<Snapshot> => {
      options!.cache!.set('karak:cursor', '99');
      throw new RpcUnavailableError('down');
    });
    await createRefresher({ readSnapshot }).refresh();
    expect(await fakeBrowser.storage.local.get('discovery')).toEqual({});
  });

  it('runs rewards in their own lane: a slow rewards read never holds the refresh, and one lane runs per chain', async () => {
    const slow = deferred<never>();
    const readRewards = vi.fn(() => slow.promise);
    const refresher = createRefresher({
      readSnapshot: perChain(),
      rewards: { readRewards: readRewards as never, readers: {} as never, historySpacingSeconds: 0, addAlerts: async () => undefined },
    });
    expect(await refresher.refresh()).toEqual({ '1': expect.objectContaining({ state: 'fresh' }) });
    expect(await refresher.refresh()).toEqual({ '1': expect.objectContaining({ state: 'fresh' }) });
    expect(readRewards).toHaveBeenCalledTimes(1);
    slow.reject(new Error('RPC down'));
    await refresher.settled!();
    await refresher.refresh();
    expect(readRewards).toHaveBeenCalledTimes(2);
  });
});
