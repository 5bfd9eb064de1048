// The "rewards claimable" alert end to end on the devnet: readRewards with the local rewards API sets
// the baseline on the active root; a new root is submitted (the test builds its own earnings and
// submits it), nothing is raised before it activates; after the activation delay one alert per
// covered address, tied to the DistributionRootSubmitted log the TEST finds in its own receipt,
// with the amount the test derives (new cumulative earnings − cumulativeClaimed). Nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, parseAbi, parseEther, parseEventLogs, type Address } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments } from '../../lib/chains/deployments.js';
import { submitRewardsRoot, toEarningsLines } from '../../lib/devnet/rewards/seed-eigenlayer-rewards.js';
import { startDevnet, type Devnet } from '../../lib/devnet/start-devnet.js';
import { TxSender, devnetClient } from '../../lib/devnet/tx-sender.js';
import { memoryCache } from '../../lib/protocols/adapter.js';
import { claimableAlerts, findRootSubmission, rootsToLookUp, type SeenRoots } from '../../lib/rewards/claimable-alerts.js';
import { REWARDS_READERS } from '../../lib/rewards/readers.js';
import { readRewards } from '../../lib/rewards/read-rewards.js';

const rcAbi = parseAbi([
  'event DistributionRootSubmitted(uint32 indexed rootIndex, bytes32 indexed root, uint32 indexed rewardsCalculationEndTimestamp, uint32 activatedAt)',
  'function activationDelay() view returns (uint32)',
  'function cumulativeClaimed(address earner, address token) view returns (uint256)',
]);

let devnet: Devnet;
beforeAll(async () => {
  devnet = await startDevnet({});
});
afterAll(async () => devnet?.stop());

describe('rewards claimable alert', () => {
  it('raises one alert per covered address when a newer root activates, tied to its submission log', async () => {
    const m = devnet.manifest;
    const actor = (n: string) => m.actors.find((a) => a.name === n)!.address;
    const [s1, s2, s3] = ['staker-1', 'staker-2', 'staker-3'].map(actor) as [Address, Address, Address];
    const deployments = parseDeployments(m);
    const config = { chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments };
    const rc = deployments.eigenlayer!.rewardsCoordinator!;
    const cache = memoryCache();
    const sidecar = { baseUrl: devnet.sidecarUrl! };
    const read = () => readRewards(config, [s1, s2, s3], { readers: REWARDS_READERS, sidecar, rewardsCache: cache });
    const client = createChainClient(config);

    let seen: SeenRoots = {};
    const first = await read();
    ({ seen } = claimableAlerts(first.rewards, seen, new Map()));
    expect(seen[s1.toLowerCase()]).toBeDefined();

    // A new cumulative root: staker-1 earns 40 more EIGEN, staker-3 nothing (not covered).
    const scenario = m.scenario.rewards!.eigenlayer!;
    const last = scenario.roots.at(-1)!;
    const eigen = getAddress(scenario.rewardToken.address);
    const next = toEarningsLines(last.earnings).map((l) => (l.earner.toLowerCase() === s1.toLowerCase() && l.token.toLowerCase() === eigen.toLowerCase() ? { ...l, cumulativeEarnings: l.cumulativeEarnings + parseEther('40') } : l));
    const c = devnetClient(devnet.rpcUrl);
    const sender = new TxSender(c);
    const blockBefore = await c.getBlockNumber();
    const submitted = await submitRewardsRoot(sender, rc, next);
    devnet.sidecar!.addRoot(submitted.rootIndex, next);
    const logs = parseEventLogs({ abi: rcAbi, eventName: 'DistributionRootSubmitted', logs: await c.getLogs({ address: rc, fromBlock: blockBefore + 1n }) });
    expect(logs).toHaveLength(1);
    const log = logs[0]!;

    const pending = await read();
    expect(rootsToLookUp(pending.rewards, seen)).toEqual([]);
    expect(claimableAlerts(pending.rewards, seen, new Map()).alerts).toEqual([]);

    await c.increaseTime({ seconds: await c.readContract({ address: rc, abi: rcAbi, functionName: 'activationDelay' }) });
    await c.mine({ blocks: 1 });
    const active = await read();
    const wanted = rootsToLookUp(active.rewards, seen);
    expect(wanted).toEqual([submitted.rootIndex]);
    const sub = await findRootSubmission(client, rc, submitted.rootIndex, active.rewards.blockNumber);
    expect(sub).toMatchObject({ txHash: log.transactionHash, logIndex: log.logIndex, blockNumber: log.blockNumber });
    const result = claimableAlerts(active.rewards, seen, new Map([[submitted.rootIndex, sub!]]));
    const covered = [...new Set(next.map((l) => l.earner.toLowerCase()))].filter((e) => [s1, s2, s3].some((a) => a.toLowerCase() === e));
    expect(result.alerts.map((a) => a.address.toLowerCase()).sort()).toEqual(covered.sort());
    const alert1 = result.alerts.find((a) => a.address === s1)!;
    for (const asset of alert1.assets) {
      const earned = next.find((l) => l.earner.toLowerCase() === s1.toLowerCase() && l.token.toLowerCase() === asset.asset.address!.toLowerCase())!.cumulativeEarnings;
      const claimed = await c.readContract({ address: rc, abi: rcAbi, functionName: 'cumulativeClaimed', args: [s1, asset.asset.address!], blockNumber: active.rewards.blockNumber });
      expect(asset.amountClaimable).toBe(earned - claimed);
    }
    expect(alert1).toMatchObject({ kind: 'rewards-claimable', severity: 'info', status: 'confirmed', txHash: log.transactionHash });
    // Seen roots moved: the same root never alerts again.
    expect(claimableAlerts((await read()).rewards, result.seen, new Map([[submitted.rootIndex, sub!]])).alerts).toEqual([]);
  });
});
