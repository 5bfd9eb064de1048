// Contract addresses per chain: mainnet defaults from the reference, overridable by a deployments
// file (the devnet manifest is one). Everything read from a file is untrusted and validated here.
import { getAddress, isAddress, type Address } from 'viem';
import { InvalidDeploymentsError } from '../errors/errors.js';
import { MAINNET_VALUATION, MAINNET_VALUATION_UNCONFIRMED } from './mainnet-valuation.js';
import { parseValuation, type ValuationDeployments } from './valuation-config.js';

export type { PriceFeed, RateMethod, ValuationDeployments, YieldSource } from './valuation-config.js';

export interface EigenLayerAddresses {
  delegationManager: Address;
  strategyManager: Address;
  eigenPodManager: Address;
  allocationManager: Address;
  avsDirectory?: Address;
  rewardsCoordinator?: Address;
  strategyFactory?: Address;
}

/** Symbiotic core v1 (reference §2.2). */
export interface SymbioticAddresses {
  vaultFactory: Address;
  delegatorFactory: Address;
  slasherFactory: Address;
  networkRegistry: Address;
  operatorRegistry: Address;
  networkMiddlewareService: Address;
  operatorVaultOptInService: Address;
  operatorNetworkOptInService: Address;
  vaultConfigurator?: Address;
  /** DefaultStakerRewards factories (v2 then v1), for rewards. */
  stakerRewardsFactory?: Address;
  stakerRewardsFactoryV1?: Address;
  burnerRouterFactory?: Address;
  /** Block the VaultFactory was deployed at: where log scans for AddEntity start. */
  fromBlock?: number;
}

/** Karak (reference §3.1): V2 Core, and the V1 deposit layer. */
export interface KarakAddresses {
  core?: Address;
  vaultSupervisor?: Address;
  delegationSupervisor?: Address;
  /** Block the V2 Core was deployed at: where DeployedVault / registration log scans start. */
  fromBlock?: number;
}

export interface Deployments {
  chainId: number;
  multicall3: Address;
  /** Absent on chains where EigenLayer is not deployed (e.g. Arbitrum). */
  eigenlayer?: EigenLayerAddresses;
  symbiotic?: SymbioticAddresses;
  karak?: KarakAddresses;
  /** LST/LRT rate sources (base staking yield) and Chainlink price feeds; absent = nothing valued. */
  valuation?: ValuationDeployments;
  /** Addresses the reference marks UNCONFIRMED: verified on chain on first use, disabled if the check fails. */
  unconfirmed?: string[];
}

export const MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';
/** EigenLayer's sentinel "strategy" for beacon-chain ETH: no contract lives there; 1 share = 1 wei. */
export const BEACON_CHAIN_ETH_STRATEGY: Address = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0';

export const MAINNET_DEPLOYMENTS: Deployments = {
  chainId: 1,
  multicall3: MULTICALL3,
  eigenlayer: {
    delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
    strategyManager: '0x858646372CC42E1A627fcE94aa7A7033e7CF075A',
    eigenPodManager: '0x91E677b07F7AF907ec9a428aafA9fc14a0d3A338',
    allocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
    avsDirectory: '0x135DDa560e946695d6f155dACaFC6f1F25C1F5AF',
    rewardsCoordinator: '0x7750d328b314EfFa365A0402CcfD489B80B0adda',
    strategyFactory: '0x5e4C39Ad7A3E881585e383dB9827EB4811f6F647',
  },
  symbiotic: {
    vaultFactory: '0xAEb6bdd95c502390db8f52c8909F703E9Af6a346',
    delegatorFactory: '0x985Ed57AF9D475f1d83c1c1c8826A0E5A34E8C7B',
    slasherFactory: '0x685c2eD7D59814d2a597409058Ee7a92F21e48Fd',
    networkRegistry: '0xC773b1011461e7314CF05f97d95aa8e92C1Fd8aA',
    operatorRegistry: '0xAd817a6Bc954F678451A71363f04150FDD81Af9F',
    networkMiddlewareService: '0xD7dC9B366c027743D90761F71858BCa83C6899Ad',
    operatorVaultOptInService: '0xb361894bC06cbBA7Ea8098BF0e32EB1906A5F891',
    operatorNetworkOptInService: '0x7133415b33B438843D581013f98A08704316633c',
    vaultConfigurator: '0x29300b1d3150B4E2b12fE80BE72f365E200441EC',
    stakerRewardsFactory: '0xFEB871581C2ab2e1EEe6f7dDC7e6246cFa087A23',
    stakerRewardsFactoryV1: '0x290CAB97a312164Ccf095d75D6175dF1C4A0a25F',
    burnerRouterFactory: '0x99F2B89fB3C363fBafD8d826E5AA77b28bAB70a0',
  },
  karak: {
    core: '0x27e9C40128c77B157130Fc5fAEFcDe26D6194c15',
    vaultSupervisor: '0x54e44DbB92dBA848ACe27F44c0CB4268981eF1CC',
    delegationSupervisor: '0xAfa904152E04aBFf56701223118Be2832A4449E0',
  },
  valuation: MAINNET_VALUATION,
  unconfirmed: ['karak.core', 'karak.vaultSupervisor', 'karak.delegationSupervisor', ...MAINNET_VALUATION_UNCONFIRMED],
};

const REQUIRED_EL = ['delegationManager', 'strategyManager', 'eigenPodManager', 'allocationManager'] as const;
const OPTIONAL_EL = ['avsDirectory', 'rewardsCoordinator', 'strategyFactory'] as const;
const REQUIRED_SYMBIOTIC = [
  'vaultFactory', 'delegatorFactory', 'slasherFactory', 'networkRegistry', 'operatorRegistry',
  'networkMiddlewareService', 'operatorVaultOptInService', 'operatorNetworkOptInService',
] as const;
const OPTIONAL_SYMBIOTIC = ['vaultConfigurator', 'stakerRewardsFactory', 'stakerRewardsFactoryV1', 'burnerRouterFactory'] as const;
const OPTIONAL_KARAK = ['core', 'vaultSupervisor', 'delegationSupervisor'] as const;

function section(root: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = root[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidDeploymentsError(`contracts.${key} must be an object`);
  return v as Record<string, unknown>;
}

function fromBlock(obj: Record<string, unknown>, where: string): number | undefined {
  const v = obj.fromBlock;
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InvalidDeploymentsError(`${where}.fromBlock must be a block number`, { value: v });
  return v;
}

function addressAt(obj: Record<string, unknown>, key: string, where: string): Address {
  const value = obj[key];
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) {
    throw new InvalidDeploymentsError(`${where}.${key} must be a 0x-prefixed 20-byte address`, { value });
  }
  return getAddress(value);
}

/**
 * Accepts a deployments file: `{ chainId, contracts: { multicall3?, eigenlayer: {...} } }`.
 * The devnet manifest has this shape (plus actors and scenario, ignored here).
 */
export function parseDeployments(input: unknown): Deployments {
  if (typeof input !== 'object' || input === null) throw new InvalidDeploymentsError('deployments must be a JSON object');
  const root = input as Record<string, unknown>;
  const chainId = root.chainId;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new InvalidDeploymentsError('chainId must be a positive integer', { value: chainId });
  }
  const contracts = root.contracts;
  if (typeof contracts !== 'object' || contracts === null) throw new InvalidDeploymentsError('contracts is missing');
  const c = contracts as Record<string, unknown>;
  const out: Deployments = { chainId, multicall3: c.multicall3 === undefined ? MULTICALL3 : addressAt(c, 'multicall3', 'contracts') };
  const elr = section(c, 'eigenlayer');
  if (elr) {
    const eigenlayer = {} as EigenLayerAddresses;
    for (const key of REQUIRED_EL) eigenlayer[key] = addressAt(elr, key, 'contracts.eigenlayer');
    for (const key of OPTIONAL_EL) if (elr[key] !== undefined) eigenlayer[key] = addressAt(elr, key, 'contracts.eigenlayer');
    out.eigenlayer = eigenlayer;
  }
  const sym = section(c, 'symbiotic');
  if (sym) {
    const symbiotic = {} as SymbioticAddresses;
    for (const key of REQUIRED_SYMBIOTIC) symbiotic[key] = addressAt(sym, key, 'contracts.symbiotic');
    for (const key of OPTIONAL_SYMBIOTIC) if (sym[key] !== undefined) symbiotic[key] = addressAt(sym, key, 'contracts.symbiotic');
    const fb = fromBlock(sym, 'contracts.symbiotic');
    if (fb !== undefined) symbiotic.fromBlock = fb;
    out.symbiotic = symbiotic;
  }
  const kr = section(c, 'karak');
  if (kr) {
    const karak: KarakAddresses = {};
    for (const key of OPTIONAL_KARAK) if (kr[key] !== undefined) karak[key] = addressAt(kr, key, 'contracts.karak');
    const fb = fromBlock(kr, 'contracts.karak');
    if (fb !== undefined) karak.fromBlock = fb;
    out.karak = karak;
  }
  if (c.valuation !== undefined) out.valuation = parseValuation(c.valuation);
  const unconfirmed = root.unconfirmed ?? c.unconfirmed;
  if (unconfirmed !== undefined) {
    if (!Array.isArray(unconfirmed) || !unconfirmed.every((u) => typeof u === 'string' && /^(eigenlayer|symbiotic|karak|valuation)\.[A-Za-z0-9]+$/.test(u))) {
      throw new InvalidDeploymentsError('unconfirmed must be a list like ["karak.core", "valuation.0x…"]', { value: unconfirmed });
    }
    out.unconfirmed = [...(unconfirmed as string[])];
  }
  if (!out.eigenlayer && !out.symbiotic && !out.karak) {
    throw new InvalidDeploymentsError('contracts must name at least one protocol (eigenlayer, symbiotic or karak)');
  }
  return out;
}
