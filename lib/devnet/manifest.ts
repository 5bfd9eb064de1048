// The devnet manifest: where everything is and what the seeded scenario contains. Its top level has
// the shape lib/chains/deployments.ts parseDeployments() reads (chainId + contracts.eigenlayer).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Address, Hex } from 'viem';
import type { Actor } from './actors.js';
import { PROJECT_ROOT } from './compile.js';
import type { EigenLayerCore, DevnetToken } from './deploy-core.js';
import type { SymbioticContractsManifest, SymbioticScenarioManifest } from './symbiotic/manifest-symbiotic.js';
import type { KarakManifestContracts, KarakManifestScenario } from './karak/karak-manifest.js';
import type { EigenLayerRewardsScenario } from './rewards/seed-eigenlayer-rewards.js';
import type { ValuationManifest } from './rewards/seed-valuation.js';
import type { SymbioticRewardsScenario } from './symbiotic/seed-symbiotic-rewards.js';

export interface ManifestOperatorSet {
  avs: Address;
  id: number;
  redistributing: boolean;
  redistributionRecipient: Address | null;
  slasher: Address;
  registrar: Address;
  strategies: Address[];
  members: Address[];
}

export interface ManifestSlash {
  block: number;
  txHash: Hex;
  avs: Address;
  operatorSetId: number;
  operator: Address;
  strategies: Address[];
  wadsToSlash: string[];
  description: string;
}

export interface ManifestQueuedWithdrawal {
  staker: Address;
  root: Hex;
  startBlock: number;
  completableAfterBlock: number;
  strategies: Address[];
  depositShares: string[];
}

export interface ManifestPendingAllocation {
  operator: Address;
  avs: Address;
  operatorSetId: number;
  strategy: Address;
  magnitude: string;
  effectBlock: number;
}

export interface DevnetManifest {
  kind: 'restake-companion/devnet-manifest';
  version: 1;
  rpcUrl: string;
  chainId: number;
  contracts: {
    multicall3: Address;
    eigenlayer: EigenLayerCore & { rewardsCoordinator?: Address };
    valuation?: ValuationManifest;
    tokens: DevnetToken[];
    pods: { owner: Address; pod: Address }[];
    symbiotic?: SymbioticContractsManifest;
    karak?: KarakManifestContracts;
  };
  parameters: {
    minWithdrawalDelayBlocks: number;
    deallocationDelay: number;
    allocationConfigurationDelay: number;
    slasherConfigurationDelay: number;
    version: string;
    beaconChainETHStrategy: Address;
  };
  actors: Actor[];
  scenario: {
    seededAtBlock: number;
    operatorSets: ManifestOperatorSet[];
    slashes: ManifestSlash[];
    queuedWithdrawals: ManifestQueuedWithdrawal[];
    pendingAllocations: ManifestPendingAllocation[];
    notes: string;
    symbiotic?: SymbioticScenarioManifest;
    karak?: KarakManifestScenario;
    rewards?: { eigenlayer: EigenLayerRewardsScenario | null; symbiotic: SymbioticRewardsScenario | null };
  };
}

export function defaultManifestPath(port: number): string {
  return join(PROJECT_ROOT, '.cache', 'devnet', `manifest-${port}.json`);
}

export function writeManifest(manifest: DevnetManifest, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
