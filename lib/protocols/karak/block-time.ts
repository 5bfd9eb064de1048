// The pinned block's timestamp via Multicall3.getCurrentBlockTimestamp(), added to a round so the
// time-based delays cost no extra request.
import { parseAbi } from 'viem';
import type { ReadContext } from '../adapter.js';
import { ok, type Round } from '../round.js';

const multicall3Abi = parseAbi(['function getCurrentBlockTimestamp() view returns (uint256 timestamp)']);

export function addBlockTime(round: Round, ctx: ReadContext): { value: () => number | undefined } {
  let t: number | undefined;
  round.add({ address: ctx.deployments.multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' }, (r) => {
    const v = ok<bigint>(r);
    if (v !== undefined) t = Number(v);
  });
  return { value: () => t };
}
