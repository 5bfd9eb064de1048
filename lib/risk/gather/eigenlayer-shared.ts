// EigenLayer helpers shared by the operator and AVS gatherers: the per-set slashing facts
// (slasher and its code, pending slasher, redistribution) in one round, and their signals.
import { getAddress, type Address } from 'viem';
import type { EigenLayerAddresses } from '../../chains/deployments.js';
import { allocationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { known, unknown, type Fact } from '../facts/fact.js';
import type { OperatorSetRef } from '../facts/entity-facts.js';
import type { PendingChange, SlashDestination, SlashingPath, VetoPath } from '../facts/signals.js';
import { short } from '../format.js';
import { readCodeKinds } from './code-kinds.js';
import type { RiskContext } from './context.js';
import { FactRound } from './fact-round.js';

export const setLabel = (s: OperatorSetRef) => `AVS ${short(s.avs)} set ${s.id}`;
const setArg = (s: OperatorSetRef) => ({ avs: s.avs, id: s.id });

export interface SetFacts {
  set: OperatorSetRef;
  slasher: Fact<Address>;
  slasherCode: Fact<'contract' | 'eoa'>;
  pendingSlasher: Fact<{ slasher: Address; effectBlock: number }>;
  redistributing: Fact<boolean>;
  recipient: Fact<Address>;
  slashCount: Fact<number>;
  memberCount: Fact<number>;
  strategies: Fact<Address[]>;
}

export async function readSetFacts(ctx: RiskContext, el: EigenLayerAddresses, sets: readonly OperatorSetRef[]): Promise<SetFacts[]> {
  const r = new FactRound(ctx);
  const am = el.allocationManager;
  const reads = sets.map((s) => {
    const tag = `((${short(s.avs)},${s.id}))`;
    return {
      set: s,
      slasher: r.read<Address, Address>(am, allocationManagerAbi, 'getSlasher', [setArg(s)], `getSlasher${tag}`, getAddress),
      pendingSlasher: r.read<{ slasher: Address; effectBlock: number }, readonly [Address, number]>(am, allocationManagerAbi, 'getPendingSlasher', [setArg(s)], `getPendingSlasher${tag}`, ([a, b]) => ({ slasher: getAddress(a), effectBlock: Number(b) })),
      redistributing: r.read<boolean>(am, allocationManagerAbi, 'isRedistributingOperatorSet', [setArg(s)], `isRedistributingOperatorSet${tag}`),
      recipient: r.read<Address, Address>(am, allocationManagerAbi, 'getRedistributionRecipient', [setArg(s)], `getRedistributionRecipient${tag}`, getAddress),
      slashCount: r.read<number, bigint>(am, allocationManagerAbi, 'getSlashCount', [setArg(s)], `getSlashCount${tag}`, Number),
      memberCount: r.read<number, bigint>(am, allocationManagerAbi, 'getMemberCount', [setArg(s)], `getMemberCount${tag}`, Number),
      strategies: r.read<Address[], readonly Address[]>(am, allocationManagerAbi, 'getStrategiesInOperatorSet', [setArg(s)], `getStrategiesInOperatorSet${tag}`, (x) => x.map((a) => getAddress(a))),
    };
  });
  await r.run();
  const slashers = reads.map((x) => x.slasher()).flatMap((f) => (f.status === 'known' ? [f.value] : []));
  const codes = await readCodeKinds(ctx, slashers);
  return reads.map((x) => {
    const slasher = x.slasher();
    return {
      set: x.set, slasher,
      slasherCode: slasher.status === 'known' ? codes.get(slasher.value)! : unknown(slasher.reason),
      pendingSlasher: x.pendingSlasher(), redistributing: x.redistributing(), recipient: x.recipient(), slashCount: x.slashCount(),
      memberCount: x.memberCount(), strategies: x.strategies(),
    };
  });
}

/** Slashing, veto and destination signals of a list of sets (EigenLayer slashing is instant: no veto). */
export function setSignals(sets: readonly SetFacts[]): { slashing: Fact<SlashingPath[]>; veto: Fact<VetoPath[]>; destination: Fact<SlashDestination[]> } {
  const bad = sets.flatMap((s) => [s.slasher, s.redistributing, s.recipient]).find((f) => f.status === 'unknown');
  const evidence = sets.flatMap((s) => [...s.slasher.evidence, ...s.slasherCode.evidence, ...s.redistributing.evidence, ...s.recipient.evidence]);
  if (bad && bad.status === 'unknown') return { slashing: unknown(bad.reason, evidence), veto: unknown(bad.reason, evidence), destination: unknown(bad.reason, evidence) };
  const v = <T>(f: Fact<T>) => (f as { value: T }).value;
  const zero = (a: Address) => /^0x0{40}$/i.test(a);
  const live = sets.filter((s) => !zero(v(s.slasher)));
  return {
    slashing: known(live.map((s) => ({ service: setLabel(s.set), serviceAddress: s.set.avs, slasher: v(s.slasher), slasherCode: s.slasherCode.status === 'known' ? s.slasherCode.value : null })), evidence),
    veto: known(live.map((s) => ({ service: setLabel(s.set), mode: 'instant' as const, resolver: null, windowSeconds: 0 })), evidence),
    destination: known(live.map((s) => (v(s.redistributing) ? { service: setLabel(s.set), mode: 'redistribute' as const, recipient: v(s.recipient) } : { service: setLabel(s.set), mode: 'burn' as const, recipient: null })), evidence),
  };
}

/** Slasher changes scheduled after the pinned block. */
export function pendingSlasherChanges(sets: readonly SetFacts[], block: bigint): Fact<PendingChange[]> {
  const bad = sets.find((s) => s.pendingSlasher.status === 'unknown');
  if (bad && bad.pendingSlasher.status === 'unknown') return unknown(bad.pendingSlasher.reason);
  const changes = sets.flatMap((s) => {
    const p = (s.pendingSlasher as { value: { slasher: Address; effectBlock: number } }).value;
    return BigInt(p.effectBlock) > block && !/^0x0{40}$/i.test(p.slasher) ? [{ kind: 'slasher-change' as const, service: setLabel(s.set), effective: `block ${p.effectBlock}` }] : [];
  });
  return known(changes, sets.flatMap((s) => s.pendingSlasher.evidence));
}
