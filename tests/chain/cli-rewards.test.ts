// `rewards --json` against the devnet with its Sidecar-shaped API: every figure is re-derived here
// from raw contract reads at the block the output names, the scenario's tree inputs and the
// documented formulas (rate = base + perBlock × (block − startBlock); simple annualization;
// claimable = cumulative earnings − cumulativeClaimed), never from the code under test.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, encodeAbiParameters, http, parseAbi, type Address } from 'viem';
import { startDevnet, type Devnet } from '../../lib/devnet/start-devnet.js';
import { rewardsFromPlain } from '../../lib/rewards/codec.js';
import type { BaseYield, RewardsSnapshot } from '../../lib/rewards/types.js';

const rcAbi = parseAbi([
  'function cumulativeClaimed(address earner, address token) view returns (uint256)',
  'function getCurrentClaimableDistributionRoot() view returns ((bytes32 root, uint32 rewardsCalculationEndTimestamp, uint32 activatedAt, bool disabled))',
  'function getRootIndexFromHash(bytes32 rootHash) view returns (uint32)',
]);
const srAbi = parseAbi([
  'function claimable(address token, address account, bytes data) view returns (uint256)',
  'function rewardsLength(address token, address network) view returns (uint256)',
  'function lastUnclaimedReward(address account, address token, address network) view returns (uint256)',
]);
const rateAbi = parseAbi(['function base() view returns (uint256)', 'function perBlock() view returns (uint256)', 'function startBlock() view returns (uint256)']);
const feedAbi = parseAbi(['function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)']);
const vaultAbi = parseAbi(['function convertToAssets(uint256) view returns (uint256)']);

let devnet: Devnet;
// Asynchronous on purpose: the Sidecar-shaped API runs in this process, so a blocking spawn would
// starve it and the CLI would see the API time out.
const cli = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile('npx', ['tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
const actor = (name: string) => devnet.manifest.actors.find((a) => a.name === name)!.address;

beforeAll(async () => {
  devnet = await startDevnet({});
});
afterAll(async () => devnet?.stop());

describe('cli rewards', () => {
  let rewards: RewardsSnapshot;
  let c: ReturnType<typeof createPublicClient>;
  const stakers = () => ['staker-1', 'staker-2', 'staker-3'].map(actor);

  beforeAll(async () => {
    const r = await cli('rewards', '--deployments', devnet.manifestPath, '--rewards-api', devnet.sidecarUrl!, '--json', ...stakers());
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    rewards = rewardsFromPlain(JSON.parse(r.stdout).rewards);
    c = createPublicClient({ transport: http(devnet.rpcUrl) });
  });

  it('EigenLayer claimable = the active root cumulative earnings − cumulativeClaimed on chain', async () => {
    const rc = devnet.manifest.contracts.eigenlayer.rewardsCoordinator!;
    const blockNumber = rewards.blockNumber;
    const active = await c.readContract({ address: rc, abi: rcAbi, functionName: 'getCurrentClaimableDistributionRoot', blockNumber });
    const index = await c.readContract({ address: rc, abi: rcAbi, functionName: 'getRootIndexFromHash', args: [active.root], blockNumber });
    const root = devnet.manifest.scenario.rewards!.eigenlayer!.roots.find((r) => r.rootIndex === index)!;
    for (const a of rewards.addresses) {
      const el = a.eigenlayer as Exclude<typeof a.eigenlayer, null | { error: string }>;
      const earned = root.earnings.filter((e) => e.earner.toLowerCase() === a.address.toLowerCase());
      if (earned.length === 0) {
        expect(el.claimable.status).toBe('none');
        continue;
      }
      expect(el.claimable.status).toBe('verified');
      if (el.claimable.status !== 'verified') continue;
      expect(el.claimable.rootIndex).toBe(index);
      const expected = await Promise.all(earned.map(async (e) => `${e.token.toLowerCase()}:${BigInt(e.cumulativeEarnings) - (await c.readContract({ address: rc, abi: rcAbi, functionName: 'cumulativeClaimed', args: [a.address, e.token], blockNumber }))}`));
      expect(el.claimable.tokens.map((t) => `${t.token.address!.toLowerCase()}:${t.claimable}`).sort()).toEqual(expected.sort());
    }
  });

  it('Symbiotic claimable per (vault, network, token) = claimable() over the unclaimed distributions', async () => {
    const scenario = devnet.manifest.scenario.rewards!.symbiotic!;
    const pairs = new Map(scenario.distributions.map((d) => [`${d.rewardsContract}:${d.network}:${d.token}`, d]));
    let checked = 0;
    for (const a of rewards.addresses) {
      const vaults = a.symbiotic as Exclude<typeof a.symbiotic, null | { error: string }>;
      for (const d of pairs.values()) {
        const args = [d.token, d.network] as const;
        const blockNumber = rewards.blockNumber;
        const length = await c.readContract({ address: d.rewardsContract, abi: srAbi, functionName: 'rewardsLength', args, blockNumber });
        const next = await c.readContract({ address: d.rewardsContract, abi: srAbi, functionName: 'lastUnclaimedReward', args: [a.address, ...args], blockNumber });
        const data = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [d.network, length - next]);
        const expected = await c.readContract({ address: d.rewardsContract, abi: srAbi, functionName: 'claimable', args: [d.token, a.address, data], blockNumber });
        const shown = vaults.find((v) => v.rewardsContract.toLowerCase() === d.rewardsContract.toLowerCase())?.claimable.find((x) => x.network.toLowerCase() === d.network.toLowerCase() && x.token.address?.toLowerCase() === d.token.toLowerCase());
        if (expected > 0n) {
          expect(shown?.amount).toBe(expected);
          checked++;
        } else expect(shown?.amount ?? 0n).toBe(0n);
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('base yield: each sample is the source formula at its block, and the annualized figure follows from them', async () => {
    const sources = devnet.manifest.contracts.valuation!.yieldSources;
    const yields = rewards.baseYield.filter((y): y is BaseYield => !('error' in y));
    expect(yields.map((y) => y.token.symbol).sort()).toEqual(['rETH', 'stETH']);
    for (const y of yields) {
      const src = sources.find((s) => s.token.toLowerCase() === y.token.address!.toLowerCase())!;
      const [base, perBlock, start] = await Promise.all((['base', 'perBlock', 'startBlock'] as const).map((f) => c.readContract({ address: src.source, abi: rateAbi, functionName: f })));
      expect(y.samples.length).toBeGreaterThanOrEqual(2);
      for (const s of y.samples) expect(s.rate).toBe(base! + perBlock! * (s.blockNumber - start!));
      const first = y.samples[0]!;
      const last = y.samples.at(-1)!;
      expect(last.blockNumber).toBe(rewards.blockNumber);
      const year = 365n * 86_400n;
      expect(y.annualizedPpm).toBe(((last.rate - first.rate) * 1_000_000n * year) / (first.rate * BigInt(last.timestamp - first.timestamp)));
    }
  });

  it('prices are the feeds latest rounds at the block; Karak history is convertToAssets of the same shares', async () => {
    const prices = rewards.prices as Exclude<RewardsSnapshot['prices'], { error: string }>;
    expect(prices.length).toBe(devnet.manifest.contracts.valuation!.priceFeeds.length);
    for (const p of prices) {
      const round = await c.readContract({ address: p.feed, abi: feedAbi, functionName: 'latestRoundData', blockNumber: rewards.blockNumber });
      expect(p.answer).toBe(round[1]);
      expect(p.updatedAt).toBe(Number(round[3]));
    }
    const karak = rewards.addresses.find((a) => a.address === actor('staker-1'))!.karak as Exclude<RewardsSnapshot['addresses'][number]['karak'], null | { error: string }>;
    expect(karak.length).toBeGreaterThan(0);
    for (const h of karak) for (const p of h.points) expect(p.assets).toBe(await c.readContract({ address: h.vault, abi: vaultAbi, functionName: 'convertToAssets', args: [h.shares], blockNumber: p.blockNumber }));
  });

  it('without --rewards-api the claimable part says off, and the text view says where figures come from', async () => {
    const r = await cli('rewards', '--deployments', devnet.manifestPath, actor('staker-1'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rewards as of block \d+/);
    expect(r.stdout).toContain('rewards API, which is off');
    expect(r.stdout).toContain('Karak: no rewards contract exists');
    const bad = await cli('rewards', '--deployments', devnet.manifestPath, '--rewards-api', 'http://rewards.example', actor('staker-1'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/https/);
  });
});
