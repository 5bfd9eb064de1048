// A vault the adapters have not discovered yet is verified on chain before it is decoded as one
// (vaultLookupCandidate names it): Symbiotic VaultFactory.isEntity, or a Karak V2 Core that knows
// its implementation. A failed read counts as "not a vault": the call then passes through.
import { zeroAddress, type Address, type PublicClient } from 'viem';
import type { Deployments } from '../chains/deployments.js';
import { coreAbi } from '../protocols/karak/abi.js';
import { registryAbi } from '../protocols/symbiotic/abi.js';

export type VaultKind = 'symbiotic-vault' | 'karak-v2-vault';

export async function verifyVault(client: PublicClient, deployments: Deployments, address: Address): Promise<VaultKind | null> {
  const sym = deployments.symbiotic?.vaultFactory;
  const core = deployments.karak?.core;
  const [isSym, impl] = await Promise.all([
    sym ? client.readContract({ address: sym, abi: registryAbi, functionName: 'isEntity', args: [address] }).catch(() => false) : false,
    core ? client.readContract({ address: core, abi: coreAbi, functionName: 'implementation', args: [address] }).catch(() => zeroAddress) : zeroAddress,
  ]);
  if (isSym === true) return 'symbiotic-vault';
  if (typeof impl === 'string' && impl !== zeroAddress) return 'karak-v2-vault';
  return null;
}

/** Per-chain memory of verified vaults, backing buildKnownTargets' synchronous lookups. */
export function createVaultMemo() {
  const byChain = new Map<number, Map<string, VaultKind>>();
  const of = (chainId: number) => byChain.get(chainId) ?? byChain.set(chainId, new Map()).get(chainId)!;
  return {
    remember: (chainId: number, address: Address, kind: VaultKind) => void of(chainId).set(address.toLowerCase(), kind),
    isSymbioticVault: (chainId: number) => (a: Address) => of(chainId).get(a.toLowerCase()) === 'symbiotic-vault',
    isKarakVault: (chainId: number) => (a: Address) => of(chainId).get(a.toLowerCase()) === 'karak-v2-vault',
  };
}
