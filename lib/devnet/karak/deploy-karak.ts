// Deploys the Karak devnet contracts: V2 Core (with its vault template), one slashing handler per
// asset, two DSS contracts, and the V1 VaultSupervisor/DelegationSupervisor with one V1 vault per asset.
import { getAddress, type Address } from 'viem';
import { coreAbi } from '../../protocols/karak/abi.js';
import { compileContracts, getArtifact } from '../compile.js';
import type { TxSender } from '../tx-sender.js';

export const KARAK_V1_WITHDRAWAL_DELAY = 7 * 24 * 3600;

export interface KarakDeployment {
  core: Address;
  vaultTemplate: Address;
  fromBlock: number;
  handlers: Map<Address, Address>; // asset -> handler
  dss: { address: Address; maxSlashablePercentageWad: bigint }[];
  vaultSupervisor: Address;
  delegationSupervisor: Address;
  v1Vaults: { address: Address; asset: Address }[];
}

export async function deployKarak(
  sender: TxSender,
  deployer: Address,
  assets: { address: Address; symbol: string }[],
  dssMaxima: bigint[],
): Promise<KarakDeployment> {
  const art = compileContracts();
  const a = (name: string) => getArtifact(name, art);
  const vaultTemplate = await sender.deploy(deployer, a('KarakVault'));
  const core = await sender.deploy(deployer, a('KarakCore'), [deployer, vaultTemplate]);
  const fromBlock = Number(await sender.client.getBlockNumber());

  const handlers = new Map<Address, Address>();
  for (const asset of assets) handlers.set(asset.address, await sender.deploy(deployer, a('KarakSlashingHandler'), [asset.address]));
  await sender.write(deployer, core, coreAbi, 'allowlistAssets', [[...handlers.keys()], [...handlers.values()]]);

  const dss: KarakDeployment['dss'] = [];
  for (const max of dssMaxima) {
    const address = await sender.deploy(deployer, a('KarakTestDSS'), [core, deployer]);
    await sender.write(deployer, address, a('KarakTestDSS').abi, 'register', [max]);
    dss.push({ address, maxSlashablePercentageWad: max });
  }

  const vsArt = a('KarakVaultSupervisor');
  const vaultSupervisor = await sender.deploy(deployer, vsArt);
  const delegationSupervisor = await sender.deploy(deployer, a('KarakDelegationSupervisor'), [vaultSupervisor, KARAK_V1_WITHDRAWAL_DELAY]);
  await sender.write(deployer, vaultSupervisor, vsArt.abi, 'setDelegationSupervisor', [delegationSupervisor]);
  for (const asset of assets) await sender.write(deployer, vaultSupervisor, vsArt.abi, 'deployVault', [asset.address, `Karak V1 ${asset.symbol}`, `kv1${asset.symbol}`]);
  const v1 = (await sender.client.readContract({ address: vaultSupervisor, abi: vsArt.abi, functionName: 'getVaults' })) as Address[];
  const v1Vaults = v1.map((v, i) => ({ address: getAddress(v), asset: assets[i]!.address }));
  return { core, vaultTemplate, fromBlock, handlers, dss, vaultSupervisor, delegationSupervisor, v1Vaults };
}
