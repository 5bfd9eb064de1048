// EigenLayer: everything `assemble` needs about ONE operator to say which operator sets can slash
// stake delegated to it, for the given strategies, at the pinned block (two batched rounds). The
// delta then runs the adapter's own assemble() on a hypothetical reading (stake under this
// operator), so "after" uses exactly the arithmetic of the positions the popup shows.
import { getAddress, zeroAddress, type Address } from 'viem';
import type { ReadContext } from '../../protocols/adapter.js';
import { allocationManagerAbi, delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import type { Lookups, OperatorSetRef } from '../../protocols/eigenlayer/assemble.js';
import { ok, Round } from '../../protocols/round.js';
import { BadRpcResponseError } from '../../errors/errors.js';

export type OperatorLookups = Pick<Lookups, 'sets' | 'allocation' | 'maxMagnitude' | 'setInfo' | 'isSlashable'> & { minDelay: bigint };

const setKey = (s: OperatorSetRef) => `${s.avs.toLowerCase()}:${s.id}`;

export async function readOperatorLookups(ctx: ReadContext, operator: Address | null, strategies: readonly Address[]): Promise<OperatorLookups> {
  const el = ctx.deployments.eigenlayer;
  if (!el) throw new BadRpcResponseError('EigenLayer is not deployed on this chain');
  const am = { address: el.allocationManager, abi: allocationManagerAbi } as const;
  let minDelay: bigint | undefined;
  let sets: OperatorSetRef[] = [];
  const r1 = new Round();
  r1.add({ address: el.delegationManager, abi: delegationManagerAbi, functionName: 'minWithdrawalDelayBlocks' }, (r) => {
    const v = ok<number>(r);
    if (v !== undefined) minDelay = BigInt(v);
  });
  let setsRead = operator === null;
  if (operator) {
    r1.add({ ...am, functionName: 'getAllocatedSets', args: [operator] }, (r) => {
      const v = ok<readonly { avs: Address; id: number }[]>(r);
      if (v) { sets = v.map((s) => ({ avs: getAddress(s.avs), id: s.id })); setsRead = true; }
    });
  }
  await r1.run(ctx);
  if (minDelay === undefined) throw new BadRpcResponseError('EigenLayer: minWithdrawalDelayBlocks() could not be read');
  // Never guess "no sets": an unreadable list would claim the stake is not slashable.
  if (!setsRead) throw new BadRpcResponseError(`EigenLayer: getAllocatedSets(${operator}) could not be read`);

  const allocations = new Map<string, { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>();
  const maxMagnitudes = new Map<string, bigint>();
  const info = new Map<string, { slasher: Address | null; redistributes: boolean }>();
  const slashable = new Map<string, boolean>();
  const held = strategies.map((s) => getAddress(s));
  if (operator && held.length > 0 && sets.length > 0) {
    const r2 = new Round();
    r2.add({ ...am, functionName: 'getMaxMagnitudes', args: [operator, held] }, (r) => {
      const v = ok<readonly bigint[]>(r);
      if (v && v.length === held.length) held.forEach((s, i) => maxMagnitudes.set(s, v[i]!));
    });
    for (const set of sets) {
      const k = setKey(set);
      r2.add({ ...am, functionName: 'isOperatorSlashable', args: [operator, set] }, (r) => slashable.set(k, ok<boolean>(r) ?? true));
      const entry = { slasher: null as Address | null, redistributes: false };
      info.set(k, entry);
      r2.add({ ...am, functionName: 'getSlasher', args: [set] }, (r) => {
        const v = ok<Address>(r);
        entry.slasher = v && v !== zeroAddress ? getAddress(v) : null;
      });
      r2.add({ ...am, functionName: 'isRedistributingOperatorSet', args: [set] }, (r) => void (entry.redistributes = ok<boolean>(r) ?? false));
      for (const s of held) {
        r2.add({ ...am, functionName: 'getAllocation', args: [operator, set, s] }, (r) => {
          const v = ok<{ currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number }>(r);
          if (v) allocations.set(`${k}:${s}`, v);
        });
      }
    }
    await r2.run(ctx);
    for (const s of held) if (!maxMagnitudes.has(s)) throw new BadRpcResponseError(`EigenLayer: getMaxMagnitudes(${operator}) could not be read`);
  }
  return {
    minDelay,
    sets: () => sets,
    allocation: (_o, set, s) => allocations.get(`${setKey(set)}:${getAddress(s)}`),
    maxMagnitude: (_o, s) => maxMagnitudes.get(getAddress(s)),
    setInfo: (set) => info.get(setKey(set)) ?? { slasher: null, redistributes: false },
    isSlashable: (_o, set) => slashable.get(setKey(set)) ?? true,
  };
}
