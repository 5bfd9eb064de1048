// Runs the same calls at several blocks: one batched read per block (Multicall3 at that block), all
// blocks in parallel so JSON-RPC batching sends them together; the number of requests depends on the
// number of sample blocks, not on how many addresses or vaults are read. Each earlier block also
// reads its own timestamp through Multicall3. A block that cannot be read at all (no archive state,
// Multicall3 not yet deployed) is dropped; a transport failure is thrown.
import { parseAbi } from 'viem';
import { isTransportError, readCalls, type Call, type CallResult } from '../../chains/read-calls.js';
import type { RewardsReadContext } from '../context.js';

const multicall3Abi = parseAbi(['function getCurrentBlockTimestamp() view returns (uint256 timestamp)']);

export interface BlockReading {
  blockNumber: bigint;
  timestamp: number;
  results: CallResult[];
}

/** Readings oldest first; the last is the snapshot block (with ctx.blockTimestamp) when it could be read. */
export async function readAtBlocks(ctx: RewardsReadContext, earlier: readonly bigint[], calls: readonly Call[]): Promise<BlockReading[]> {
  if (calls.length === 0) return [];
  const at = async (blockNumber: bigint): Promise<BlockReading | null> => {
    const head = blockNumber === ctx.blockNumber;
    const withTime = head ? calls : [...calls, { address: ctx.deployments.multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' } as Call];
    try {
      const results = await readCalls(ctx.client, withTime, { blockNumber, batch: ctx.batch });
      if (head) return { blockNumber, timestamp: ctx.blockTimestamp, results };
      const t = results.pop()!;
      if (t.status !== 'success' || typeof t.result !== 'bigint' || t.result > BigInt(ctx.blockTimestamp)) return null;
      return { blockNumber, timestamp: Number(t.result), results };
    } catch (error) {
      if (isTransportError(error)) throw error;
      return null;
    }
  };
  const blocks = [...earlier.filter((b) => b < ctx.blockNumber), ctx.blockNumber];
  const readings = await Promise.all(blocks.map(at));
  return readings.filter((r): r is BlockReading => r !== null);
}
