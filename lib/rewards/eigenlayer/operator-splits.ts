// The commission of the operator an address delegates to (reference §1.5): its programmatic-incentive
// split and, per AVS / operator set the address's stake is exposed to, the AVS and set splits.
import { getAddress, type Address } from 'viem';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import { Round, ok, why } from '../../protocols/round.js';
import type { AddressSnapshot } from '../../portfolio/types.js';
import type { OperatorSplits } from '../types.js';

export interface SplitPlan {
  result(): OperatorSplits;
}

export function planOperatorSplits(round: Round, rc: Address, operator: Address, snapshot: AddressSnapshot | undefined, defaultSplitBips: number, fail: (msg: string) => void): SplitPlan {
  const exposures = (snapshot?.exposures ?? []).filter((e) => e.protocol === 'eigenlayer' && getAddress(e.operator) === operator);
  const avss = [...new Set(exposures.map((e) => getAddress(e.service)))];
  const sets = [...new Map(exposures.map((e) => [`${e.service.toLowerCase()}:${e.serviceSetId}`, { avs: getAddress(e.service), id: e.serviceSetId }])).values()];
  const out: OperatorSplits = { operator, piSplitBips: defaultSplitBips, avsSplits: [], setSplits: [], defaultSplitBips };
  const num = (r: Parameters<typeof ok>[0], what: string, use: (v: number) => void) => {
    const v = ok<number>(r);
    if (v === undefined) fail(`${what} failed${why(r)}`);
    else use(v);
  };
  round.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'getOperatorPISplit', args: [operator] }, (r) => num(r, 'getOperatorPISplit', (v) => (out.piSplitBips = v)));
  for (const avs of avss) {
    round.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'getOperatorAVSSplit', args: [operator, avs] }, (r) =>
      num(r, 'getOperatorAVSSplit', (bips) => out.avsSplits.push({ avs, bips })),
    );
  }
  for (const set of sets) {
    round.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'getOperatorSetSplit', args: [operator, set] }, (r) =>
      num(r, 'getOperatorSetSplit', (bips) => out.setSplits.push({ ...set, bips })),
    );
  }
  return { result: () => out };
}
