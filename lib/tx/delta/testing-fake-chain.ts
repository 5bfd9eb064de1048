// Test-only: a ReadContext whose client answers readContract from a table keyed by
// "functionName:address" (args passed to the handler). An unlisted read throws like a revert, so a
// test fails loudly when the code reads something the test did not expect. batch: false, so every
// read goes through readContract (the Multicall3 path is covered by the chain tests).
import type { Address, PublicClient } from 'viem';
import { MAINNET_DEPLOYMENTS, type Deployments } from '../../chains/deployments.js';
import { memoryCache, type ReadContext } from '../../protocols/adapter.js';

export type FakeReads = Record<string, (args: readonly unknown[]) => unknown>;

export function fakeContext(reads: FakeReads, options: { deployments?: Deployments; blockNumber?: bigint } = {}): ReadContext & { calls: string[] } {
  const calls: string[] = [];
  const client = {
    readContract: async ({ address, functionName, args }: { address: Address; functionName: string; args?: readonly unknown[] }) => {
      const key = `${functionName}:${address.toLowerCase()}`;
      calls.push(key);
      const h = reads[key];
      if (!h) throw new Error(`execution reverted (no fake for ${key})`);
      return h(args ?? []);
    },
  } as unknown as PublicClient;
  return { client, deployments: options.deployments ?? MAINNET_DEPLOYMENTS, blockNumber: options.blockNumber ?? 100n, batch: false, cache: memoryCache(), calls };
}

export const at = (functionName: string, address: string) => `${functionName}:${address.toLowerCase()}`;
