// Facts for an EigenLayer AVS (all its operator sets) or one operator set: slashers (contract or
// key), redistribution, slash counts, members, scheduled slasher changes (reference §1.7).
import { getAddress, type Address } from 'viem';
import { allocationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import type { EntityFactsOf, OperatorSetRef } from '../facts/entity-facts.js';
import { evidenceOf, known, unknown, type Fact } from '../facts/fact.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { pendingSlasherChanges, readSetFacts, setSignals, type SetFacts } from './eigenlayer-shared.js';
import { FactRound } from './fact-round.js';
import { scanLogs } from './scan-logs.js';

/** Set ids come from OperatorSetCreated logs (ids need not be contiguous); getOperatorSetCount cross-checks. */
async function setIdsOf(ctx: RiskContext, am: Address, avs: Address): Promise<Fact<number[]>> {
  const r = new FactRound(ctx);
  const count = r.read<number, bigint>(am, allocationManagerAbi, 'getOperatorSetCount', [avs], 'getOperatorSetCount(avs)', Number);
  await r.run();
  const scan = await scanLogs(ctx, { address: am, abi: allocationManagerAbi, events: ['OperatorSetCreated'] }, ctx.logsFromBlock ?? 0n);
  const c = count();
  if (!scan.ok) return unknown(scan.reason, c.evidence);
  const ids = scan.logs.filter((l) => getAddress((l.args.operatorSet as { avs: string }).avs) === avs).map((l) => Number((l.args.operatorSet as { id: number }).id));
  if (c.status === 'known' && c.value !== ids.length) return unknown(`OperatorSetCreated logs show ${ids.length} sets but getOperatorSetCount says ${c.value}`, c.evidence);
  return known(ids, c.evidence);
}

function common(ctx: RiskContext, sets: SetFacts[]) {
  const history = ((): Fact<{ count: number; atLeast: boolean }> => {
    const bad = sets.find((s) => s.slashCount.status === 'unknown');
    if (bad && bad.slashCount.status === 'unknown') return unknown(bad.slashCount.reason);
    return known({ count: sets.reduce((n, s) => n + (s.slashCount as { value: number }).value, 0), atLeast: false }, sets.flatMap((s) => s.slashCount.evidence));
  })();
  return { ...setSignals(sets), slashHistory: history, pending: pendingSlasherChanges(sets, ctx.blockNumber) };
}

export async function gatherEigenLayerAvs(ctx: RiskContext, avs: Address): Promise<EntityFactsOf<'eigenlayer-avs'>> {
  const el = ctx.deployments.eigenlayer;
  if (!el) throw new TypeError('gatherEigenLayerAvs: the chain has no EigenLayer deployments');
  const ids = await setIdsOf(ctx, el.allocationManager, avs);
  const sets = ids.status === 'known' ? await readSetFacts(ctx, el, ids.value.map((id) => ({ avs, id }))) : [];
  const signals = ids.status === 'known' ? common(ctx, sets) : { slashing: unknown<never>(ids.reason), slashHistory: unknown<never>(ids.reason) };
  const setDetails = ((): EntityFactsOf<'eigenlayer-avs'>['details']['sets'] => {
    if (ids.status === 'unknown') return unknown(ids.reason);
    const bad = sets.flatMap((s) => [s.slasher, s.memberCount, s.slashCount, s.redistributing, s.recipient]).find((f) => f.status === 'unknown');
    if (bad && bad.status === 'unknown') return unknown(bad.reason);
    const v = <T>(f: Fact<T>) => (f as { value: T }).value;
    return known(sets.map((s) => ({ id: s.set.id, slasher: v(s.slasher), memberCount: v(s.memberCount), slashCount: v(s.slashCount), redistributing: v(s.redistributing), recipient: v(s.redistributing) ? v(s.recipient) : null })), evidenceOf(...sets.flatMap((s) => [s.slasher, s.memberCount])));
  })();
  return {
    kind: 'eigenlayer-avs', address: avs, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: await blockTimestampOf(ctx),
    signals, details: { operatorSetCount: ids.status === 'known' ? known(ids.value.length, ids.evidence) : unknown(ids.reason), sets: setDetails },
  };
}

export async function gatherEigenLayerOperatorSet(ctx: RiskContext, set: OperatorSetRef): Promise<EntityFactsOf<'eigenlayer-operator-set'>> {
  const el = ctx.deployments.eigenlayer;
  if (!el) throw new TypeError('gatherEigenLayerOperatorSet: the chain has no EigenLayer deployments');
  const [s] = await readSetFacts(ctx, el, [set]);
  return {
    kind: 'eigenlayer-operator-set', address: set.avs, operatorSetId: set.id, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: await blockTimestampOf(ctx),
    signals: common(ctx, [s!]),
    details: { slasher: s!.slasher, memberCount: s!.memberCount, strategies: s!.strategies, slashCount: s!.slashCount, redistributing: s!.redistributing, recipient: s!.redistributing.status === 'known' && !s!.redistributing.value ? known(null, s!.redistributing.evidence) : s!.recipient },
  };
}
