// The mainnet build defaults, shared by the build-time resolver and the Node fallback.
import { MAINNET_DEPLOYMENTS } from '../chains/deployments.js';
import { deploymentsToPlain } from './deployments-to-plain.js';
import type { BuildDefaults } from './build-defaults-types.js';
import { MAINNET_RPC_URLS } from './mainnet-rpc-urls.js';

export function resolveMainnetDefaults(fastAlarms = false): BuildDefaults {
  const d = MAINNET_DEPLOYMENTS;
  return {
    network: 'mainnet',
    chainId: d.chainId,
    rpcUrls: [...MAINNET_RPC_URLS],
    deployments: deploymentsToPlain(d),
    fastAlarms,
  };
}
