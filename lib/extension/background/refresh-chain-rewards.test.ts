import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Alert } from '../../alerts/types.js';
import { memoryCache } from '../../protocols/adapter.js';
import type { RewardsSnapshot } from '../../rewards/types.js';
import { sampleRewards } from '../../rewards/testing/sample-rewards.js';
import { loadHistory } from '../storage/history-item.js';
import { loadRewards } from '../storage/rewards-item.js';
import { defaultSettings, type Settings } from '../storage/settings.js';
import { ALICE, sampleSnapshot } from '../testing/sample-snapshot.js';
import { createSerializer } from './serialize.js';
import { refreshChainRewards, type RewardsRefreshDeps } from './refresh-chain-rewards.js';

const config = { chainId: 31337, rpcUrls: ['http://127.0.0.1:1'], deployments: { chainId: 31337, multicall3: '0xcA11bde05977b3631167028862bE2a173976CA11' as const, eigenlayer: { delegationManager: ALICE, strategyManager: ALICE, eigenPodManager: ALICE, allocationManager: ALICE, rewardsCoordinator: ALICE } } };
const settings = (api = false): Settings => {
  const s: Settings = { ...defaultSettings(), addresses: [{ address: ALICE, label: '' }] };
  s.chains['31337'] = { enabled: true, rpcUrls: [], ...(api ? { rewardsApi: { enabled: true, baseUrl: 'https://rewards.example' } } : {}) };
  return s;
};
const submission = { txHash: `0x${'ab'.repeat(32)}` as const, blockHash: `0x${'cd'.repeat(32)}` as const, blockNumber: 1200n, logIndex: 1, timestamp: 1 };

function deps(rewards: () => RewardsSnapshot | Promise<RewardsSnapshot>) {
  const added: Alert[][] = [];
  const readRewards = vi.fn(async () => ({ snapshot: sampleSnapshot({ chainId: 31337 }), rewards: await rewards() }));
  const d: RewardsRefreshDeps = { readRewards: readRewards as never, readers: {} as never, historySpacingSeconds: 0, addAlerts: async (a) => void added.push(a), findRootSubmission: async () => submission };
  return { d, added, readRewards };
}

const run = (d: RewardsRefreshDeps, s: Settings, block = 1234n) =>
  refreshChainRewards(d, { settings: s, config, snapshot: sampleSnapshot({ chainId: 31337, blockNumber: block }), cache: memoryCache(), serialize: createSerializer(), now: () => 5 });

/** The sample's address is ALICE: make root `index` the active root, its proof verified. */
function withRoot(index: number): RewardsSnapshot {
  const r = sampleRewards();
  const el = r.addresses[0]!.eigenlayer as any;
  el.claimable.rootIndex = index;
  el.activeRoot = { ...el.activeRoot, index };
  return r;
}

describe('refreshChainRewards', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the rewards API only when the user turned it on', async () => {
    const { d, readRewards } = deps(() => sampleRewards());
    await run(d, settings(false));
    expect((readRewards.mock.calls[0] as any)[2].sidecar).toBeNull();
    await run(d, settings(true));
    expect((readRewards.mock.calls[1] as any)[2].sidecar).toEqual({ baseUrl: 'https://rewards.example' });
  });

  it('stores fresh rewards and appends a history point for tracked addresses', async () => {
    const { d } = deps(() => sampleRewards());
    expect((await run(d, settings())).state).toBe('fresh');
    expect((await loadRewards()).chains['31337']!.rewards).toEqual(sampleRewards());
    const points = (await loadHistory())['31337']![ALICE]!;
    expect(points).toHaveLength(1);
    expect(points[0]!.block).toBe('1234');
  });

  it('raises a claimable alert only for a root newer than the first one seen', async () => {
    let root = 1;
    const { d, added } = deps(() => withRoot(root));
    await run(d, settings(true));
    expect(added).toEqual([]);
    root = 2;
    await run(d, settings(true), 1300n);
    expect(added).toHaveLength(1);
    expect(added[0]![0]).toMatchObject({ kind: 'rewards-claimable', address: ALICE, txHash: submission.txHash });
    await run(d, settings(true), 1301n);
    expect(added).toHaveLength(1);
  });

  it('keeps the previous rewards, marked stale, when a read fails', async () => {
    let fail = false;
    const { d } = deps(() => {
      if (fail) throw new Error('RPC down');
      return sampleRewards();
    });
    await run(d, settings());
    fail = true;
    const status = await run(d, settings());
    expect(status).toMatchObject({ state: 'stale', error: { message: 'RPC down' } });
    expect((await loadRewards()).chains['31337']!.rewards).toEqual(sampleRewards());
  });
});
