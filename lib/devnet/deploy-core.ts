// Deploys the devnet EigenLayer core. The contracts reference each other through immutables, so the
// addresses are precomputed from the deployer's nonces (DM, SM, EPM, AM, factory, AVSDirectory in that
// order) instead of running an initializer pass.
import { getAddress, getContractAddress, type Address } from 'viem';
import { strategyFactoryAbi } from '../protocols/eigenlayer/abi.js';
import { compileContracts, getArtifact } from './compile.js';
import type { DevnetParameters } from './parameters.js';
import type { TxSender } from './tx-sender.js';

export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

export interface EigenLayerCore {
  delegationManager: Address;
  strategyManager: Address;
  eigenPodManager: Address;
  allocationManager: Address;
  avsDirectory: Address;
  strategyFactory: Address;
}

export interface DevnetToken {
  symbol: string;
  name: string;
  address: Address;
  decimals: number;
  strategy: Address;
}

/** Puts Multicall3's runtime at its canonical address (same code path as mainnet for viem's multicall). */
export async function installMulticall3(sender: TxSender): Promise<Address> {
  const art = getArtifact('Multicall3', compileContracts());
  await sender.client.setCode({ address: MULTICALL3_ADDRESS, bytecode: art.deployedBytecode });
  return MULTICALL3_ADDRESS;
}

export async function deployCore(sender: TxSender, deployer: Address, params: DevnetParameters): Promise<EigenLayerCore> {
  const set = compileContracts();
  const n = await sender.client.getTransactionCount({ address: deployer, blockTag: 'pending' });
  const at = (i: number) => getContractAddress({ from: deployer, nonce: BigInt(n + i) });
  const core: EigenLayerCore = {
    delegationManager: at(0),
    strategyManager: at(1),
    eigenPodManager: at(2),
    allocationManager: at(3),
    strategyFactory: at(4),
    avsDirectory: at(5),
  };
  const deployed = [
    await sender.deploy(deployer, getArtifact('DelegationManager', set), [
      core.strategyManager, core.eigenPodManager, core.allocationManager, params.minWithdrawalDelayBlocks, params.version,
    ]),
    await sender.deploy(deployer, getArtifact('StrategyManager', set), [
      core.delegationManager, core.allocationManager, core.strategyFactory, params.version,
    ]),
    // The deployer doubles as the pods' beacon oracle (devnet stand-in for beacon-state proofs).
    await sender.deploy(deployer, getArtifact('EigenPodManager', set), [core.delegationManager, deployer]),
    await sender.deploy(deployer, getArtifact('AllocationManager', set), [
      core.delegationManager, params.deallocationDelay, params.allocationConfigurationDelay, params.slasherConfigurationDelay,
    ]),
    await sender.deploy(deployer, getArtifact('StrategyFactory', set), [core.strategyManager]),
    await sender.deploy(deployer, getArtifact('AVSDirectory', set), []),
  ];
  if (deployed.join() !== Object.values(core).join()) throw new Error('devnet deployer nonce moved during core deployment');
  return core;
}

/** An ERC-20 test token plus its StrategyBase, deployed through the StrategyFactory (auto-whitelisted). */
export async function deployTokenWithStrategy(
  sender: TxSender,
  deployer: Address,
  core: EigenLayerCore,
  token: { name: string; symbol: string; decimals: number },
): Promise<DevnetToken> {
  const address = await sender.deploy(deployer, getArtifact('TestToken'), [token.name, token.symbol, token.decimals]);
  await sender.write(deployer, core.strategyFactory, strategyFactoryAbi, 'deployNewStrategy', [address]);
  const strategy = await sender.client.readContract({ address: core.strategyFactory, abi: strategyFactoryAbi, functionName: 'deployedStrategies', args: [address] });
  return { ...token, address, strategy: getAddress(strategy) };
}
