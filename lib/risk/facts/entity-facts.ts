// Typed fact records per entity kind: the normalized signals the rules read plus the raw per-kind
// facts behind them (for the popup's "details" and for tests). All read at one pinned block.
import type { Address } from 'viem';
import type { EntityKind } from '../entity.js';
import type { Fact } from './fact.js';
import type { Signals } from './signals.js';

export interface OperatorSetRef {
  avs: Address;
  id: number;
}

export interface EigenLayerOperatorDetails {
  delegationApprover: Fact<Address | null>;
  allocationDelayBlocks: Fact<number | null>;
  allocatedSets: Fact<OperatorSetRef[]>;
  /** maxMagnitude per strategy (1e18 = never slashed). */
  maxMagnitudes: Fact<Record<Address, bigint>>;
  redistributable: Fact<boolean>;
}
export interface EigenLayerAvsDetails {
  operatorSetCount: Fact<number>;
  sets: Fact<{ id: number; slasher: Address; memberCount: number; slashCount: number; redistributing: boolean; recipient: Address | null }[]>;
}
export interface EigenLayerOperatorSetDetails {
  slasher: Fact<Address>;
  memberCount: Fact<number>;
  strategies: Fact<Address[]>;
  slashCount: Fact<number>;
  redistributing: Fact<boolean>;
  recipient: Fact<Address | null>;
}
export interface SymbioticVaultDetails {
  version: Fact<number>;
  delegatorType: Fact<number>;
  slasher: Fact<Address | null>;
  slasherType: Fact<'instant' | 'veto' | 'none'>;
  burner: Fact<Address>;
  epochDurationSeconds: Fact<number>;
  activeStake: Fact<bigint>;
  subnetworks: Fact<{ subnetwork: `0x${string}`; network: Address; limit: bigint; middleware: Address | null }[]>;
}
export interface SymbioticNetworkDetails {
  middleware: Fact<Address | null>;
  vaults: Fact<Address[]>;
}
export interface SymbioticOperatorDetails {
  vaults: Fact<Address[]>;
  networks: Fact<Address[]>;
}
export interface KarakVaultDetails {
  operator: Fact<Address>;
  asset: Fact<Address>;
  totalAssets: Fact<bigint>;
  dss: Fact<Address[]>;
  queuedForSlashing: Fact<boolean>;
}
export interface KarakDssDetails {
  registered: Fact<boolean>;
  maxSlashablePercentWad: Fact<bigint>;
  operators: Fact<Address[]>;
}
export interface KarakOperatorDetails {
  vaults: Fact<Address[]>;
  dss: Fact<Address[]>;
}

interface DetailsByKind {
  'eigenlayer-operator': EigenLayerOperatorDetails;
  'eigenlayer-avs': EigenLayerAvsDetails;
  'eigenlayer-operator-set': EigenLayerOperatorSetDetails;
  'symbiotic-vault': SymbioticVaultDetails;
  'symbiotic-network': SymbioticNetworkDetails;
  'symbiotic-operator': SymbioticOperatorDetails;
  'karak-vault': KarakVaultDetails;
  'karak-dss': KarakDssDetails;
  'karak-operator': KarakOperatorDetails;
}

export type EntityFactsOf<K extends EntityKind> = {
  kind: K;
  address: Address;
  operatorSetId?: number;
  chainId: number;
  block: bigint;
  blockTimestamp: number;
  signals: Signals;
  details: DetailsByKind[K];
};

export type EntityFacts = { [K in EntityKind]: EntityFactsOf<K> }[EntityKind];
