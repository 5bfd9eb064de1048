// Seeds the Karak story (docs/karak-devnet.md "Scenario") on top of the devnet tokens: two DSSs
// (10 % and 50 % max slashable), operator-1 with stETH and rETH vaults, operator-2 with a stETH vault,
// V2 deposits by staker-1/2/3 and V1 deposits by staker-2/3; then, moving the clock 18 days in three
// warps: stake updates finalized (operator-1's stETH vault ends up staked to both DSSs: leverage 2),
// one finalized 20 % slash of operator-1's rETH vault by dss-50; finally still-pending items: a stake
// update, a slash request, a V2 redeem and a V1 withdrawal. Self-contained: it only needs the tokens and
// leaves everything it created in the returned manifest sections. Writes use the mainnet ABIs.
import { encodeAbiParameters, erc20Abi, getAddress, keccak256, parseEther, parseEventLogs, zeroAddress, type Address, type Hex } from 'viem';
import { coreAbi, delegationSupervisorAbi, vaultAbi, vaultSupervisorAbi } from '../../protocols/karak/abi.js';
import { actorByName } from '../actors.js';
import { getArtifact } from '../compile.js';
import type { DevnetToken } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';
import { deployKarak, KARAK_V1_WITHDRAWAL_DELAY } from './deploy-karak.js';
import type { KarakManifestContracts, KarakManifestScenario } from './karak-manifest.js';

const DAY = 24 * 3600;
export const KARAK_MIN_STAKE_UPDATE_DELAY = 9 * DAY;
export const KARAK_MIN_WITHDRAWAL_DELAY = 9 * DAY;
export const KARAK_SLASHING_VETO_WINDOW = 2 * DAY;
export const KARAK_SLASHING_COOLDOWN = 2 * DAY;
const MAX = 2n ** 256n - 1n;

type QueuedStakeUpdate = { nonce: number; startTimestamp: number; operator: Address; updateRequest: { vault: Address; dss: Address; toStake: boolean } };
type QueuedSlashing = { dss: Address; timestamp: bigint; operator: Address; vaults: readonly Address[]; slashPercentagesWad: readonly bigint[]; nonce: bigint };

const NOTES = [
  'dss-10 (max 10 %) and dss-50 (max 50 %) are KarakTestDSS contracts owned by the deployer (also Core owner and veto committee).',
  'operator-1: vaults stETH (staked to dss-10 and dss-50: leverage 2) and rETH (staked to dss-50; pending request to stake to dss-10);',
  'operator-2: vault stETH staked to dss-50. Deposits: staker-1 100 stETH + 40 rETH (operator-1), staker-2 30 stETH (operator-2),',
  'staker-3 10 rETH (operator-1); 5 stETH of yield sent to operator-1\'s stETH vault. V1: staker-2 15 rETH, staker-3 25 stETH + 10 rETH.',
  'dss-50 slashed operator-1\'s rETH vault by 20 % (finalized); dss-10 requested 5 % of operator-1\'s stETH vault (pending).',
  'staker-1 started redeeming 20e18 shares of operator-1\'s stETH vault; staker-3 queued a V1 withdrawal of 5e18 stETH-vault shares.',
].join(' ');

export async function seedKarak(
  sender: TxSender,
  tokens: { stETH: DevnetToken; rETH: DevnetToken },
): Promise<{ contracts: KarakManifestContracts; scenario: KarakManifestScenario }> {
  const c = sender.client;
  const [deployer, op1, op2, s1, s2, s3] = ['deployer', 'operator-1', 'operator-2', 'staker-1', 'staker-2', 'staker-3'].map((n) => actorByName(n).address) as
    [Address, Address, Address, Address, Address, Address];
  const { stETH, rETH } = tokens;
  const now = async () => Number((await c.getBlock({ blockTag: 'latest' })).timestamp);
  const warp = async (seconds: number) => {
    await c.increaseTime({ seconds });
    await c.mine({ blocks: 1 });
  };
  const receipt = (hash: Hex) => c.getTransactionReceipt({ hash });
  const startedAt = await now();

  const k = await deployKarak(sender, deployer, [stETH, rETH], [parseEther('10'), parseEther('50')]);
  const core = k.core;
  const [dss10, dss50] = k.dss.map((d) => d.address) as [Address, Address];
  const dssAbi = getArtifact('KarakTestDSS').abi;

  // Vaults: the caller of deployVaults is the operator; decimals and operator fields are ignored.
  const deployVaults = async (op: Address, assets: DevnetToken[]) => {
    const configs = assets.map((t) => ({ asset: t.address, decimals: 0, operator: zeroAddress, name: `Karak ${t.symbol}`, symbol: `k${t.symbol}`, extraData: '0x' as Hex }));
    const hash = await sender.write(op, core, coreAbi, 'deployVaults', [configs, zeroAddress]);
    return parseEventLogs({ abi: coreAbi, eventName: 'DeployedVault', logs: (await receipt(hash)).logs }).map((l) => getAddress(l.args.vault));
  };
  const [op1St, op1R] = (await deployVaults(op1, [stETH, rETH])) as [Address, Address];
  const [op2St] = (await deployVaults(op2, [stETH])) as [Address];
  await sender.write(op1, core, coreAbi, 'registerOperatorToDSS', [dss10, '0x']);
  await sender.write(op1, core, coreAbi, 'registerOperatorToDSS', [dss50, '0x']);
  await sender.write(op2, core, coreAbi, 'registerOperatorToDSS', [dss50, '0x']);

  // Tokens (the deployer mints the test tokens) and approvals of every vault that pulls them.
  const mint = getArtifact('TestToken').abi;
  for (const s of [s1, s2, s3]) {
    for (const t of [stETH, rETH]) {
      await sender.write(deployer, t.address, mint, 'mint', [s, parseEther('500')]);
      const spenders = [op1St, op1R, op2St, ...k.v1Vaults.map((v) => v.address)];
      for (const spender of spenders) await sender.write(s, t.address, erc20Abi, 'approve', [spender, MAX]);
    }
  }
  const deposits: KarakManifestScenario['deposits'] = [];
  const depositV2 = async (s: Address, vault: Address, amount: bigint) => {
    await sender.write(s, vault, vaultAbi, 'deposit', [amount, s]);
    deposits.push({ staker: s, vault, version: 2, assets: amount.toString() });
  };
  const depositV1 = async (s: Address, vault: Address, amount: bigint) => {
    await sender.write(s, k.vaultSupervisor, vaultSupervisorAbi, 'deposit', [vault, amount, 0n]);
    deposits.push({ staker: s, vault, version: 1, assets: amount.toString() });
  };
  const [v1StETH, v1REth] = k.v1Vaults.map((v) => v.address) as [Address, Address];
  await depositV2(s1, op1St, parseEther('100'));
  await depositV2(s1, op1R, parseEther('40'));
  await depositV2(s2, op2St, parseEther('30'));
  await depositV2(s3, op1R, parseEther('10'));
  await depositV1(s2, v1REth, parseEther('15'));
  await depositV1(s3, v1StETH, parseEther('25'));
  await depositV1(s3, v1REth, parseEther('10'));
  // Yield: 1 share of operator-1's stETH vault is now worth more than 1 stETH.
  await sender.write(deployer, stETH.address, mint, 'mint', [op1St, parseEther('5')]);

  const requestStake = async (op: Address, vault: Address, dss: Address, toStake = true): Promise<QueuedStakeUpdate> => {
    const hash = await sender.write(op, core, coreAbi, 'requestUpdateVaultStakeInDSS', [{ vault, dss, toStake }]);
    const [log] = parseEventLogs({ abi: coreAbi, eventName: 'RequestedStakeUpdate', logs: (await receipt(hash)).logs });
    return log!.args.updateRequest as QueuedStakeUpdate;
  };
  const finalizeStake = (q: QueuedStakeUpdate) => sender.write(deployer, core, coreAbi, 'finalizeUpdateVaultStakeInDSS', [q]);
  const requestSlash = async (dss: Address, operator: Address, vaults: Address[], pcts: bigint[]) => {
    const hash = await sender.write(deployer, dss, dssAbi, 'requestSlashing', [{ operator, slashPercentagesWad: pcts, vaults }]);
    // RequestedSlashing lacks timestamp and nonce: rebuild the queued struct from the block and Core's counter.
    const r = await receipt(hash);
    const timestamp = (await c.getBlock({ blockNumber: r.blockNumber })).timestamp;
    const nonce = ((await c.readContract({ address: core, abi: getArtifact('KarakCore').abi, functionName: 'slashingNonce' })) as bigint) - 1n;
    const q: QueuedSlashing = { dss, timestamp, operator, vaults, slashPercentagesWad: pcts, nonce };
    return { q, hash };
  };

  // t0: first stake updates.
  const first = [await requestStake(op1, op1St, dss10), await requestStake(op1, op1R, dss50), await requestStake(op2, op2St, dss50)];
  await warp(KARAK_MIN_STAKE_UPDATE_DELAY);
  for (const q of first) await finalizeStake(q);
  // t0 + 9 d: operator-1's stETH vault asks for a second DSS; dss-50 requests a 20 % slash of the rETH vault.
  const second = await requestStake(op1, op1St, dss50);
  const slash = await requestSlash(dss50, op1, [op1R], [parseEther('20')]);
  await warp(KARAK_SLASHING_VETO_WINDOW);
  await sender.write(deployer, core, coreAbi, 'finalizeSlashing', [slash.q]);
  const finalizedAt = await now();
  await warp(KARAK_MIN_STAKE_UPDATE_DELAY - KARAK_SLASHING_VETO_WINDOW);
  await finalizeStake(second);

  // t0 + 18 d: what stays pending.
  const pendingStake = await requestStake(op1, op1R, dss10);
  const pendingSlash = await requestSlash(dss10, op1, [op1St], [parseEther('5')]);
  const redeemShares = parseEther('20');
  await sender.write(s1, op1St, erc20Abi, 'approve', [op1St, redeemShares]);
  await sender.write(s1, op1St, vaultAbi, 'startRedeem', [redeemShares, s1]);
  const redeem = await c.readContract({ address: op1St, abi: vaultAbi, functionName: 'getQueuedWithdrawal', args: [s1, 0n] });
  const v1Shares = parseEther('5');
  await sender.write(s3, k.delegationSupervisor, delegationSupervisorAbi, 'startWithdraw', [[{ vaults: [v1StETH], shares: [v1Shares], withdrawer: s3 }]]);
  const [v1w] = await c.readContract({ address: k.delegationSupervisor, abi: delegationSupervisorAbi, functionName: 'fetchQueuedWithdrawals', args: [s3] });
  const v1Root = keccak256(encodeAbiParameters(delegationSupervisorAbi.find((x) => x.type === 'function' && x.name === 'isWithdrawPending')!.inputs, [v1w!]));

  const str = (xs: readonly bigint[]) => xs.map(String);
  return {
    contracts: { core, vaultSupervisor: k.vaultSupervisor, delegationSupervisor: k.delegationSupervisor, fromBlock: k.fromBlock },
    scenario: {
      startedAt,
      seededAt: await now(),
      parameters: {
        minStakeUpdateDelay: KARAK_MIN_STAKE_UPDATE_DELAY,
        minWithdrawalDelay: KARAK_MIN_WITHDRAWAL_DELAY,
        slashingVetoWindow: KARAK_SLASHING_VETO_WINDOW,
        slashingCooldown: KARAK_SLASHING_COOLDOWN,
        v1WithdrawalDelay: KARAK_V1_WITHDRAWAL_DELAY,
      },
      vetoCommittee: deployer,
      vaultImplementation: k.vaultTemplate,
      slashingHandlers: [...k.handlers].map(([asset, handler]) => ({ asset, handler })),
      dss: [
        { address: dss10, owner: deployer, maxSlashablePercentageWad: parseEther('10').toString(), operators: [op1] },
        { address: dss50, owner: deployer, maxSlashablePercentageWad: parseEther('50').toString(), operators: [op1, op2] },
      ],
      vaults: [
        { address: op1St, operator: op1, asset: stETH.address, dss: [dss10, dss50] },
        { address: op1R, operator: op1, asset: rETH.address, dss: [dss50] },
        { address: op2St, operator: op2, asset: stETH.address, dss: [dss50] },
      ],
      v1Vaults: k.v1Vaults,
      deposits,
      slashes: [
        { dss: dss50, operator: op1, vaults: [op1R], slashPercentagesWad: str(slash.q.slashPercentagesWad), nonce: Number(slash.q.nonce),
          requestedAt: Number(slash.q.timestamp), status: 'finalized', finalizedAt, txHash: slash.hash },
        { dss: dss10, operator: op1, vaults: [op1St], slashPercentagesWad: str(pendingSlash.q.slashPercentagesWad), nonce: Number(pendingSlash.q.nonce),
          requestedAt: Number(pendingSlash.q.timestamp), status: 'requested', finalizedAt: null, txHash: pendingSlash.hash },
      ],
      pendingRedeems: [{
        staker: s1, vault: op1St, nonce: 0, withdrawalKey: keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [s1, 0n])),
        shares: redeem.shares.toString(), start: Number(redeem.start), completableAt: Number(redeem.start) + KARAK_MIN_WITHDRAWAL_DELAY,
      }],
      stakeUpdates: [{
        operator: op1, vault: op1R, dss: dss10, toStake: true, nonce: pendingStake.nonce, startTimestamp: pendingStake.startTimestamp,
        finalizableAt: pendingStake.startTimestamp + KARAK_MIN_STAKE_UPDATE_DELAY,
      }],
      v1Withdrawals: [{
        staker: s3, root: v1Root, vaults: v1w!.request.vaults.map((v) => getAddress(v)), shares: str(v1w!.request.shares),
        start: Number(v1w!.start), completableAt: Number(v1w!.start) + KARAK_V1_WITHDRAWAL_DELAY,
      }],
      notes: NOTES,
    },
  };
}
