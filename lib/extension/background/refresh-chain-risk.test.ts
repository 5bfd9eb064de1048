import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultDeployments } from '../../chains/registry.js';
import { memoryCache } from '../../protocols/adapter.js';
import type { EntityRef } from '../../risk/entity.js';
import { factsWith, k, u } from '../../risk/testing/facts-fixture.js';
import { RpcUnavailableError } from '../../errors/errors.js';
import { loadRisk } from '../storage/risk-item.js';
import { loadRiskFacts } from '../storage/risk-facts-item.js';
import { deploymentsFingerprint } from '../storage/discovery-item.js';
import { defaultSettings, type Settings } from '../storage/settings.js';
import { AVS, OPERATOR, threeProtocolSnapshot } from '../testing/sample-snapshot.js';
import { createSerializer } from './serialize.js';
import { refreshChainRisk, snapshotRiskEntities, type RiskRefreshDeps } from './refresh-chain-risk.js';

const deployments = defaultDeployments(1)!;
const config = { chainId: 1, rpcUrls: ['http://127.0.0.1:9'], deployments };
const twoServices = () => factsWith({ sharedStake: k({ services: 2, where: 'vault X' }) });

function run(deps: Partial<RiskRefreshDeps> & Pick<RiskRefreshDeps, 'gatherFacts'>, opts: { settings?: Settings; now?: number } = {}) {
  const t = opts.now ?? 10_000;
  return refreshChainRisk({ factsTtlMs: 1000, ...deps }, { settings: opts.settings ?? defaultSettings(), config, snapshot: threeProtocolSnapshot(), cache: memoryCache(), serialize: createSerializer(), now: () => t });
}

describe('refreshChainRisk', () => {
  beforeEach(() => fakeBrowser.reset());

  it('assesses every entity behind the positions at the snapshot block and stores the verdicts', async () => {
    const gather = vi.fn(async (ctx: { blockNumber: bigint }, _e: EntityRef) => (expect(ctx.blockNumber).toBe(1000n), twoServices()));
    const status = await run({ gatherFacts: gather as never });
    expect(status.state).toBe('fresh');
    const keys = [...snapshotRiskEntities(threeProtocolSnapshot()).keys()];
    expect(keys).toEqual(expect.arrayContaining([`eigenlayer-operator:${OPERATOR.toLowerCase()}`, `eigenlayer-operator-set:${AVS.toLowerCase()}/7`, expect.stringMatching(/^symbiotic-vault:/), expect.stringMatching(/^karak-vault:/), expect.stringMatching(/^karak-operator:/)]));
    expect(gather).toHaveBeenCalledTimes(keys.length);
    const chain = (await loadRisk()).chains['1']!;
    expect(Object.keys(chain.entities).sort()).toEqual([...keys].sort());
    const op = chain.entities[`eigenlayer-operator:${OPERATOR.toLowerCase()}`]!;
    expect(op).toMatchObject({ block: '100', assessedAt: 10_000, stale: false, verdict: { overall: 'medium', dimensions: { leverage: 'medium' } } });
  });

  it('uses the user thresholds, and re-grades from cached facts without reading the chain again', async () => {
    const gather = vi.fn(async () => twoServices());
    await run({ gatherFacts: gather, factsTtlMs: 60_000 });
    const n = gather.mock.calls.length;
    const settings = defaultSettings();
    settings.risk.thresholds = { 'shared-stake': { mediumAtServices: 3 } };
    await run({ gatherFacts: gather, factsTtlMs: 60_000 }, { settings, now: 20_000 });
    expect(gather).toHaveBeenCalledTimes(n);
    const e = Object.values((await loadRisk()).chains['1']!.entities)[0]!;
    expect(e.verdict!.overall).toBe('low');
    expect(e.stale).toBe(false);
  });

  it('an unknown fact stays unknown, never low', async () => {
    await run({ gatherFacts: async () => factsWith({ sharedStake: u('logs refused') }) });
    const e = Object.values((await loadRisk()).chains['1']!.entities)[0]!;
    expect(e.verdict!.overall).toBe('unknown');
    expect(e.verdict!.results[0]!.sentence).toMatch(/not checked: logs refused/);
  });

  it('a failed read keeps the previous facts, re-graded and marked stale; all failing makes the chain stale', async () => {
    await run({ gatherFacts: async () => twoServices() });
    const down = async () => {
      throw new RpcUnavailableError('Could not reach the RPC');
    };
    const status = await run({ gatherFacts: down }, { now: 50_000 });
    expect(status).toMatchObject({ state: 'stale', lastSuccessAt: 10_000, error: { message: /Could not reach the RPC/ } });
    const chain = (await loadRisk()).chains['1']!;
    for (const e of Object.values(chain.entities)) expect(e).toMatchObject({ stale: true, assessedAt: 10_000, error: 'Could not reach the RPC', verdict: { overall: 'medium' } });
  });

  it('a first read that fails stores no verdict (never a guess) and says why', async () => {
    const status = await run({ gatherFacts: async () => Promise.reject(new Error('boom')) });
    expect(status.state).toBe('never');
    const e = Object.values((await loadRisk()).chains['1']!.entities)[0]!;
    expect(e).toMatchObject({ verdict: null, stale: false, error: 'boom' });
  });

  it('reads at most maxReadsPerRefresh entities; the rest wait, then the oldest go first', async () => {
    const total = snapshotRiskEntities(threeProtocolSnapshot()).size;
    const gather = vi.fn(async () => twoServices());
    await run({ gatherFacts: gather, maxReadsPerRefresh: 2 });
    expect(gather).toHaveBeenCalledTimes(2);
    const waiting = Object.values((await loadRisk()).chains['1']!.entities).filter((e) => e.verdict === null);
    expect(waiting).toHaveLength(total - 2);
    expect(waiting[0]!.error).toMatch(/not read yet/);
    await run({ gatherFacts: gather, maxReadsPerRefresh: 100 }, { now: 10_500 });
    // The two fresh ones (within the TTL) are not read again.
    expect(gather).toHaveBeenCalledTimes(total);
  });

  it('persists facts between refreshes (bigints exact) for the same deployments only', async () => {
    await run({ gatherFacts: async () => twoServices() });
    const cached = await loadRiskFacts(1, deploymentsFingerprint(deployments));
    expect(cached.size).toBe(snapshotRiskEntities(threeProtocolSnapshot()).size);
    expect([...cached.values()][0]!.facts.block).toBe(100n);
    expect((await loadRiskFacts(1, 'other')).size).toBe(0);
  });
});
