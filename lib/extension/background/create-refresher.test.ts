import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RpcUnavailableError } from '../../errors/errors.js';
import type { Snapshot } from '../../portfolio/types.js';
import { loadPortfolio, savePortfolio } from '../storage/portfolio-item.js';
import { defaultSettings } from '../storage/settings.js';
import { saveSettings } from '../storage/settings-item.js';
import { ALICE, sampleSnapshot } from '../testing/sample-snapshot.js';
import { createRefresher } from './create-refresher.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

async function trackAlice() {
  await saveSettings({ ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] });
}

describe('createRefresher', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await trackAlice();
  });

  it('reads the tracked addresses on the effective chain and stores the snapshot as fresh', async () => {
    const readSnapshot = vi.fn(async () => sampleSnapshot());
    const status = await createRefresher({ readSnapshot, now: () => 5000 }).refresh();
    expect(readSnapshot).toHaveBeenCalledWith(expect.objectContaining({ chainId: 1, rpcUrls: expect.arrayContaining(['https://eth.llamarpc.com']) }), [ALICE]);
    expect(status).toEqual({ state: 'fresh', lastAttemptAt: 5000, lastSuccessAt: 5000 });
    expect(await loadPortfolio()).toEqual({ snapshot: sampleSnapshot(), status });
  });

  it('on failure keeps the previous snapshot, unchanged, and marks it stale with the reason', async () => {
    const previous = { snapshot: sampleSnapshot(), status: { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 } };
    await savePortfolio(previous);
    const readSnapshot = vi.fn(async (): Promise<Snapshot> => {
      throw new RpcUnavailableError('Could not reach the RPC (https://eth.llamarpc.com): timeout');
    });
    const status = await createRefresher({ readSnapshot, now: () => 9000 }).refresh();
    expect(status).toEqual({
      state: 'stale',
      lastAttemptAt: 9000,
      lastSuccessAt: 1,
      error: { name: 'RpcUnavailableError', message: 'Could not reach the RPC (https://eth.llamarpc.com): timeout' },
    });
    const stored = await loadPortfolio();
    expect(stored.snapshot).toEqual(previous.snapshot); // amounts never zeroed or dropped
    expect(stored.status).toEqual(status);
  });

  it('with no previous snapshot a failure stays "never" but records the error', async () => {
    const status = await createRefresher({ readSnapshot: async () => Promise.reject(new RpcUnavailableError('down')), now: () => 1 }).refresh();
    expect(status).toMatchObject({ state: 'never', lastSuccessAt: null, error: { name: 'RpcUnavailableError', message: 'down' } });
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
    expect((await loadPortfolio()).snapshot?.blockNumber).toBe(2000n);
  });

  it('does not touch the network when no address is tracked', async () => {
    await saveSettings(defaultSettings());
    const readSnapshot = vi.fn(async () => sampleSnapshot());
    expect((await createRefresher({ readSnapshot }).refresh()).state).toBe('never');
    expect(readSnapshot).not.toHaveBeenCalled();
  });

  it('marks the data stale when the settings cannot produce a chain config (no RPC attempted)', async () => {
    await savePortfolio({ snapshot: sampleSnapshot(), status: { state: 'fresh', lastAttemptAt: 1, lastSuccessAt: 1 } });
    await saveSettings({ ...defaultSettings(), addresses: [{ address: ALICE, label: '' }], activeChainId: 999 });
    const readSnapshot = vi.fn(async () => sampleSnapshot());
    const status = await createRefresher({ readSnapshot }).refresh();
    expect(status.state).toBe('stale');
    expect(status.error?.message).toMatch(/No RPC URL for chain 999/);
    expect(readSnapshot).not.toHaveBeenCalled();
  });
});
