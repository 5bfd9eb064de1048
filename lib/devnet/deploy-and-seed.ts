// Deploys everything onto a fresh anvil and seeds the scenario; returns (and writes) the manifest.
import { actorByName, devnetActors } from './actors.js';
import { deployCore, deployTokenWithStrategy, installMulticall3 } from './deploy-core.js';
import { defaultManifestPath, writeManifest, type DevnetManifest } from './manifest.js';
import { DEVNET_PARAMETERS, type DevnetParameters } from './parameters.js';
import { BEACON_CHAIN_ETH_STRATEGY, seedScenario } from './seed-scenario.js';
import { deployAndSeedSymbiotic } from './symbiotic/seed-symbiotic.js';
import { TxSender, devnetClient } from './tx-sender.js';
import { seedKarak } from './karak/seed-karak.js';
import { seedEigenLayerRewards } from './rewards/seed-eigenlayer-rewards.js';
import { refreshValuationFeeds, seedValuation } from './rewards/seed-valuation.js';
import { seedSymbioticRewards } from './symbiotic/seed-symbiotic-rewards.js';

export interface DeployAndSeedOptions {
  manifestPath?: string;
  parameters?: DevnetParameters;
}

const NOTES = [
  'operator-1 (allocation delay 0) and operator-2 (delay 25) are registered.',
  'avs-1 set 0 (stETH, rETH, beacon ETH; slasher avs-1) has both operators; avs-2 set 0 (rETH) has operator-2;',
  'avs-2 set 1 is redistributing (stETH, rETH) to the redistribution-recipient and has operator-1.',
  'staker-1 -> operator-1: 100 stETH + 50 rETH + 32 ETH pod validator, then +20 stETH after the slash.',
  'staker-2 -> operator-2: 40 stETH + 80 rETH. staker-3 -> operator-1: 60 stETH + 60 rETH, 25 rETH deposit shares queued for withdrawal.',
  '10 stETH of yield was donated to the stETH strategy before the slash.',
  'avs-1 slashed operator-1 by wadsToSlash 0.25 on stETH (allocation 0.5 -> 0.375, maxMagnitude 1 -> 0.875).',
  'operator-2 has a pending allocation increase on avs-2 set 0 (rETH 0.3) with a future effectBlock.',
].join(' ');

export async function deployAndSeed(rpcUrl: string, opts: DeployAndSeedOptions = {}): Promise<{ manifest: DevnetManifest; manifestPath: string }> {
  const params = opts.parameters ?? DEVNET_PARAMETERS;
  const client = devnetClient(rpcUrl);
  const sender = new TxSender(client);
  const deployer = actorByName('deployer').address;

  const multicall3 = await installMulticall3(sender);
  const core = await deployCore(sender, deployer, params);
  const stETH = await deployTokenWithStrategy(sender, deployer, core, { name: 'Devnet Lido Staked ETH', symbol: 'stETH', decimals: 18 });
  const rETH = await deployTokenWithStrategy(sender, deployer, core, { name: 'Devnet Rocket Pool ETH', symbol: 'rETH', decimals: 18 });
  // Valuation sources (rates grow per block, no clock needed) and EigenLayer rewards before Karak: the
  // first distribution root's activation time then lies behind Karak's 18 days of time warps.
  const valuation = await seedValuation(sender, { stETH, rETH });
  const elRewards = await seedEigenLayerRewards(sender, core, { stETH, rETH });
  // Karak first: its 18 days of time warps then precede every other protocol's time-based state, and
  // EigenLayer's block-based pending windows are counted from the end of its own seeding.
  const karak = await seedKarak(sender, { stETH, rETH });
  // Symbiotic before EigenLayer's scenario: its ~100 transactions would otherwise mine EigenLayer's pending windows away.
  const symbiotic = await deployAndSeedSymbiotic(sender, { stETH, rETH });
  const symbioticRewards = await seedSymbioticRewards(sender, symbiotic, { stETH, rETH });
  // Karak's and Symbiotic's time warps aged the feeds' first rounds past their heartbeats: post fresh
  // rounds now, before the EigenLayer scenario whose block-based windows must not be mined away.
  await refreshValuationFeeds(sender, valuation);
  const seed = await seedScenario(sender, core, { stETH, rETH }, params);

  const manifest: DevnetManifest = {
    kind: 'restake-companion/devnet-manifest',
    version: 1,
    rpcUrl,
    chainId: await client.getChainId(),
    contracts: {
      multicall3,
      eigenlayer: elRewards.rewardsCoordinator ? { ...core, rewardsCoordinator: elRewards.rewardsCoordinator } : core,
      valuation, tokens: [stETH, rETH], pods: seed.pods, karak: karak.contracts },
    parameters: {
      minWithdrawalDelayBlocks: params.minWithdrawalDelayBlocks,
      deallocationDelay: params.deallocationDelay,
      allocationConfigurationDelay: params.allocationConfigurationDelay,
      slasherConfigurationDelay: params.slasherConfigurationDelay,
      version: params.version,
      beaconChainETHStrategy: BEACON_CHAIN_ETH_STRATEGY,
    },
    actors: devnetActors(),
    scenario: {
      seededAtBlock: seed.seededAtBlock,
      operatorSets: seed.operatorSets,
      slashes: seed.slashes,
      queuedWithdrawals: seed.queuedWithdrawals,
      pendingAllocations: seed.pendingAllocations,
      notes: NOTES,
      karak: karak.scenario,
    },
  };
  manifest.contracts.symbiotic = symbioticRewards.stakerRewardsFactory
    ? { ...symbiotic.contracts, stakerRewardsFactory: symbioticRewards.stakerRewardsFactory }
    : symbiotic.contracts;
  manifest.scenario.rewards = { eigenlayer: elRewards.scenario, symbiotic: symbioticRewards.scenario };
  manifest.scenario.symbiotic = symbiotic.scenario;
  const port = Number(new URL(rpcUrl).port);
  const manifestPath = opts.manifestPath ?? defaultManifestPath(port);
  writeManifest(manifest, manifestPath);
  return { manifest, manifestPath };
}
