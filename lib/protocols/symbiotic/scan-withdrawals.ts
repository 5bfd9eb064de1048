// Older withdrawal buckets for the Symbiotic adapter (reference §2.4 step 3): Withdraw logs with
// claimer = address, cached per address with a cursor; the bucket epoch is derived later from the
// log's block time and the vault's epoch parameters.
import { getAddress, parseEventLogs, type Address } from 'viem';
import { unique } from '../../chains/read-calls.js';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import type { ReadContext } from '../adapter.js';
import { vaultAbi } from './abi.js';
import { getLogsSplitting, scanIncrementally } from './log-scan.js';

const event = (abi: readonly { type: string; name?: string }[], name: string) => abi.find((i) => i.type === 'event' && i.name === name) as never;

export interface WithdrawSeen {
  vault: Address;
  /** Block timestamp of the Withdraw: the bucket is epochAt(timestamp) + 1. */
  timestamp: number;
}

/**
 * Withdraw logs with claimer = address (reference §2.4 step 3), cached per address with a cursor.
 * Best effort: a failing scan only hides buckets older than the current epoch (the current and next
 * buckets are always read directly), so it does not fail the address.
 */
export async function scanWithdrawals(ctx: ReadContext, sym: SymbioticAddresses, addresses: readonly Address[], vaults: Set<Address>, startBlock: bigint): Promise<Map<Address, WithdrawSeen[]>> {
  const key = (a: Address) => `symbiotic:withdrawals:${ctx.deployments.chainId}:${sym.vaultFactory.toLowerCase()}:${a.toLowerCase()}`;
  const byKey = new Map(addresses.map((a) => [key(a), a]));
  try {
    const found = await scanIncrementally<WithdrawSeen>(ctx.cache, [...byKey.keys()], startBlock, ctx.blockNumber, (w) => `${w.vault}:${w.timestamp}`, async (keys, from, to) => {
      const claimers = keys.map((k) => byKey.get(k)!);
      const logs = await getLogsSplitting(ctx.client, { event: event(vaultAbi, 'Withdraw'), args: { claimer: claimers } }, from, to);
      const parsed = parseEventLogs({ abi: vaultAbi, eventName: 'Withdraw', logs }).filter((l) => vaults.has(getAddress(l.address)));
      const blocks = unique(parsed.map((l) => String(l.blockNumber)));
      const times = new Map(await Promise.all(blocks.map(async (b) => [b, Number((await ctx.client.getBlock({ blockNumber: BigInt(b) })).timestamp)] as const)));
      const out = new Map<string, WithdrawSeen[]>();
      for (const l of parsed) {
        const k = key(getAddress(l.args.claimer));
        out.set(k, [...(out.get(k) ?? []), { vault: getAddress(l.address), timestamp: times.get(String(l.blockNumber))! }]);
      }
      return out;
    });
    return new Map([...found].map(([k, v]) => [byKey.get(k)!, v]));
  } catch {
    return new Map();
  }
}
