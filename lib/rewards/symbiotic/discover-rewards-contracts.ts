// Finds the DefaultStakerRewards contracts of every vault (reference §2.6 step 1): both factory
// registries (v2 `stakerRewardsFactory`, v1 `stakerRewardsFactoryV1`) are enumerated with
// totalEntities/entity, and each new entity's VAULT() and version() are read. The result and the
// number of entities seen per factory live in ctx.cache, so a refresh costs one batched round
// (two totalEntities) and reads only the entities added since. Clones cannot change their VAULT or
// version, so cached entries never go stale.
import { getAddress, isAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import { Round, ok, why } from '../../protocols/round.js';
import type { RewardsReadContext } from '../context.js';
import { stakerRewardsFactoryAbi, stakerRewardsV2Abi } from './abi.js';

export interface RewardsContractInfo {
  contract: Address;
  vault: Address;
  /** `version()`: 1 or 2 (event shapes differ). */
  version: 1 | 2;
  factory: Address;
}

/** Cached per factory; `vault: null` = an entity that is not a readable staker-rewards contract (kept so it is not re-read). */
interface FactoryEntry {
  seen: number;
  contracts: { contract: string; vault: string | null; version: number }[];
}

export const factoryCacheKey = (chainId: number, factory: Address) => `symbiotic-rewards:contracts:${chainId}:${factory.toLowerCase()}`;

function readEntry(raw: unknown): FactoryEntry | undefined {
  const e = raw as FactoryEntry | undefined;
  if (!e || typeof e !== 'object' || !Number.isSafeInteger(e.seen) || !Array.isArray(e.contracts) || e.contracts.length !== e.seen) return undefined;
  const valid = e.contracts.every((c) => c && isAddress(c.contract) && (c.vault === null || isAddress(c.vault)) && typeof c.version === 'number');
  return valid ? e : undefined;
}

/** Every staker-rewards contract of the given factories at ctx.blockNumber (versions other than 1 and 2 are left out). */
export async function discoverRewardsContracts(ctx: RewardsReadContext, factories: readonly Address[]): Promise<RewardsContractInfo[]> {
  const chainId = ctx.deployments.chainId;
  const entries = new Map(factories.map((f) => [f, readEntry(ctx.cache.get(factoryCacheKey(chainId, f))) ?? { seen: 0, contracts: [] }]));

  const totals = new Map<Address, bigint>();
  const r1 = new Round();
  for (const f of factories) {
    r1.add({ address: f, abi: stakerRewardsFactoryAbi, functionName: 'totalEntities' }, (r) => {
      const n = ok<bigint>(r);
      if (n === undefined) throw new BadRpcResponseError(`Symbiotic rewards: totalEntities() failed on the staker-rewards factory ${f}${why(r)}; check the factory address for this chain`);
      totals.set(f, n);
    });
  }
  await r1.run(ctx);

  // A registry only grows; fewer entities than cached means another chain or fork: start over.
  for (const f of factories) if (totals.get(f)! < BigInt(entries.get(f)!.seen)) entries.set(f, { seen: 0, contracts: [] });

  const added = new Map<Address, Address[]>();
  const r2 = new Round();
  for (const f of factories) {
    const list: Address[] = [];
    added.set(f, list);
    for (let i = BigInt(entries.get(f)!.seen); i < totals.get(f)!; i++) {
      const index = Number(i);
      r2.add({ address: f, abi: stakerRewardsFactoryAbi, functionName: 'entity', args: [i] }, (r) => {
        const a = ok<Address>(r);
        if (a === undefined) throw new BadRpcResponseError(`Symbiotic rewards: entity(${index}) failed on the staker-rewards factory ${f}${why(r)}`);
        list[index - entries.get(f)!.seen] = getAddress(a);
      });
    }
  }
  await r2.run(ctx);

  const r3 = new Round();
  for (const f of factories) {
    for (const contract of added.get(f)!) {
      const row: FactoryEntry['contracts'][number] = { contract, vault: null, version: 0 };
      entries.get(f)!.contracts.push(row);
      // A revert means "not a DefaultStakerRewards"; transport failures throw out of run() instead.
      r3.add({ address: contract, abi: stakerRewardsV2Abi, functionName: 'VAULT' }, (r) => {
        const v = ok<Address>(r);
        if (v !== undefined) row.vault = getAddress(v);
      });
      r3.add({ address: contract, abi: stakerRewardsV2Abi, functionName: 'version' }, (r) => {
        row.version = Number(ok<bigint>(r) ?? 0n);
      });
    }
  }
  await r3.run(ctx);

  const out: RewardsContractInfo[] = [];
  for (const f of factories) {
    const entry = entries.get(f)!;
    entry.seen = entry.contracts.length;
    ctx.cache.set(factoryCacheKey(chainId, f), entry);
    for (const c of entry.contracts) {
      if (c.vault === null || (c.version !== 1 && c.version !== 2)) continue;
      out.push({ contract: getAddress(c.contract), vault: getAddress(c.vault), version: c.version, factory: f });
    }
  }
  return out;
}
