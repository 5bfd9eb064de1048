// Contract addresses per chain: mainnet defaults from the reference, overridable by a deployments
// file (the devnet manifest is one). Everything read from a file is untrusted and validated here.
import { getAddress, isAddress, type Address } from 'viem';
import { InvalidDeploymentsError } from '../errors/errors.js';

export interface EigenLayerAddresses {
  delegationManager: Address;
  strategyManager: Address;
  eigenPodManager: Address;
  allocationManager: Address;
  avsDirectory?: Address;
  rewardsCoordinator?: Address;
  strategyFactory?: Address;
}

export interface Deployments {
  chainId: number;
  multicall3: Address;
  eigenlayer: EigenLayerAddresses;
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
};

const REQUIRED_EL = ['delegationManager', 'strategyManager', 'eigenPodManager', 'allocationManager'] as const;
const OPTIONAL_EL = ['avsDirectory', 'rewardsCoordinator', 'strategyFactory'] as const;

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
  const el = c.eigenlayer;
  if (typeof el !== 'object' || el === null) throw new InvalidDeploymentsError('contracts.eigenlayer is missing');
  const elr = el as Record<string, unknown>;
  const eigenlayer = {} as EigenLayerAddresses;
  for (const key of REQUIRED_EL) eigenlayer[key] = addressAt(elr, key, 'contracts.eigenlayer');
  for (const key of OPTIONAL_EL) if (elr[key] !== undefined) eigenlayer[key] = addressAt(elr, key, 'contracts.eigenlayer');
  const multicall3 = c.multicall3 === undefined ? MULTICALL3 : addressAt(c, 'multicall3', 'contracts');
  return { chainId, multicall3, eigenlayer };
}

export function defaultDeployments(chainId: number): Deployments | undefined {
  return chainId === 1 ? MAINNET_DEPLOYMENTS : undefined;
}
