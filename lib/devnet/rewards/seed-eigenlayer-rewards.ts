// Devnet EigenLayer rewards: the RewardsCoordinator test contract (rewardsUpdater = deployer), a reward
// token 'EIGEN', two cumulative distribution roots built by the project's merkle-tree builder, and
// operator-1's AVS (avs-1) and PI splits. Runs before Karak's 18 days of time warps and adds none of
// its own: the roots (activation delay 2 h) and splits become active thanks to those later warps, so
// claims are made by the chain tests, not here. 8 transactions.
import { getAddress, parseEther, type Address, type Hex } from 'viem';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import { buildRewardsTree, type RewardsTree } from '../../rewards/eigenlayer/build-rewards-tree.js';
import type { EarningsLine } from '../../rewards/eigenlayer/claim-types.js';
import { actorByName } from '../actors.js';
import { getArtifact } from '../compile.js';
import type { DevnetToken, EigenLayerCore } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';

export const REWARDS_ACTIVATION_DELAY = 7200;
export const REWARDS_CALCULATION_INTERVAL = 86_400;
export const DEFAULT_OPERATOR_SPLIT_BIPS = 1000;

/** JSON-safe earnings line (the manifest is JSON): cumulativeEarnings as a decimal string. */
export interface ScenarioEarnings {
  earner: Address;
  token: Address;
  cumulativeEarnings: string;
}

export interface ScenarioRoot {
  rootIndex: number;
  root: Hex;
  rewardsCalculationEndTimestamp: number;
  activatedAt: number;
  earnings: ScenarioEarnings[];
}

export interface EigenLayerRewardsScenario {
  notes: string;
  rewardToken: { symbol: string; name: string; address: Address; decimals: number };
  activationDelay: number;
  calculationIntervalSeconds: number;
  defaultOperatorSplitBips: number;
  /** Tree inputs per root index: rebuild a tree with buildRewardsTree(toEarningsLines(root.earnings)). */
  roots: ScenarioRoot[];
  /** Splits operator-1 set, each effective from activatedAt (unix seconds). */
  splits: { operator: Address; pi: { bips: number; activatedAt: number }; avs: { avs: Address; bips: number; activatedAt: number }[] };
}

export const toEarningsLines = (e: readonly ScenarioEarnings[]): EarningsLine[] =>
  e.map((x) => ({ earner: x.earner, token: x.token, cumulativeEarnings: BigInt(x.cumulativeEarnings) }));
const toScenarioEarnings = (e: readonly EarningsLine[]): ScenarioEarnings[] =>
  e.map((x) => ({ earner: getAddress(x.earner), token: getAddress(x.token), cumulativeEarnings: x.cumulativeEarnings.toString() }));

const NOTES = [
  'RewardsCoordinator (rewardsUpdater = deployer, activation delay 2 h, default split 10 %) pays EIGEN and stETH.',
  'Root 0 (cumulative): staker-1 100 EIGEN + 2 stETH, staker-2 50 EIGEN, operator-1 10 EIGEN.',
  'Root 1 (cumulative): staker-1 150 EIGEN + 3 stETH, staker-2 80 EIGEN, operator-1 15 EIGEN. Both active after the Karak time warps; nothing claimed yet.',
  'operator-1 split: 5 % for avs-1, 20 % PI (active after the warps).',
].join(' ');

export interface SubmittedRoot {
  rootIndex: number;
  root: Hex;
  tree: RewardsTree;
  rewardsCalculationEndTimestamp: number;
  activatedAt: number;
}

/**
 * Builds a tree from `earnings` and submits it as the rewardsUpdater (deployer). The end timestamp is
 * the next calculation interval after the current one, or just below the latest block's time when
 * that is too early, so no time warp is needed. Used by seeding and by chain tests.
 */
export async function submitRewardsRoot(sender: TxSender, rewardsCoordinator: Address, earnings: readonly EarningsLine[]): Promise<SubmittedRoot> {
  const c = sender.client;
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    c.readContract({ address: rewardsCoordinator, abi: rewardsCoordinatorAbi, functionName, args } as never) as Promise<T>;
  const [currEnd, length, latest] = await Promise.all([read<number>('currRewardsCalculationEndTimestamp'), read<bigint>('getDistributionRootsLength'), c.getBlock()]);
  const now = Number(latest.timestamp);
  let end = currEnd === 0 ? (Math.floor(now / REWARDS_CALCULATION_INTERVAL) - 2) * REWARDS_CALCULATION_INTERVAL : currEnd + REWARDS_CALCULATION_INTERVAL;
  if (end >= now) end = now - 1;
  if (end <= currEnd) throw new Error(`cannot submit a root: the last one already ends at ${currEnd}, block time is ${now}`);
  const tree = buildRewardsTree(earnings);
  await sender.write(actorByName('deployer').address, rewardsCoordinator, rewardsCoordinatorAbi, 'submitRoot', [tree.root, end]);
  const rootIndex = Number(length);
  const stored = await read<{ activatedAt: number }>('getDistributionRootAtIndex', [BigInt(rootIndex)]);
  return { rootIndex, root: tree.root, tree, rewardsCalculationEndTimestamp: end, activatedAt: stored.activatedAt };
}

export async function seedEigenLayerRewards(
  sender: TxSender,
  core: EigenLayerCore,
  tokens: { stETH: DevnetToken; rETH: DevnetToken },
): Promise<{ rewardsCoordinator: Address | null; scenario: EigenLayerRewardsScenario | null }> {
  const deployer = actorByName('deployer').address;
  const [s1, s2, op1, avs1] = ['staker-1', 'staker-2', 'operator-1', 'avs-1'].map((n) => actorByName(n).address) as [Address, Address, Address, Address];
  const token = getArtifact('TestToken');
  const eigen = await sender.deploy(deployer, token, ['Devnet EIGEN', 'EIGEN', 18]);
  const rc = await sender.deploy(deployer, getArtifact('RewardsCoordinator'), [
    deployer, REWARDS_ACTIVATION_DELAY, REWARDS_CALCULATION_INTERVAL, DEFAULT_OPERATOR_SPLIT_BIPS, core.delegationManager, core.allocationManager,
  ]);
  // Enough for both roots and for roots the tests add (claims pay out of the coordinator's balance).
  await sender.write(deployer, eigen, token.abi, 'mint', [rc, parseEther('1000')]);
  await sender.write(deployer, tokens.stETH.address, token.abi, 'mint', [rc, parseEther('10')]);

  const E = (n: string) => parseEther(n);
  const rootInputs: EarningsLine[][] = [
    [
      { earner: s1, token: eigen, cumulativeEarnings: E('100') }, { earner: s1, token: tokens.stETH.address, cumulativeEarnings: E('2') },
      { earner: s2, token: eigen, cumulativeEarnings: E('50') }, { earner: op1, token: eigen, cumulativeEarnings: E('10') },
    ],
    [
      { earner: s1, token: eigen, cumulativeEarnings: E('150') }, { earner: s1, token: tokens.stETH.address, cumulativeEarnings: E('3') },
      { earner: s2, token: eigen, cumulativeEarnings: E('80') }, { earner: op1, token: eigen, cumulativeEarnings: E('15') },
    ],
  ];
  const roots: ScenarioRoot[] = [];
  for (const earnings of rootInputs) {
    const r = await submitRewardsRoot(sender, rc, earnings);
    roots.push({ rootIndex: r.rootIndex, root: r.root, rewardsCalculationEndTimestamp: r.rewardsCalculationEndTimestamp, activatedAt: r.activatedAt, earnings: toScenarioEarnings(earnings) });
  }

  // A split takes effect activationDelay after the block that set it.
  const activation = async (hash: Hex) => {
    const { blockNumber } = await sender.client.getTransactionReceipt({ hash });
    return Number((await sender.client.getBlock({ blockNumber })).timestamp) + REWARDS_ACTIVATION_DELAY;
  };
  const avsSplitAt = await activation(await sender.write(op1, rc, rewardsCoordinatorAbi, 'setOperatorAVSSplit', [op1, avs1, 500]));
  const piSplitAt = await activation(await sender.write(op1, rc, rewardsCoordinatorAbi, 'setOperatorPISplit', [op1, 2000]));

  return {
    rewardsCoordinator: rc,
    scenario: {
      notes: NOTES,
      rewardToken: { symbol: 'EIGEN', name: 'Devnet EIGEN', address: eigen, decimals: 18 },
      activationDelay: REWARDS_ACTIVATION_DELAY,
      calculationIntervalSeconds: REWARDS_CALCULATION_INTERVAL,
      defaultOperatorSplitBips: DEFAULT_OPERATOR_SPLIT_BIPS,
      roots,
      splits: { operator: op1, pi: { bips: 2000, activatedAt: piSplitAt }, avs: [{ avs: avs1, bips: 500, activatedAt: avsSplitAt }] },
    },
  };
}
