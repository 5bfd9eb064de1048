// Deploys Symbiotic core v1 the way its script/deploy/base/DeployCoreBase.s.sol does: factories and
// registries, metadata services, the middleware service, both opt-in services, then the vault
// implementations (1 = Vault, 2 = VaultTokenized), delegator types 0-3 and slasher types 0-1 are
// whitelisted in that order (the order defines the version/type numbers), then VaultConfigurator.
// The factories stay owned by the deployer (the script transfers them to a multisig).
import { getAddress, type Address } from 'viem';
import type { TxSender } from '../tx-sender.js';
import { compileSymbiotic, getSymbioticArtifact } from './compile-symbiotic.js';

export interface SymbioticCore {
  vaultFactory: Address;
  delegatorFactory: Address;
  slasherFactory: Address;
  networkRegistry: Address;
  operatorRegistry: Address;
  operatorMetadataService: Address;
  networkMetadataService: Address;
  networkMiddlewareService: Address;
  operatorVaultOptInService: Address;
  operatorNetworkOptInService: Address;
  vaultConfigurator: Address;
  implementations: {
    vault: Address;
    vaultTokenized: Address;
    networkRestakeDelegator: Address;
    fullRestakeDelegator: Address;
    operatorSpecificDelegator: Address;
    operatorNetworkSpecificDelegator: Address;
    slasher: Address;
    vetoSlasher: Address;
  };
  /** Block of the VaultFactory deployment: where AddEntity log scans start. */
  fromBlock: number;
}

export async function deploySymbiotic(sender: TxSender, deployer: Address): Promise<SymbioticCore> {
  const set = compileSymbiotic();
  const art = (name: string) => getSymbioticArtifact(name, set);
  const deploy = (name: string, args: readonly unknown[] = []) => sender.deploy(deployer, art(name), args);
  const whitelist = async (factory: Address, factoryName: string, impl: Address) => {
    await sender.write(deployer, factory, art(factoryName).abi, 'whitelist', [impl]);
  };

  const vaultFactory = await deploy('VaultFactory', [deployer]);
  const fromBlock = Number(await sender.client.getBlockNumber());
  const delegatorFactory = await deploy('DelegatorFactory', [deployer]);
  const slasherFactory = await deploy('SlasherFactory', [deployer]);
  const networkRegistry = await deploy('NetworkRegistry');
  const operatorRegistry = await deploy('OperatorRegistry');
  const operatorMetadataService = await deploy('MetadataService', [operatorRegistry]);
  const networkMetadataService = await deploy('MetadataService', [networkRegistry]);
  const networkMiddlewareService = await deploy('NetworkMiddlewareService', [networkRegistry]);
  const operatorVaultOptInService = await deploy('OptInService', [operatorRegistry, vaultFactory, 'OperatorVaultOptInService']);
  const operatorNetworkOptInService = await deploy('OptInService', [operatorRegistry, networkRegistry, 'OperatorNetworkOptInService']);

  const vault = await deploy('Vault', [delegatorFactory, slasherFactory, vaultFactory]);
  await whitelist(vaultFactory, 'VaultFactory', vault); // version 1
  const vaultTokenized = await deploy('VaultTokenized', [delegatorFactory, slasherFactory, vaultFactory]);
  await whitelist(vaultFactory, 'VaultFactory', vaultTokenized); // version 2

  // Each implementation is told its own TYPE (= the factory's totalTypes() before whitelisting).
  const optIns = [operatorVaultOptInService, operatorNetworkOptInService, delegatorFactory];
  const networkRestakeDelegator = await deploy('NetworkRestakeDelegator', [networkRegistry, vaultFactory, ...optIns, 0n]);
  await whitelist(delegatorFactory, 'DelegatorFactory', networkRestakeDelegator);
  const fullRestakeDelegator = await deploy('FullRestakeDelegator', [networkRegistry, vaultFactory, ...optIns, 1n]);
  await whitelist(delegatorFactory, 'DelegatorFactory', fullRestakeDelegator);
  const operatorSpecificDelegator = await deploy('OperatorSpecificDelegator', [operatorRegistry, networkRegistry, vaultFactory, ...optIns, 2n]);
  await whitelist(delegatorFactory, 'DelegatorFactory', operatorSpecificDelegator);
  const operatorNetworkSpecificDelegator = await deploy('OperatorNetworkSpecificDelegator', [operatorRegistry, networkRegistry, vaultFactory, ...optIns, 3n]);
  await whitelist(delegatorFactory, 'DelegatorFactory', operatorNetworkSpecificDelegator);

  const slasher = await deploy('Slasher', [vaultFactory, networkMiddlewareService, slasherFactory, 0n]);
  await whitelist(slasherFactory, 'SlasherFactory', slasher);
  const vetoSlasher = await deploy('VetoSlasher', [vaultFactory, networkMiddlewareService, networkRegistry, slasherFactory, 1n]);
  await whitelist(slasherFactory, 'SlasherFactory', vetoSlasher);

  const vaultConfigurator = await deploy('VaultConfigurator', [vaultFactory, delegatorFactory, slasherFactory]);

  // The script's asserts: versions and types came out in the documented order.
  const read = (address: Address, name: string, functionName: string, args: readonly unknown[] = []) =>
    sender.client.readContract({ address, abi: art(name).abi, functionName, args } as never) as Promise<unknown>;
  const checks: [unknown, unknown][] = [
    [getAddress((await read(vaultFactory, 'VaultFactory', 'implementation', [1n])) as Address), vault],
    [getAddress((await read(vaultFactory, 'VaultFactory', 'implementation', [2n])) as Address), vaultTokenized],
    [await read(operatorNetworkSpecificDelegator, 'OperatorNetworkSpecificDelegator', 'TYPE'), 3n],
    [await read(vetoSlasher, 'VetoSlasher', 'TYPE'), 1n],
  ];
  for (const [actual, expected] of checks) {
    if (actual !== expected) throw new Error(`Symbiotic devnet deployment: expected ${String(expected)}, got ${String(actual)}`);
  }

  return {
    vaultFactory, delegatorFactory, slasherFactory, networkRegistry, operatorRegistry,
    operatorMetadataService, networkMetadataService, networkMiddlewareService,
    operatorVaultOptInService, operatorNetworkOptInService, vaultConfigurator,
    implementations: {
      vault, vaultTokenized, networkRestakeDelegator, fullRestakeDelegator,
      operatorSpecificDelegator, operatorNetworkSpecificDelegator, slasher, vetoSlasher,
    },
    fromBlock,
  };
}
