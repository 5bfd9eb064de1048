// Settings -> what one chain's refresh reads: its RPCs and deployments. Precedence: the user's
// RPCs / deployments override > the built-in defaults (the devnet baked into a devnet build, else
// the chain registry).
import { parseDeployments } from '../../chains/deployments.js';
import { InvalidSettingsError } from '../../errors/errors.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import { defaultDeploymentsFor, defaultRpcUrlsFor } from '../chains/known-chains.js';
import type { Settings } from '../storage/settings.js';

export function effectiveChainConfig(settings: Settings, chainId: number): RefreshConfig {
  const chain = settings.chains[String(chainId)];
  const rpcUrls = chain?.rpcUrls.length ? chain.rpcUrls : defaultRpcUrlsFor(chainId);
  if (rpcUrls.length === 0) throw new InvalidSettingsError(`No RPC URL for chain ${chainId}: add one in Options`);
  const override = chain?.deploymentsOverride;
  const deployments = override == null ? defaultDeploymentsFor(chainId) : parseDeployments(override);
  if (!deployments) throw new InvalidSettingsError(`No contract deployments known for chain ${chainId}: paste a deployments file in Options`);
  if (deployments.chainId !== chainId) throw new InvalidSettingsError(`Deployments are for chain ${deployments.chainId}, not chain ${chainId}`);
  return { chainId, rpcUrls: [...rpcUrls], deployments };
}
