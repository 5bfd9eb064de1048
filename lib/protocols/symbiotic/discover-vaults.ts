// Vault discovery (reference §2.4 step 1), kept in the discovery cache so a refresh does not
// re-enumerate the factory:
//   first use:  VaultFactory.totalEntities() then entity(i) for every i (two batched rounds);
//   afterwards: AddEntity (and Migrate) logs on the factory since the cached cursor (one eth_getLogs).
// A Migrate log drops the migrated vault's cached facts (read-vault-facts.ts), since its version changed.
import { getAddress, parseEventLogs, type Address } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { ReadContext } from '../adapter.js';
import { registryAbi, vaultFactoryAbi } from './abi.js';
import { getLogsSplitting, REORG_MARGIN } from './log-scan.js';
import { factsKey } from './read-vault-facts.js';
import { Round, ok } from '../round.js';

interface VaultListEntry {
  vaults: string[];
  cursorBlock: string;
}

const listKey = (ctx: ReadContext, sym: SymbioticAddresses) => `symbiotic:vaults:${ctx.deployments.chainId}:${sym.vaultFactory.toLowerCase()}`;

/** Every vault of the VaultFactory at ctx.blockNumber. */
export async function discoverVaults(ctx: ReadContext, sym: SymbioticAddresses): Promise<Address[]> {
  const key = listKey(ctx, sym);
  const raw = ctx.cache.get(key) as VaultListEntry | undefined;
  const cached = raw && Array.isArray(raw.vaults) && typeof raw.cursorBlock === 'string' && /^\d+$/.test(raw.cursorBlock) && BigInt(raw.cursorBlock) <= ctx.blockNumber ? raw : undefined;
  const cursorFor = (block: bigint) => (block > REORG_MARGIN ? block - REORG_MARGIN : 0n).toString();

  if (!cached) {
    let total: bigint | undefined;
    const r1 = new Round();
    r1.add({ address: sym.vaultFactory, abi: registryAbi, functionName: 'totalEntities' }, (r) => (total = ok<bigint>(r)));
    await r1.run(ctx);
    if (total === undefined) throw new BadRpcResponseError('Symbiotic: VaultFactory.totalEntities() could not be read; check the VaultFactory address for this chain');
    const vaults: Address[] = [];
    let failed = false;
    const r2 = new Round();
    for (let i = 0n; i < total; i++) {
      r2.add({ address: sym.vaultFactory, abi: registryAbi, functionName: 'entity', args: [i] }, (r) => {
        const v = ok<Address>(r);
        if (v === undefined) failed = true;
        else vaults.push(getAddress(v));
      });
    }
    await r2.run(ctx);
    if (failed) throw new BadRpcResponseError('Symbiotic: VaultFactory.entity(i) failed while listing vaults');
    ctx.cache.set(key, { vaults, cursorBlock: cursorFor(ctx.blockNumber) } satisfies VaultListEntry);
    return vaults;
  }

  const from = BigInt(cached.cursorBlock) + 1n;
  const vaults = new Set(cached.vaults.map((v) => getAddress(v)));
  if (from <= ctx.blockNumber) {
    const events = vaultFactoryAbi.filter((i) => i.type === 'event' && (i.name === 'AddEntity' || i.name === 'Migrate'));
    const logs = await Promise.all(events.map((event) => getLogsSplitting(ctx.client, { address: sym.vaultFactory, event: event as never }, from, ctx.blockNumber)));
    for (const log of parseEventLogs({ abi: vaultFactoryAbi, logs: logs.flat() })) {
      const entity = getAddress(log.args.entity);
      if (log.eventName === 'AddEntity') vaults.add(entity);
      else ctx.cache.set(factsKey(ctx, entity), undefined); // migrated: version (and more) may have changed
    }
  }
  const list = [...vaults];
  ctx.cache.set(key, { vaults: list, cursorBlock: cursorFor(ctx.blockNumber) } satisfies VaultListEntry);
  return list;
}
