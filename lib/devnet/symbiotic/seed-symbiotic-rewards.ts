// Devnet Symbiotic staker rewards on the real @symbioticfi/rewards v2.0.0 contracts (compiled with
// core by compile-symbiotic.ts). Runs right after deployAndSeedSymbiotic: ~20 transactions and a
// 2-second clock step only, so the Symbiotic epochs, veto windows and pending withdrawals seeded
// before keep their meaning.
//
// distributeRewards(network, token, amount, abi.encode(uint48 timestamp, maxAdminFee, hints)) checks
// `timestamp < block.timestamp` and that the vault had active shares and stake at `timestamp`; a
// staker earns activeSharesOfAt(staker, timestamp) × (amount − admin fee) / activeSharesAt(timestamp).
// Two timestamps are used on vault A: just before staker-1's withdrawal of 20 stETH (100:50 shares)
// and the end of the Symbiotic seeding (after it), so the two distributions split differently.
import { encodeAbiParameters, getAddress, parseEther, parseEventLogs, type Address, type Hex } from 'viem';
import { vaultAbi } from '../../protocols/symbiotic/abi.js';
import { stakerRewardsFactoryAbi, stakerRewardsV2Abi, stakerRewardsWriteAbi } from '../../rewards/symbiotic/abi.js';
import { actorByName } from '../actors.js';
import { getArtifact } from '../compile.js';
import type { DevnetToken } from '../deploy-core.js';
import { DevnetDeployError } from '../errors.js';
import type { TxSender } from '../tx-sender.js';
import { compileSymbiotic, getSymbioticArtifact } from './compile-symbiotic.js';
import type { SymbioticSeed } from './seed-symbiotic.js';

/** staker-1's claim goes to this address (not the claimer), so readers must keep claimer and recipient apart. */
export const STAKER1_REWARDS_RECIPIENT: Address = '0x000000000000000000000000000000000000bEEF';

const NOTES = [
  'DefaultStakerRewards v2 (real @symbioticfi/rewards 2.0.0) for vault A (admin fee 10 % at creation) and B (created at 0 %,',
  'then the curator set 20 %), through a DefaultStakerRewardsFactory; the curator holds every rewards role. Vaults C and D have none.',
  'middleware-1 (network-1) paid SYMB on A: 1000 at tA1 (just before staker-1 withdrew 20 stETH; shares staker-1:staker-2 = 100:50)',
  'and 300 at tEnd (end of the Symbiotic seeding, after that withdrawal); middleware-2 (network-2) paid 30 stETH on A at tEnd;',
  'middleware-1 paid 500 SYMB on B at tEnd (staker-1 and staker-3). staker-1 then claimed network-1 SYMB on A with maxRewards 1',
  '(only the first distribution) to 0x…bEEF; its second A distribution, network-2 stETH and everything on B remain claimable.',
].join(' ');

export interface ManifestSymbioticRewardsContract {
  vaultName: string;
  vault: Address;
  rewardsContract: Address;
  version: number;
  adminFeeBips: number;
  /** Holder of DEFAULT_ADMIN, ADMIN_FEE_CLAIM and ADMIN_FEE_SET roles. */
  admin: Address;
}

export interface ManifestSymbioticDistribution {
  vaultName: string;
  vault: Address;
  rewardsContract: Address;
  network: Address;
  middleware: Address;
  token: Address;
  tokenSymbol: string;
  /** What the middleware sent (before the admin fee). */
  amount: string;
  /** From the DistributeRewards event: stakers' part and the curator's fee. */
  distributeAmount: string;
  adminFeeAmount: string;
  /** Stake timestamp the distribution refers to (unix seconds, in the past when distributed). */
  timestamp: number;
  block: number;
  txHash: Hex;
}

export interface ManifestSymbioticRewardClaim {
  vault: Address;
  rewardsContract: Address;
  network: Address;
  token: Address;
  claimer: Address;
  recipient: Address;
  maxRewards: number;
  /** From the ClaimRewards event. */
  amount: string;
  block: number;
  txHash: Hex;
}

export interface SymbioticRewardsScenario {
  stakerRewardsFactory: Address;
  stakerRewardsImplementation: Address;
  rewardToken: { address: Address; symbol: string; decimals: number };
  contracts: ManifestSymbioticRewardsContract[];
  distributions: ManifestSymbioticDistribution[];
  claims: ManifestSymbioticRewardClaim[];
  notes: string;
}

const e = (x: number) => parseEther(String(x));

export async function seedSymbioticRewards(
  sender: TxSender,
  seed: SymbioticSeed,
  tokens: { stETH: DevnetToken; rETH: DevnetToken },
): Promise<{ stakerRewardsFactory: Address | null; scenario: SymbioticRewardsScenario | null }> {
  const c = sender.client;
  const [deployer, curator, s1, n1, n2, mw1, mw2] = ['deployer', 'curator', 'staker-1', 'network-1', 'network-2', 'middleware-1', 'middleware-2']
    .map((n) => actorByName(n).address) as [Address, Address, Address, Address, Address, Address, Address];
  const vault = (name: string) => {
    const v = seed.scenario.vaults.find((x) => x.name === name);
    if (!v) throw new DevnetDeployError(`Symbiotic rewards seeding needs vault ${name} of the Symbiotic scenario`);
    return v;
  };
  const A = vault('A');
  const B = vault('B');

  // Stake timestamps, read before anything moves: tA1 = one second before staker-1's withdrawal from A.
  const [withdrawLog] = (await c.getLogs({
    address: A.address, event: vaultAbi.find((i) => i.type === 'event' && i.name === 'Withdraw')!, args: { claimer: s1 },
    fromBlock: BigInt(seed.contracts.fromBlock), strict: true,
  } as never)) as { blockNumber: bigint }[];
  if (!withdrawLog) throw new DevnetDeployError('Symbiotic rewards seeding expects staker-1 to have withdrawn from vault A');
  const tA1 = Number((await c.getBlock({ blockNumber: withdrawLog.blockNumber })).timestamp) - 1;
  const tEnd = Number((await c.getBlock()).timestamp);
  // distributeRewards needs timestamp < block.timestamp; anvil may mine several blocks in one second.
  await c.increaseTime({ seconds: 2 });

  // Implementation + factory, as the rewards repo's DefaultStakerRewardsFactory script deploys them.
  const set = compileSymbiotic();
  const implementation = await sender.deploy(deployer, getSymbioticArtifact('DefaultStakerRewards', set), [seed.core.vaultFactory, seed.core.networkMiddlewareService]);
  const factory = await sender.deploy(deployer, getSymbioticArtifact('DefaultStakerRewardsFactory', set), [implementation]);

  const create = async (vaultAddress: Address, adminFee: bigint) => {
    await sender.write(curator, factory, stakerRewardsWriteAbi, 'create', [
      { vault: vaultAddress, adminFee, defaultAdminRoleHolder: curator, adminFeeClaimRoleHolder: curator, adminFeeSetRoleHolder: curator },
    ]);
    const n = await c.readContract({ address: factory, abi: stakerRewardsFactoryAbi, functionName: 'totalEntities' });
    return getAddress(await c.readContract({ address: factory, abi: stakerRewardsFactoryAbi, functionName: 'entity', args: [n - 1n] }));
  };
  const rA = await create(A.address, 1000n);
  const rB = await create(B.address, 0n);
  await sender.write(curator, rB, stakerRewardsWriteAbi, 'setAdminFee', [2000n]);
  const contracts: ManifestSymbioticRewardsContract[] = [];
  for (const [v, r] of [[A, rA], [B, rB]] as const) {
    const [version, fee] = await Promise.all([
      c.readContract({ address: r, abi: stakerRewardsV2Abi, functionName: 'version' }),
      c.readContract({ address: r, abi: stakerRewardsV2Abi, functionName: 'adminFee' }),
    ]);
    contracts.push({ vaultName: v.name, vault: v.address, rewardsContract: r, version: Number(version), adminFeeBips: Number(fee), admin: curator });
  }

  // The reward token; middlewares pay from their own balances (distributeRewards pulls with transferFrom).
  const tokenAbi = getArtifact('TestToken').abi;
  const symb = { address: await sender.deploy(deployer, getArtifact('TestToken'), ['Devnet SYMB', 'SYMB', 18]), symbol: 'SYMB', decimals: 18 };
  await sender.write(deployer, symb.address, tokenAbi, 'mint', [mw1, e(1800)]);
  await sender.write(deployer, tokens.stETH.address, tokenAbi, 'mint', [mw2, e(30)]);
  const max = 2n ** 256n - 1n;
  await sender.write(mw1, symb.address, tokenAbi, 'approve', [rA, max]);
  await sender.write(mw1, symb.address, tokenAbi, 'approve', [rB, max]);
  await sender.write(mw2, tokens.stETH.address, tokenAbi, 'approve', [rA, max]);

  const distributions: ManifestSymbioticDistribution[] = [];
  const distribute = async (v: typeof A, r: Address, network: Address, middleware: Address, token: { address: Address; symbol: string }, amount: bigint, timestamp: number) => {
    const data = encodeAbiParameters(
      [{ type: 'uint48' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bytes' }],
      [timestamp, 10_000n, '0x', '0x'],
    );
    const txHash = await sender.write(middleware, r, stakerRewardsWriteAbi, 'distributeRewards', [network, token.address, amount, data]);
    const receipt = await c.getTransactionReceipt({ hash: txHash });
    const [log] = parseEventLogs({ abi: stakerRewardsV2Abi, eventName: 'DistributeRewards', logs: receipt.logs });
    if (!log) throw new DevnetDeployError(`distributeRewards on ${r} emitted no DistributeRewards event`);
    distributions.push({
      vaultName: v.name, vault: v.address, rewardsContract: r, network, middleware, token: token.address, tokenSymbol: token.symbol,
      amount: amount.toString(), distributeAmount: log.args.distributeAmount.toString(), adminFeeAmount: log.args.adminFeeAmount.toString(),
      timestamp, block: Number(receipt.blockNumber), txHash,
    });
  };
  await distribute(A, rA, n1, mw1, symb, e(1000), tA1);
  await distribute(A, rA, n1, mw1, symb, e(300), tEnd);
  await distribute(A, rA, n2, mw2, tokens.stETH, e(30), tEnd);
  await distribute(B, rB, n1, mw1, symb, e(500), tEnd);

  // staker-1 claims only the first network-1 SYMB distribution on A (maxRewards 1), to another address.
  const claimData = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'bytes[]' }], [n1, 1n, []]);
  const claimHash = await sender.write(s1, rA, stakerRewardsWriteAbi, 'claimRewards', [STAKER1_REWARDS_RECIPIENT, symb.address, claimData]);
  const claimReceipt = await c.getTransactionReceipt({ hash: claimHash });
  const [claimLog] = parseEventLogs({ abi: stakerRewardsV2Abi, eventName: 'ClaimRewards', logs: claimReceipt.logs });
  if (!claimLog) throw new DevnetDeployError('claimRewards emitted no ClaimRewards event');
  const claims: ManifestSymbioticRewardClaim[] = [{
    vault: A.address, rewardsContract: rA, network: n1, token: symb.address, claimer: s1, recipient: STAKER1_REWARDS_RECIPIENT, maxRewards: 1,
    amount: claimLog.args.amount.toString(), block: Number(claimReceipt.blockNumber), txHash: claimHash,
  }];

  return {
    stakerRewardsFactory: factory,
    scenario: { stakerRewardsFactory: factory, stakerRewardsImplementation: implementation, rewardToken: symb, contracts, distributions, claims, notes: NOTES },
  };
}
