// Deploys Symbiotic core v1 and seeds a small restaking story on it (docs/symbiotic-devnet.md):
// two networks with middlewares, the two devnet operators, four vaults covering every delegator type
// (0-3), both slasher types (instant, veto) plus a slasher-less vault, one VaultTokenized, deposits of
// the three devnet stakers, an executed instant slash, one claimable and two pending withdrawals.
// Written against the reference write ABIs (lib/protocols/symbiotic/write-abi.ts).
import { erc20Abi, getAddress, parseEther, parseEventLogs, type Address, type Hex } from 'viem';
import { registryAbi, vaultAbi } from '../../protocols/symbiotic/abi.js';
import {
  baseDelegatorWriteAbi, fullRestakeDelegatorWriteAbi, networkMiddlewareServiceWriteAbi, networkRestakeDelegatorWriteAbi,
  operatorSpecificDelegatorWriteAbi, optInServiceWriteAbi, registryWriteAbi, slasherWriteAbi, vaultConfiguratorAbi,
  vaultWriteAbi, vetoSlasherWriteAbi,
} from '../../protocols/symbiotic/write-abi.js';
import { actorByName } from '../actors.js';
import { getArtifact } from '../compile.js';
import type { DevnetToken } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';
import { deploySymbiotic, type SymbioticCore } from './deploy-symbiotic.js';
import {
  encodeDelegatorParams, encodeSlasherParams, encodeVaultParams, encodeVaultTokenizedParams, encodeVetoSlasherParams, subnetworkOf,
} from './init-params.js';
import type {
  ManifestSymbioticNetwork, ManifestSymbioticSlash, ManifestSymbioticVault, ManifestSymbioticWithdrawal,
  SymbioticContractsManifest, SymbioticScenarioManifest,
} from './manifest-symbiotic.js';

export const SYMBIOTIC_EPOCH_DURATION = 3600;
export const SYMBIOTIC_VETO_DURATION = 1800;
export const SYMBIOTIC_RESOLVER_SET_EPOCHS_DELAY = 3n;
/** Slashed collateral is sent here ("burned"). */
export const BURN_ADDRESS: Address = '0x000000000000000000000000000000000000dEaD';

const NOTES = [
  'Epochs last 1 h. network-1 (middleware-1) and network-2 (middleware-2) are registered; operator-1 and operator-2 are in the OperatorRegistry',
  'and opted into both networks. Vaults (curator owns all, burner 0x…dEaD):',
  'A v1 NetworkRestake + instant Slasher, stETH: network-1/0 limit 1000 (op1:op2 shares 1:3), network-2/0 limit 60 (op2), network-2/1 limit 30 (op1);',
  'B v2 VaultTokenized FullRestake + VetoSlasher (veto 30 min, resolver set by network-1), rETH: network-1/0 limit 500 (op1 80, op2 500), network-2/0 limit 70 (op1 50);',
  'C v1 OperatorSpecific (operator-2) + instant Slasher, rETH: network-2/0 limit 20;',
  'D v1 OperatorNetworkSpecific (operator-1, network-1), no slasher, stETH: max network limit 200.',
  'Deposits: staker-1 A 100 stETH + B 40 rETH; staker-2 A 50 stETH + C 30 rETH; staker-3 B 60 rETH + D 25 stETH.',
  'staker-2 withdrew 10 rETH from C in epoch 0 (claimable since epoch 2). middleware-1 slashed operator-1 on A via network-1/0 by 15 stETH',
  '(capture in the current epoch: active stake 150 -> 135). Then time moved 2 epochs; staker-1 withdrew 20 stETH from A and staker-3 10 rETH from B (pending).',
].join(' ');

export interface SymbioticSeed {
  core: SymbioticCore;
  contracts: SymbioticContractsManifest;
  scenario: SymbioticScenarioManifest;
}

type Addr = Address;

export async function deployAndSeedSymbiotic(sender: TxSender, tokens: { stETH: DevnetToken; rETH: DevnetToken }): Promise<SymbioticSeed> {
  const c = sender.client;
  const who = (n: string) => actorByName(n);
  const [deployer, op1, op2, s1, s2, s3] = ['deployer', 'operator-1', 'operator-2', 'staker-1', 'staker-2', 'staker-3'].map((n) => who(n).address) as Addr[] as [Addr, Addr, Addr, Addr, Addr, Addr];
  const [n1, n2, mw1, mw2, curator, resolver] = ['network-1', 'network-2', 'middleware-1', 'middleware-2', 'curator', 'resolver'].map((n) => who(n).address) as Addr[] as [Addr, Addr, Addr, Addr, Addr, Addr];
  // anvil unlocks only its first 10 accounts; the Symbiotic actors past that are impersonated.
  for (const n of ['network-1', 'network-2', 'middleware-1', 'middleware-2', 'curator', 'resolver']) {
    const a = who(n);
    if (a.keyIndex < 10) continue;
    await c.impersonateAccount({ address: a.address });
    await c.setBalance({ address: a.address, value: parseEther('100') });
  }

  const core = await deploySymbiotic(sender, deployer);
  const { stETH, rETH } = tokens;
  const tokenAbi = getArtifact('TestToken').abi;

  // Networks, middlewares, operators.
  for (const [network, middleware] of [[n1, mw1], [n2, mw2]] as const) {
    await sender.write(network, core.networkRegistry, registryWriteAbi, 'registerNetwork', []);
    await sender.write(network, core.networkMiddlewareService, networkMiddlewareServiceWriteAbi, 'setMiddleware', [middleware]);
  }
  for (const op of [op1, op2]) await sender.write(op, core.operatorRegistry, registryWriteAbi, 'registerOperator', []);

  // Vaults through the VaultConfigurator (permissionless), created by the curator.
  const create = async (p: {
    name: string; version: 1 | 2; type: 0 | 1 | 2 | 3; slasher: 'instant' | 'veto' | 'none'; token: DevnetToken; operator?: Addr; network?: Addr;
  }) => {
    const spec = { collateral: p.token.address, burner: BURN_ADDRESS, epochDuration: SYMBIOTIC_EPOCH_DURATION, admin: curator };
    const params = {
      version: BigInt(p.version),
      owner: curator,
      vaultParams: p.version === 1 ? encodeVaultParams(spec) : encodeVaultTokenizedParams(spec, `Devnet restaked ${p.token.symbol}`, `r${p.token.symbol}`),
      delegatorIndex: BigInt(p.type),
      delegatorParams: encodeDelegatorParams(p.type, curator, p.operator, p.network),
      withSlasher: p.slasher !== 'none',
      slasherIndex: p.slasher === 'veto' ? 1n : 0n,
      slasherParams: p.slasher === 'veto' ? encodeVetoSlasherParams(SYMBIOTIC_VETO_DURATION, SYMBIOTIC_RESOLVER_SET_EPOCHS_DELAY) : p.slasher === 'instant' ? encodeSlasherParams() : '0x' as Hex,
    };
    await sender.write(curator, core.vaultConfigurator, vaultConfiguratorAbi, 'create', [params]);
    const n = await c.readContract({ address: core.vaultFactory, abi: registryAbi, functionName: 'totalEntities' });
    const address = getAddress(await c.readContract({ address: core.vaultFactory, abi: registryAbi, functionName: 'entity', args: [n - 1n] }));
    const delegator = getAddress(await c.readContract({ address, abi: vaultAbi, functionName: 'delegator' }));
    const slasher = getAddress(await c.readContract({ address, abi: vaultAbi, functionName: 'slasher' }));
    const vault: ManifestSymbioticVault = {
      name: p.name, address, version: p.version, delegator, delegatorType: p.type,
      slasher: p.slasher === 'none' ? null : slasher, slasherType: p.slasher, vetoDuration: p.slasher === 'veto' ? SYMBIOTIC_VETO_DURATION : null,
      collateral: p.token.address, collateralSymbol: p.token.symbol, burner: BURN_ADDRESS, curator, epochDuration: SYMBIOTIC_EPOCH_DURATION,
      networks: [], operators: [], deposits: [],
    };
    return vault;
  };
  const A = await create({ name: 'A', version: 1, type: 0, slasher: 'instant', token: stETH });
  const B = await create({ name: 'B', version: 2, type: 1, slasher: 'veto', token: rETH });
  const C = await create({ name: 'C', version: 1, type: 2, slasher: 'instant', token: rETH, operator: op2 });
  const D = await create({ name: 'D', version: 1, type: 3, slasher: 'none', token: stETH, operator: op1, network: n1 });

  // Networks opt in (max limits), the curator allocates (limits / shares).
  const e = (x: number) => parseEther(String(x));
  const allocate = async (v: ManifestSymbioticVault, network: Addr, identifier: number, max: number, limit: number | null, operators: [Addr, bigint][]) => {
    const sn = subnetworkOf(network, BigInt(identifier));
    await sender.write(network, v.delegator, baseDelegatorWriteAbi, 'setMaxNetworkLimit', [BigInt(identifier), e(max)]);
    if (limit !== null) {
      const abi = v.delegatorType === 0 ? networkRestakeDelegatorWriteAbi : v.delegatorType === 1 ? fullRestakeDelegatorWriteAbi : operatorSpecificDelegatorWriteAbi;
      await sender.write(curator, v.delegator, abi, 'setNetworkLimit', [sn, e(limit)]);
    }
    for (const [op, amount] of operators) {
      if (v.delegatorType === 0) await sender.write(curator, v.delegator, networkRestakeDelegatorWriteAbi, 'setOperatorNetworkShares', [sn, op, amount]);
      else await sender.write(curator, v.delegator, fullRestakeDelegatorWriteAbi, 'setOperatorNetworkLimit', [sn, op, amount]);
    }
    v.networks.push({
      network, identifier, subnetwork: sn, maxNetworkLimit: e(max).toString(), networkLimit: limit === null ? null : e(limit).toString(),
      operators: Object.fromEntries(operators.map(([op, amount]) => [op, amount.toString()])),
    });
  };
  await allocate(A, n1, 0, 1000, 1000, [[op1, e(1)], [op2, e(3)]]);
  await allocate(A, n2, 0, 1000, 60, [[op2, e(1)]]);
  await allocate(A, n2, 1, 100, 30, [[op1, e(1)]]);
  await allocate(B, n1, 0, 500, 500, [[op1, e(80)], [op2, e(500)]]);
  await allocate(B, n2, 0, 500, 70, [[op1, e(50)]]);
  await allocate(C, n2, 0, 1000, 20, []);
  await allocate(D, n1, 0, 200, null, []);

  // Operators opt into vaults and networks; network-1 names a veto resolver on B.
  for (const [op, vaults] of [[op1, [A, B, D]], [op2, [A, B, C]]] as const) {
    for (const v of vaults) {
      await sender.write(op, core.operatorVaultOptInService, optInServiceWriteAbi, 'optIn', [v.address]);
      v.operators.push(op);
    }
    for (const network of [n1, n2]) await sender.write(op, core.operatorNetworkOptInService, optInServiceWriteAbi, 'optIn', [network]);
  }
  await sender.write(n1, B.slasher!, vetoSlasherWriteAbi, 'setResolver', [0n, resolver, '0x']);

  // Deposits.
  const deposit = async (staker: Addr, v: ManifestSymbioticVault, amount: number) => {
    await sender.write(deployer, v.collateral, tokenAbi, 'mint', [staker, e(amount)]);
    await sender.write(staker, v.collateral, erc20Abi, 'approve', [v.address, e(amount)]);
    await sender.write(staker, v.address, vaultWriteAbi, 'deposit', [staker, e(amount)]);
    v.deposits.push({ staker, amount: e(amount).toString() });
  };
  await deposit(s1, A, 100);
  await deposit(s1, B, 40);
  await deposit(s2, A, 50);
  await deposit(s2, C, 30);
  await deposit(s3, B, 60);
  await deposit(s3, D, 25);

  const withdrawals: ManifestSymbioticWithdrawal[] = [];
  const withdraw = async (staker: Addr, v: ManifestSymbioticVault, amount: number) => {
    await sender.write(staker, v.address, vaultWriteAbi, 'withdraw', [staker, e(amount)]);
    const epoch = Number(await c.readContract({ address: v.address, abi: vaultAbi, functionName: 'currentEpoch' })) + 1;
    const next = await c.readContract({ address: v.address, abi: vaultAbi, functionName: 'nextEpochStart' });
    withdrawals.push({ vault: v.address, staker, amount: e(amount).toString(), epoch, claimableAt: next + SYMBIOTIC_EPOCH_DURATION });
  };
  await withdraw(s2, C, 10);

  // The earlier slash: captured one block after the last configuration, in the current epoch.
  await c.increaseTime({ seconds: 60 });
  await c.mine({ blocks: 1 });
  const captureTimestamp = Number((await c.getBlock()).timestamp);
  await c.increaseTime({ seconds: 12 }); // capture must lie strictly before the slash block
  const sn1 = subnetworkOf(n1, 0n);
  const slashAmount = e(15);
  const slashHash = await sender.write(mw1, A.slasher!, slasherWriteAbi, 'slash', [sn1, op1, slashAmount, captureTimestamp, '0x']);
  const slashReceipt = await c.getTransactionReceipt({ hash: slashHash });
  const [onSlash] = parseEventLogs({ abi: vaultAbi, eventName: 'OnSlash', logs: slashReceipt.logs });
  const slashes: ManifestSymbioticSlash[] = [{
    vault: A.address, slasher: A.slasher!, subnetwork: sn1, operator: op1, requested: slashAmount.toString(),
    slashedAmount: (onSlash?.args.slashedAmount ?? 0n).toString(), captureTimestamp, block: Number(slashReceipt.blockNumber), txHash: slashHash,
  }];

  // Two epochs later: staker-2's withdrawal is claimable; two new ones are pending.
  await c.increaseTime({ seconds: 2 * SYMBIOTIC_EPOCH_DURATION });
  await c.mine({ blocks: 1 });
  await withdraw(s1, A, 20);
  await withdraw(s3, B, 10);

  const networks: ManifestSymbioticNetwork[] = [
    { name: 'network-1', address: n1, middleware: mw1, resolvers: [{ vault: B.address, identifier: 0, resolver }] },
    { name: 'network-2', address: n2, middleware: mw2, resolvers: [] },
  ];
  return {
    core,
    contracts: {
      vaultFactory: core.vaultFactory, delegatorFactory: core.delegatorFactory, slasherFactory: core.slasherFactory,
      networkRegistry: core.networkRegistry, operatorRegistry: core.operatorRegistry, networkMiddlewareService: core.networkMiddlewareService,
      operatorVaultOptInService: core.operatorVaultOptInService, operatorNetworkOptInService: core.operatorNetworkOptInService,
      vaultConfigurator: core.vaultConfigurator, fromBlock: core.fromBlock,
    },
    scenario: { epochDuration: SYMBIOTIC_EPOCH_DURATION, vaults: [A, B, C, D], networks, slashes, withdrawals, notes: NOTES },
  };
}
