// The mainnet build defaults, shared by the build-time resolver and the Node fallback: chain 1 of
// the registry with its public RPCs.
import { MAINNET_DEPLOYMENTS } from '../chains/deployments.js';
import { chainInfo } from '../chains/registry.js';
import { deploymentsToPlain } from './deployments-to-plain.js';
import type { BuildDefaults } from './build-defaults-types.js';

export function resolveMainnetDefaults(fastAlarms = false): BuildDefaults {
  const d = MAINNET_DEPLOYMENTS;
  return {
    network: 'mainnet',
    chainId: d.chainId,
    rpcUrls: [...(chainInfo(d.chainId)?.rpcUrls ?? [])],
    deployments: deploymentsToPlain(d),
    fastAlarms,
  };
}
