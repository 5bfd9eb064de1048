// Settings -> what one refresh reads: the active chain's RPCs and deployments. Precedence:
// the user's override > the build's defaults (mainnet, or the devnet baked in) > known chains.
import { parseDeployments, type Deployments } from '../../chains/deployments.js';
import { defaultDeployments } from '../../chains/registry.js';
import { InvalidSettingsError } from '../../errors/errors.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import { BUILD_DEFAULTS, BUILD_DEPLOYMENTS } from '../build-defaults.js';
import type { Settings } from '../storage/settings.js';

export function defaultDeploymentsFor(chainId: number): Deployments | undefined {
  return chainId === BUILD_DEFAULTS.chainId ? BUILD_DEPLOYMENTS : defaultDeployments(chainId);
}

export function effectiveChainConfig(settings: Settings): RefreshConfig {
  const chainId = settings.activeChainId;
  const chain = settings.chains[String(chainId)];
  const rpcUrls = chain?.rpcUrls.length ? chain.rpcUrls : chainId === BUILD_DEFAULTS.chainId ? BUILD_DEFAULTS.rpcUrls : [];
  if (rpcUrls.length === 0) throw new InvalidSettingsError(`No RPC URL for chain ${chainId}: add one in Options`);
  const override = chain?.deploymentsOverride;
  const deployments = override == null ? defaultDeploymentsFor(chainId) : parseDeployments(override);
  if (!deployments) throw new InvalidSettingsError(`No contract deployments known for chain ${chainId}: paste a deployments file in Options`);
  if (deployments.chainId !== chainId) throw new InvalidSettingsError(`Deployments are for chain ${deployments.chainId}, but the active chain is ${chainId}`);
  return { chainId, rpcUrls: [...rpcUrls], deployments };
}
