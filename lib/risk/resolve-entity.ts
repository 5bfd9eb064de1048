// What is this address? The bundled registry first (it names the entity), then one batched round
// of chain checks: DelegationManager.isOperator, AllocationManager.getOperatorSetCount (AVS),
// Symbiotic registries' isEntity (vault, network, operator), Karak Core (DSS registered, operator
// vaults, vault implementation). One address can be several entities (an operator on all three).
import { getAddress, zeroAddress, type Address } from 'viem';
import { allocationManagerAbi, delegationManagerAbi } from '../protocols/eigenlayer/abi.js';
import { coreAbi } from '../protocols/karak/abi.js';
import { registryAbi } from '../protocols/symbiotic/abi.js';
import type { RegistryKind } from '../registry/types.js';
import type { EntityKind, ResolvedEntity } from './entity.js';
import type { RiskContext } from './gather/context.js';
import { FactRound } from './gather/fact-round.js';

const FROM_REGISTRY: Partial<Record<RegistryKind, EntityKind>> = {
  'eigenlayer-avs': 'eigenlayer-avs', 'eigenlayer-operator': 'eigenlayer-operator',
  'symbiotic-vault': 'symbiotic-vault', 'symbiotic-network': 'symbiotic-network', 'symbiotic-operator': 'symbiotic-operator',
  // Registry Karak vaults are V1 deposit vaults (no DSS, no slashing): not a V2 risk entity.
  'karak-dss': 'karak-dss',
};

/** Every entity the address is, registry matches first; [] when nothing matches. */
export async function resolveEntities(ctx: RiskContext, input: string): Promise<ResolvedEntity[]> {
  const address = getAddress(input);
  const chainId = ctx.deployments.chainId;
  const entries = ctx.registry.lookup(address, chainId);
  const out: ResolvedEntity[] = [];
  for (const e of entries) {
    const kind = FROM_REGISTRY[e.kind];
    if (kind && !out.some((o) => o.kind === kind)) out.push({ kind, address, via: 'registry', registry: e });
  }
  const r = new FactRound(ctx);
  const checks: [EntityKind, () => { status: string; value?: unknown }][] = [];
  const el = ctx.deployments.eigenlayer, sym = ctx.deployments.symbiotic, karak = ctx.deployments.karak;
  if (el) {
    checks.push(['eigenlayer-operator', r.read<boolean>(el.delegationManager, delegationManagerAbi, 'isOperator', [address], 'isOperator')]);
    checks.push(['eigenlayer-avs', r.read<boolean, bigint>(el.allocationManager, allocationManagerAbi, 'getOperatorSetCount', [address], 'getOperatorSetCount', (n) => n > 0n)]);
  }
  if (sym) {
    checks.push(['symbiotic-vault', r.read<boolean>(sym.vaultFactory, registryAbi, 'isEntity', [address], 'VaultFactory.isEntity')]);
    checks.push(['symbiotic-network', r.read<boolean>(sym.networkRegistry, registryAbi, 'isEntity', [address], 'NetworkRegistry.isEntity')]);
    checks.push(['symbiotic-operator', r.read<boolean>(sym.operatorRegistry, registryAbi, 'isEntity', [address], 'OperatorRegistry.isEntity')]);
  }
  if (karak?.core) {
    checks.push(['karak-dss', r.read<boolean>(karak.core, coreAbi, 'isDSSRegistered', [address], 'isDSSRegistered')]);
    checks.push(['karak-operator', r.read<boolean, readonly Address[]>(karak.core, coreAbi, 'getOperatorVaults', [address], 'getOperatorVaults', (v) => v.length > 0)]);
    checks.push(['karak-vault', r.read<boolean, Address>(karak.core, coreAbi, 'implementation', [address], 'implementation', (i) => i !== zeroAddress)]);
  }
  await r.run();
  for (const [kind, f] of checks) {
    const hit = f();
    // A failed check is not a match: the entity stays unresolved rather than guessed.
    if (hit.status === 'known' && hit.value === true && !out.some((o) => o.kind === kind)) {
      out.push({ kind, address, via: 'chain', registry: ctx.registry.lookup(address, chainId)[0] ?? null });
    }
  }
  return out;
}

export type Resolution = ResolvedEntity | { kind: 'unknown'; address: Address; via: 'none'; registry: null };

/** The first match (registry first), or 'unknown'. */
export async function resolveEntity(ctx: RiskContext, input: string): Promise<Resolution> {
  const all = await resolveEntities(ctx, input);
  return all[0] ?? { kind: 'unknown', address: getAddress(input), via: 'none', registry: null };
}
