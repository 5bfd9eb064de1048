// The chains the extension offers: every chain of the registry plus the build's default chain (a
// devnet baked in by RESTAKE_DEVNET_MANIFEST is not in the registry). Which ones start enabled
// depends on the build: a normal build enables the registry's `enabledByDefault` chains; a devnet
// build enables only its devnet, so e2e runs and demos never call public RPCs.
import type { Deployments } from '../../chains/deployments.js';
import { CHAINS, chainName, defaultDeployments } from '../../chains/registry.js';
import { BUILD_DEFAULTS, BUILD_DEPLOYMENTS, type BuildDefaults } from '../build-defaults.js';

export interface KnownChain {
  chainId: number;
  name: string;
  testnet: boolean;
  /** Built-in RPCs, used when the user's list for the chain is empty. */
  defaultRpcUrls: readonly string[];
  enabledByDefault: boolean;
}

type BuildChain = Pick<BuildDefaults, 'network' | 'chainId' | 'rpcUrls'>;

/** Build chain first (a devnet build shows its devnet on top), then the registry's order. */
export function knownChains(build: BuildChain = BUILD_DEFAULTS): KnownChain[] {
  const devnet = build.network === 'devnet';
  const enabled = (chainId: number, registryDefault: boolean) => (devnet ? chainId === build.chainId : registryDefault);
  const list: KnownChain[] = CHAINS.map((c) => ({
    chainId: c.chainId,
    name: c.name,
    testnet: c.testnet,
    // A devnet manifest that reuses a registry chain id brings its own RPC.
    defaultRpcUrls: devnet && c.chainId === build.chainId ? build.rpcUrls : c.rpcUrls,
    enabledByDefault: enabled(c.chainId, c.enabledByDefault),
  }));
  const i = list.findIndex((c) => c.chainId === build.chainId);
  if (i >= 0) return [list[i]!, ...list.filter((_, j) => j !== i)];
  return [{ chainId: build.chainId, name: chainName(build.chainId), testnet: true, defaultRpcUrls: build.rpcUrls, enabledByDefault: true }, ...list];
}

export function knownChain(chainId: number, build: BuildChain = BUILD_DEFAULTS): KnownChain | undefined {
  return knownChains(build).find((c) => c.chainId === chainId);
}

/** Display order for a set of chain ids: known chains in their order, then others by id. */
export function orderChainIds(ids: Iterable<string | number>, build: BuildChain = BUILD_DEFAULTS): number[] {
  const rank = new Map(knownChains(build).map((c, i) => [c.chainId, i]));
  return [...new Set([...ids].map(Number))].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a - b);
}

/** Built-in RPCs of a chain ([] for a chain the user added by id). */
export function defaultRpcUrlsFor(chainId: number): readonly string[] {
  return knownChain(chainId)?.defaultRpcUrls ?? [];
}

/**
 * Built-in deployments: the devnet baked into a devnet build, else the registry's, used as they
 * are (the build defaults went through JSON and parseDeployments, which drops the `unconfirmed`
 * list the Karak adapter checks).
 */
export function defaultDeploymentsFor(chainId: number): Deployments | undefined {
  if (chainId === BUILD_DEFAULTS.chainId && BUILD_DEFAULTS.network === 'devnet') return BUILD_DEPLOYMENTS;
  return defaultDeployments(chainId) ?? (chainId === BUILD_DEFAULTS.chainId ? BUILD_DEPLOYMENTS : undefined);
}
