// The (address -> contract kind) table the decoder resolves every call against before choosing an
// ABI (reference §6: a selector means something only together with its target). Static entries come
// from the chain's Deployments and, on chain 1, the LRT contracts; vaults are discovered at runtime,
// so Symbiotic and Karak V2 vaults are answered by caller-supplied lookups.
import { getAddress, type Address } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import { InvalidDeploymentsError } from '../errors/errors.js';
import { MAINNET_LRT_TARGETS, type LrtTarget } from './lrt-targets.js';

export type StaticTarget =
  | { kind: 'eigenlayer-delegation-manager' }
  | { kind: 'eigenlayer-strategy-manager' }
  | { kind: 'karak-v1-vault-supervisor' }
  | { kind: 'karak-v1-delegation-supervisor' }
  | ({ kind: 'lrt' } & Omit<LrtTarget, 'address'>);

export type ResolvedTarget = StaticTarget | { kind: 'symbiotic-vault' } | { kind: 'karak-v2-vault' };

/**
 * Synchronous on purpose: decoding runs on every intercepted transaction. Back a lookup with the
 * vaults the adapters already discovered; for an address not known yet, see `vaultLookupCandidate`.
 */
export type VaultLookup = (address: Address) => boolean;

export interface KnownTargets {
  chainId: number;
  /** Keyed by lower-case address. */
  byAddress: ReadonlyMap<string, StaticTarget>;
  isSymbioticVault: VaultLookup;
  isKarakVault: VaultLookup;
}

export interface BuildKnownTargetsOptions {
  deployments: Deployments;
  /** Defaults to MAINNET_LRT_TARGETS on chain 1 and none elsewhere. */
  lrtTargets?: readonly LrtTarget[];
  isSymbioticVault?: VaultLookup;
  isKarakVault?: VaultLookup;
}

const never: VaultLookup = () => false;

export function buildKnownTargets(options: BuildKnownTargetsOptions): KnownTargets {
  const { deployments } = options;
  const byAddress = new Map<string, StaticTarget>();
  const add = (address: Address | undefined, target: StaticTarget) => {
    if (!address) return;
    const key = address.toLowerCase();
    // Two roles on one address would make a selector ambiguous again: refuse the configuration.
    if (byAddress.has(key)) throw new InvalidDeploymentsError(`${getAddress(address)} is listed twice (${byAddress.get(key)!.kind} and ${target.kind}); fix the deployments file`);
    byAddress.set(key, target);
  };
  add(deployments.eigenlayer?.delegationManager, { kind: 'eigenlayer-delegation-manager' });
  add(deployments.eigenlayer?.strategyManager, { kind: 'eigenlayer-strategy-manager' });
  add(deployments.karak?.vaultSupervisor, { kind: 'karak-v1-vault-supervisor' });
  add(deployments.karak?.delegationSupervisor, { kind: 'karak-v1-delegation-supervisor' });
  const lrt = options.lrtTargets ?? (deployments.chainId === 1 ? MAINNET_LRT_TARGETS : []);
  for (const { address, ...rest } of lrt) add(address, { kind: 'lrt', ...rest });
  return {
    chainId: deployments.chainId,
    byAddress,
    isSymbioticVault: options.isSymbioticVault ?? never,
    isKarakVault: options.isKarakVault ?? never,
  };
}

/** A lookup that throws is treated as "no": the guard must never break on our own bug. */
function ask(lookup: VaultLookup, address: Address): boolean {
  try {
    return lookup(address) === true;
  } catch {
    return false;
  }
}

/** Static table first (so a known contract is never mistaken for a vault), then the vault lookups. */
export function resolveTarget(known: KnownTargets, to: Address): ResolvedTarget | null {
  const fixed = known.byAddress.get(to.toLowerCase());
  if (fixed) return fixed;
  const address = getAddress(to);
  if (ask(known.isSymbioticVault, address)) return { kind: 'symbiotic-vault' };
  if (ask(known.isKarakVault, address)) return { kind: 'karak-v2-vault' };
  return null;
}
