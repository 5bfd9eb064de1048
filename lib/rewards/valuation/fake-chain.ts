// Test double of a PublicClient for the valuation readers (unit tests only): eth_call answers come from
// a function of (contract, function, args, block); block timestamps from a function of the block.
// Used with batch: false, so readCalls issues one readContract per call and the answers are easy to aim.
import type { Address, PublicClient } from 'viem';
import { memoryCache } from '../../protocols/adapter.js';
import type { Deployments } from '../../chains/deployments.js';
import type { RewardsReadContext } from '../context.js';

export type Answer = (call: { address: Address; functionName: string; args: readonly unknown[]; block: bigint }) => unknown;

export const MULTICALL: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

export function fakeContext(opts: { answer: Answer; head: bigint; time: (block: bigint) => number; deployments: Omit<Deployments, 'chainId' | 'multicall3'>; cache?: ReturnType<typeof memoryCache> }) {
  const requests: string[] = [];
  const client = {
    readContract: async (p: { address: Address; functionName: string; args?: readonly unknown[]; blockNumber: bigint }) => {
      requests.push(`${p.functionName}@${p.blockNumber}`);
      if (p.address === MULTICALL && p.functionName === 'getCurrentBlockTimestamp') return BigInt(opts.time(p.blockNumber));
      const v = opts.answer({ address: p.address, functionName: p.functionName, args: p.args ?? [], block: p.blockNumber });
      if (v instanceof Error) throw v;
      return v;
    },
    getBlock: async ({ blockNumber }: { blockNumber: bigint }) => {
      requests.push(`getBlock@${blockNumber}`);
      return { number: blockNumber, timestamp: BigInt(opts.time(blockNumber)) };
    },
  } as unknown as PublicClient;
  const ctx: RewardsReadContext = {
    client,
    deployments: { chainId: 1, multicall3: MULTICALL, ...opts.deployments },
    blockNumber: opts.head,
    blockTimestamp: opts.time(opts.head),
    batch: false,
    cache: opts.cache ?? memoryCache(),
    sidecar: null,
  };
  return { ctx, requests };
}

export const revert = () => Object.assign(new Error('execution reverted'), { name: 'ContractFunctionExecutionError' });
