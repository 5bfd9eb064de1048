// Node-only (used by wxt.config.ts at build time): turns the build environment into the defaults
// baked into the extension. A bad devnet manifest fails the build loudly rather than shipping an
// extension that silently falls back to mainnet.
import { readFileSync } from 'node:fs';
import { parseDeployments } from '../chains/deployments.js';
import { InvalidDeploymentsError } from '../errors/errors.js';
import { deploymentsToPlain } from './deployments-to-plain.js';
import type { BuildDefaults } from './build-defaults-types.js';
import { resolveMainnetDefaults } from './mainnet-defaults.js';

export function resolveBuildDefaults(env: Record<string, string | undefined>, readFile = (p: string) => readFileSync(p, 'utf8')): BuildDefaults {
  const fastAlarms = env.RESTAKE_FAST_ALARMS === '1';
  const manifestPath = env.RESTAKE_DEVNET_MANIFEST;
  if (!manifestPath) return resolveMainnetDefaults(fastAlarms);
  const json: unknown = JSON.parse(readFile(manifestPath));
  const d = parseDeployments(json);
  const rpcUrl = (json as { rpcUrl?: unknown }).rpcUrl;
  if (typeof rpcUrl !== 'string' || !/^https?:\/\//.test(rpcUrl)) {
    throw new InvalidDeploymentsError(`RESTAKE_DEVNET_MANIFEST ${manifestPath}: rpcUrl must be an http(s) URL`, { rpcUrl });
  }
  return {
    network: 'devnet',
    chainId: d.chainId,
    rpcUrls: [rpcUrl],
    deployments: deploymentsToPlain(d),
    fastAlarms,
  };
}
