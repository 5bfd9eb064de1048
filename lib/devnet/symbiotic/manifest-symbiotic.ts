// The Symbiotic parts of the devnet manifest: `contracts.symbiotic` has exactly the keys
// lib/chains/deployments.ts parseDeployments() reads; `scenario.symbiotic` says what was seeded.
import type { Address, Hex } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';

/** Exactly the `contracts.symbiotic` shape parseDeployments reads, with the optional parts the devnet always has. */
export type SymbioticContractsManifest = Omit<SymbioticAddresses, 'vaultConfigurator' | 'fromBlock' | 'stakerRewardsFactoryV1' | 'burnerRouterFactory'> & {
  vaultConfigurator: Address;
  fromBlock: number;
};

export interface ManifestSymbioticSubnetwork {
  network: Address;
  identifier: number;
  subnetwork: Hex;
  maxNetworkLimit: string;
  /** Curator's networkLimit (types 0-2); null for type 3, where maxNetworkLimit is the cap. */
  networkLimit: string | null;
  /** Type 0: operator -> operatorNetworkShares; type 1: operator -> operatorNetworkLimit. */
  operators: Record<string, string>;
}

export interface ManifestSymbioticVault {
  name: string;
  address: Address;
  /** 1 = Vault, 2 = VaultTokenized. */
  version: 1 | 2;
  delegator: Address;
  /** 0 NetworkRestake, 1 FullRestake, 2 OperatorSpecific, 3 OperatorNetworkSpecific. */
  delegatorType: 0 | 1 | 2 | 3;
  slasher: Address | null;
  slasherType: 'instant' | 'veto' | 'none';
  vetoDuration: number | null;
  collateral: Address;
  collateralSymbol: string;
  burner: Address;
  /** Vault owner (may migrate) and holder of every curator role. */
  curator: Address;
  epochDuration: number;
  networks: ManifestSymbioticSubnetwork[];
  /** Operators opted into the vault (and into its networks). */
  operators: Address[];
  deposits: { staker: Address; amount: string }[];
}

export interface ManifestSymbioticNetwork {
  name: string;
  address: Address;
  middleware: Address;
  /** VetoSlasher vaults only: the resolver this network set, per vault. */
  resolvers: { vault: Address; identifier: number; resolver: Address }[];
}

export interface ManifestSymbioticSlash {
  vault: Address;
  slasher: Address;
  subnetwork: Hex;
  operator: Address;
  requested: string;
  slashedAmount: string;
  captureTimestamp: number;
  block: number;
  txHash: Hex;
}

export interface ManifestSymbioticWithdrawal {
  vault: Address;
  staker: Address;
  amount: string;
  /** Bucket epoch (epoch of the withdraw tx + 1); claimable once currentEpoch() > epoch. */
  epoch: number;
  /** Unix seconds: start of epoch + 1. */
  claimableAt: number;
}

export interface SymbioticScenarioManifest {
  epochDuration: number;
  vaults: ManifestSymbioticVault[];
  networks: ManifestSymbioticNetwork[];
  slashes: ManifestSymbioticSlash[];
  withdrawals: ManifestSymbioticWithdrawal[];
  notes: string;
}
