// Seeds the devnet with a small but complete restaking story (see docs/devnet.md "Scenario"):
// two operators, two AVSs (one redistributing set), three stakers with LST and native-ETH shares,
// yield in one strategy, a slash after deposits, a deposit after the slash, a still-pending
// withdrawal and a still-pending allocation. Written against the mainnet ABIs from
// lib/protocols/eigenlayer/abi.ts, so seeding also exercises the ABI the extension uses.
import { erc20Abi, getAddress, keccak256, parseEther, stringToHex, type Address, type Hex } from 'viem';
import {
  allocationManagerAbi, delegationManagerAbi, eigenPodManagerAbi, strategyManagerAbi,
} from '../protocols/eigenlayer/abi.js';
import { actorByName } from './actors.js';
import { compileContracts, getArtifact } from './compile.js';
import type { DevnetToken, EigenLayerCore } from './deploy-core.js';
import type { ManifestOperatorSet, ManifestPendingAllocation, ManifestQueuedWithdrawal, ManifestSlash } from './manifest.js';
import type { DevnetParameters } from './parameters.js';
import type { TxSender } from './tx-sender.js';

export const BEACON_CHAIN_ETH_STRATEGY: Address = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0';
const WAD = 10n ** 18n;
const NO_SIG = { signature: '0x' as Hex, expiry: 0n };
const ZERO_SALT = `0x${'0'.repeat(64)}` as Hex;
/** Blocks mined mid-seed so operator-2's first allocations (delay 25) become slashable. */
export const OPERATOR_2_ALLOCATION_DELAY = 25;

export interface SeedResult {
  operatorSets: ManifestOperatorSet[];
  slashes: ManifestSlash[];
  queuedWithdrawals: ManifestQueuedWithdrawal[];
  pendingAllocations: ManifestPendingAllocation[];
  pods: { owner: Address; pod: Address }[];
  seededAtBlock: number;
}

export async function seedScenario(
  sender: TxSender,
  core: EigenLayerCore,
  tokens: { stETH: DevnetToken; rETH: DevnetToken },
  params: DevnetParameters,
): Promise<SeedResult> {
  const c = sender.client;
  const art = compileContracts();
  const tokenAbi = getArtifact('TestToken', art).abi;
  const [deployer, op1, op2, avs1, avs2, s1, s2, s3, recipient] = [
    'deployer', 'operator-1', 'operator-2', 'avs-1', 'avs-2', 'staker-1', 'staker-2', 'staker-3', 'redistribution-recipient',
  ].map((n) => actorByName(n).address) as [Address, Address, Address, Address, Address, Address, Address, Address, Address];
  const { stETH, rETH } = tokens;
  const dm = core.delegationManager;
  const am = core.allocationManager;
  const sm = core.strategyManager;

  // Tokens for the stakers (the deployer is the test tokens' minter).
  for (const s of [s1, s2, s3]) {
    for (const t of [stETH, rETH]) {
      await sender.write(deployer, t.address, tokenAbi, 'mint', [s, parseEther('1000')]);
      await sender.write(s, t.address, erc20Abi, 'approve', [sm, 2n ** 256n - 1n]);
    }
  }

  // Operators: operator-1 allocates instantly, operator-2 waits 25 blocks per allocation increase.
  await sender.write(op1, dm, delegationManagerAbi, 'registerAsOperator', ['0x0000000000000000000000000000000000000000', 0, 'https://operator-1.devnet.invalid/metadata.json']);
  await sender.write(op2, dm, delegationManagerAbi, 'registerAsOperator', ['0x0000000000000000000000000000000000000000', OPERATOR_2_ALLOCATION_DELAY, 'https://operator-2.devnet.invalid/metadata.json']);

  // AVSs are EOAs, so each needs a registrar contract for the registration callback.
  const registrarArt = getArtifact('AVSRegistrar', art);
  const reg1 = await sender.deploy(deployer, registrarArt, [avs1]);
  const reg2 = await sender.deploy(deployer, registrarArt, [avs2]);
  for (const [avs, reg] of [[avs1, reg1], [avs2, reg2]] as const) {
    await sender.write(avs, am, allocationManagerAbi, 'updateAVSMetadataURI', [avs, `https://${avs === avs1 ? 'avs-1' : 'avs-2'}.devnet.invalid/metadata.json`]);
    await sender.write(avs, am, allocationManagerAbi, 'setAVSRegistrar', [avs, reg]);
  }
  const set1Strategies = [stETH.strategy, rETH.strategy, BEACON_CHAIN_ETH_STRATEGY];
  // Legacy overload: the AVS itself becomes the slasher.
  await sender.write(avs1, am, allocationManagerAbi, 'createOperatorSets', [avs1, [{ operatorSetId: 0, strategies: set1Strategies }]]);
  await sender.write(avs2, am, allocationManagerAbi, 'createOperatorSets', [avs2, [{ operatorSetId: 0, strategies: [rETH.strategy], slasher: avs2 }]]);
  await sender.write(avs2, am, allocationManagerAbi, 'createRedistributingOperatorSets', [
    avs2, [{ operatorSetId: 1, strategies: [stETH.strategy, rETH.strategy], slasher: avs2 }], [recipient],
  ]);

  await sender.write(op1, am, allocationManagerAbi, 'registerForOperatorSets', [op1, { avs: avs1, operatorSetIds: [0], data: '0x' }]);
  await sender.write(op1, am, allocationManagerAbi, 'registerForOperatorSets', [op1, { avs: avs2, operatorSetIds: [1], data: '0x' }]);
  await sender.write(op2, am, allocationManagerAbi, 'registerForOperatorSets', [op2, { avs: avs1, operatorSetIds: [0], data: '0x' }]);
  await sender.write(op2, am, allocationManagerAbi, 'registerForOperatorSets', [op2, { avs: avs2, operatorSetIds: [0], data: '0x' }]);

  const w = (x: number) => (BigInt(Math.round(x * 1000)) * WAD) / 1000n;
  await sender.write(op1, am, allocationManagerAbi, 'modifyAllocations', [op1, [
    { operatorSet: { avs: avs1, id: 0 }, strategies: set1Strategies, newMagnitudes: [w(0.5), w(0.3), w(0.5)] },
    { operatorSet: { avs: avs2, id: 1 }, strategies: [stETH.strategy, rETH.strategy], newMagnitudes: [w(0.2), w(0.2)] },
  ]]);
  await sender.write(op2, am, allocationManagerAbi, 'modifyAllocations', [op2, [
    { operatorSet: { avs: avs1, id: 0 }, strategies: [stETH.strategy, rETH.strategy], newMagnitudes: [w(0.4), w(0.4)] },
  ]]);

  // Stakers. staker-1 delegates first then deposits (shares flow via increaseDelegatedShares);
  // staker-2/3 deposit first then delegate (shares move in _delegate).
  await sender.write(s1, dm, delegationManagerAbi, 'delegateTo', [op1, NO_SIG, ZERO_SALT]);
  await sender.write(s1, sm, strategyManagerAbi, 'depositIntoStrategy', [stETH.strategy, stETH.address, parseEther('100')]);
  await sender.write(s1, sm, strategyManagerAbi, 'depositIntoStrategy', [rETH.strategy, rETH.address, parseEther('50')]);
  await sender.write(s1, core.eigenPodManager, eigenPodManagerAbi, 'createPod', []);
  const pod1 = getAddress(await c.readContract({ address: core.eigenPodManager, abi: eigenPodManagerAbi, functionName: 'getPod', args: [s1] }));
  // One 32 ETH validator, credited by the beacon oracle (devnet stand-in for a withdrawal-credential proof).
  await sender.write(deployer, pod1, getArtifact('EigenPod', art).abi, 'devnetCreditValidator', [keccak256(stringToHex('staker-1/validator-0')), 32_000_000_000n]);

  await sender.write(s2, sm, strategyManagerAbi, 'depositIntoStrategy', [stETH.strategy, stETH.address, parseEther('40')]);
  await sender.write(s2, sm, strategyManagerAbi, 'depositIntoStrategy', [rETH.strategy, rETH.address, parseEther('80')]);
  await sender.write(s2, dm, delegationManagerAbi, 'delegateTo', [op2, NO_SIG, ZERO_SALT]);

  await sender.write(s3, sm, strategyManagerAbi, 'depositIntoStrategy', [stETH.strategy, stETH.address, parseEther('60')]);
  await sender.write(s3, sm, strategyManagerAbi, 'depositIntoStrategy', [rETH.strategy, rETH.address, parseEther('60')]);
  await sender.write(s3, dm, delegationManagerAbi, 'delegateTo', [op1, NO_SIG, ZERO_SALT]);

  await sender.settle();
  await c.mine({ blocks: OPERATOR_2_ALLOCATION_DELAY + 1 });

  // Yield: extra stETH lands in the strategy, so 1 share is now worth more than 1 stETH.
  await sender.write(deployer, stETH.address, tokenAbi, 'mint', [stETH.strategy, parseEther('10')]);

  // The earlier slash: avs-1 takes 25 % of operator-1's stETH allocation to set 0 (0.5 -> 0.375 magnitude,
  // maxMagnitude 1 -> 0.875, i.e. every delegated staker loses 12.5 % of its stETH).
  const slashParams = { operator: op1, operatorSetId: 0, strategies: [stETH.strategy], wadsToSlash: [w(0.25)], description: 'devnet: avs-1 slashes operator-1 (25% of its stETH allocation)' };
  const slashHash = await sender.write(avs1, am, allocationManagerAbi, 'slashOperator', [avs1, slashParams]);
  const slashReceipt = await c.waitForTransactionReceipt({ hash: slashHash, pollingInterval: 50 });

  // A deposit after the slash exercises the depositScalingFactor update.
  await sender.write(s1, sm, strategyManagerAbi, 'depositIntoStrategy', [stETH.strategy, stETH.address, parseEther('20')]);

  // staker-3 queues 25 rETH deposit shares: still slashable and not completable for 50 blocks.
  const queued = parseEther('25');
  await sender.write(s3, dm, delegationManagerAbi, 'queueWithdrawals', [[{ strategies: [rETH.strategy], depositShares: [queued], __deprecated_withdrawer: s3 }]]);

  // operator-2 raises a second allocation: pending for 25 blocks (effectBlock in the future).
  await sender.write(op2, am, allocationManagerAbi, 'modifyAllocations', [op2, [
    { operatorSet: { avs: avs2, id: 0 }, strategies: [rETH.strategy], newMagnitudes: [w(0.3)] },
  ]]);
  await sender.settle();
  await c.mine({ blocks: 3 });

  const roots = await c.readContract({ address: dm, abi: delegationManagerAbi, functionName: 'getQueuedWithdrawalRoots', args: [s3] });
  const queuedWithdrawals: ManifestQueuedWithdrawal[] = [];
  for (const root of roots) {
    const wd = await c.readContract({ address: dm, abi: delegationManagerAbi, functionName: 'queuedWithdrawals', args: [root] });
    queuedWithdrawals.push({
      staker: s3, root, startBlock: wd.startBlock, completableAfterBlock: wd.startBlock + params.minWithdrawalDelayBlocks,
      strategies: [...wd.strategies], depositShares: [queued.toString()],
    });
  }
  const pendingAlloc = await c.readContract({ address: am, abi: allocationManagerAbi, functionName: 'getAllocation', args: [op2, { avs: avs2, id: 0 }, rETH.strategy] });

  const setInfo = (avs: Address, id: number, registrar: Address, strategies: Address[], members: Address[], redistributionRecipient: Address | null): ManifestOperatorSet => ({
    avs, id, redistributing: redistributionRecipient !== null, redistributionRecipient, slasher: avs, registrar, strategies, members,
  });
  return {
    operatorSets: [
      setInfo(avs1, 0, reg1, set1Strategies, [op1, op2], null),
      setInfo(avs2, 0, reg2, [rETH.strategy], [op2], null),
      setInfo(avs2, 1, reg2, [stETH.strategy, rETH.strategy], [op1], recipient),
    ],
    slashes: [{
      block: Number(slashReceipt.blockNumber), txHash: slashHash, avs: avs1, operatorSetId: 0, operator: op1,
      strategies: slashParams.strategies, wadsToSlash: slashParams.wadsToSlash.map(String), description: slashParams.description,
    }],
    queuedWithdrawals,
    pendingAllocations: [{
      operator: op2, avs: avs2, operatorSetId: 0, strategy: rETH.strategy,
      magnitude: (pendingAlloc.currentMagnitude + BigInt(pendingAlloc.pendingDiff)).toString(), effectBlock: pendingAlloc.effectBlock,
    }],
    pods: [{ owner: s1, pod: pod1 }],
    seededAtBlock: Number(await c.getBlockNumber()),
  };
}
