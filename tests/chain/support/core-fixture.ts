// A bare devnet for contract-semantics tests: fresh anvil + core contracts + two tokens/strategies,
// one AVS with set 0 (both strategies, slasher = the AVS), operator-1 (delay 0) registered into it and
// staker-1 holding exactly 100e18 deposit shares delegated to operator-1. Tests snapshot/revert around it.
import { erc20Abi, parseEther, type Address, type Abi } from 'viem';
import { allocationManagerAbi, delegationManagerAbi, strategyManagerAbi } from '../../../lib/protocols/eigenlayer/abi.js';
import { actorAddress } from '../../../lib/devnet/actors.js';
import { startAnvil, type AnvilHandle } from '../../../lib/devnet/anvil.js';
import { getArtifact } from '../../../lib/devnet/compile.js';
import { deployCore, deployTokenWithStrategy, type DevnetToken, type EigenLayerCore } from '../../../lib/devnet/deploy-core.js';
import { DEVNET_PARAMETERS } from '../../../lib/devnet/parameters.js';
import { TxSender, devnetClient, type DevnetClient } from '../../../lib/devnet/tx-sender.js';

export interface CoreFixture {
  anvil: AnvilHandle;
  c: DevnetClient;
  tx: TxSender;
  core: EigenLayerCore;
  t: DevnetToken;
  u: DevnetToken;
  deployer: Address;
  op: Address;
  op2: Address;
  avs: Address;
  other: Address;
  staker: Address;
  staker2: Address;
  /** Full devnet ABIs (with custom errors) for revert-name assertions. */
  amAbi: Abi;
  dmAbi: Abi;
}

export const NO_SIG = { signature: '0x', expiry: 0n } as const;
export const ZERO_SALT = `0x${'0'.repeat(64)}` as const;
export const OP2_DELAY = 10;

export async function startCoreFixture(): Promise<CoreFixture> {
  const anvil = await startAnvil();
  const c = devnetClient(anvil.rpcUrl);
  const tx = new TxSender(c);
  const [deployer, op, op2, avs, other, staker, staker2] = [0, 1, 2, 3, 4, 5, 6].map(actorAddress) as Address[] as [Address, Address, Address, Address, Address, Address, Address];
  const core = await deployCore(tx, deployer, DEVNET_PARAMETERS);
  const t = await deployTokenWithStrategy(tx, deployer, core, { name: 'Token T', symbol: 'T', decimals: 18 });
  const u = await deployTokenWithStrategy(tx, deployer, core, { name: 'Token U', symbol: 'U', decimals: 18 });
  const mint = getArtifact('TestToken').abi;
  for (const s of [staker, staker2]) {
    for (const tok of [t, u]) {
      await tx.write(deployer, tok.address, mint, 'mint', [s, parseEther('1000')]);
      await tx.write(s, tok.address, erc20Abi, 'approve', [core.strategyManager, 2n ** 256n - 1n]);
    }
  }
  const zero = '0x0000000000000000000000000000000000000000';
  await tx.write(op, core.delegationManager, delegationManagerAbi, 'registerAsOperator', [zero, 0, 'op']);
  await tx.write(op2, core.delegationManager, delegationManagerAbi, 'registerAsOperator', [zero, OP2_DELAY, 'op2']);
  const registrar = await tx.deploy(deployer, getArtifact('AVSRegistrar'), [avs]);
  const am = core.allocationManager;
  await tx.write(avs, am, allocationManagerAbi, 'updateAVSMetadataURI', [avs, 'avs']);
  await tx.write(avs, am, allocationManagerAbi, 'setAVSRegistrar', [avs, registrar]);
  await tx.write(avs, am, allocationManagerAbi, 'createOperatorSets', [avs, [{ operatorSetId: 0, strategies: [t.strategy, u.strategy] }]]);
  await tx.write(op, am, allocationManagerAbi, 'registerForOperatorSets', [op, { avs, operatorSetIds: [0], data: '0x' }]);
  await tx.write(staker, core.strategyManager, strategyManagerAbi, 'depositIntoStrategy', [t.strategy, t.address, parseEther('100')]);
  await tx.write(staker, core.delegationManager, delegationManagerAbi, 'delegateTo', [op, NO_SIG, ZERO_SALT]);
  await tx.settle();
  return {
    anvil, c, tx, core, t, u, deployer, op, op2, avs, other, staker, staker2,
    amAbi: getArtifact('AllocationManager').abi, dmAbi: getArtifact('DelegationManager').abi,
  };
}
