// Manifest types for the Karak part of the devnet (manifest.contracts.karak / manifest.scenario.karak).
// contracts.karak has exactly the keys lib/chains/deployments.ts parseDeployments() reads.
import type { Address, Hex } from 'viem';

export interface KarakManifestContracts {
  core: Address;
  vaultSupervisor: Address;
  delegationSupervisor: Address;
  /** Block of the Core deployment: where DeployedVault / registration log scans start. */
  fromBlock: number;
}

export interface KarakManifestScenario {
  /** Unix seconds when Karak seeding started and finished (the seeding moves the clock forward 18 days). */
  startedAt: number;
  seededAt: number;
  parameters: {
    minStakeUpdateDelay: number;
    minWithdrawalDelay: number;
    slashingVetoWindow: number;
    slashingCooldown: number;
    v1WithdrawalDelay: number;
  };
  /** Core owner = manager and veto committee (the devnet deployer). */
  vetoCommittee: Address;
  vaultImplementation: Address;
  slashingHandlers: { asset: Address; handler: Address }[];
  /** DSS contracts (KarakTestDSS, owned by `owner`), max slashable in WAD x 100 (10e18 = 10 %). */
  dss: { address: Address; owner: Address; maxSlashablePercentageWad: string; operators: Address[] }[];
  /** V2 vaults with the DSSs they are staked to (finalized stake updates only). */
  vaults: { address: Address; operator: Address; asset: Address; dss: Address[] }[];
  v1Vaults: { address: Address; asset: Address }[];
  deposits: { staker: Address; vault: Address; version: 1 | 2; assets: string }[];
  slashes: {
    dss: Address; operator: Address; vaults: Address[]; slashPercentagesWad: string[]; nonce: number;
    requestedAt: number; status: 'finalized' | 'requested'; finalizedAt: number | null; txHash: Hex;
  }[];
  pendingRedeems: { staker: Address; vault: Address; nonce: number; withdrawalKey: Hex; shares: string; start: number; completableAt: number }[];
  stakeUpdates: { operator: Address; vault: Address; dss: Address; toStake: boolean; nonce: number; startTimestamp: number; finalizableAt: number }[];
  v1Withdrawals: { staker: Address; root: Hex; vaults: Address[]; shares: string[]; start: number; completableAt: number }[];
  notes: string;
}
