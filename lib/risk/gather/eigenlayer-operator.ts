// Facts for an EigenLayer operator (reference §1.7): its allocated operator sets and their
// slashers, magnitudes per strategy (slash history, shared stake), delays, concentration in each
// strategy, registration (tenure) and scheduled allocation/slasher changes.
import { getAddress, type Address } from 'viem';
import { BEACON_CHAIN_ETH_STRATEGY } from '../../chains/deployments.js';
import { allocationManagerAbi, delegationManagerAbi, strategyAbi } from '../../protocols/eigenlayer/abi.js';
import type { EntityFactsOf, OperatorSetRef } from '../facts/entity-facts.js';
import { evidenceOf, known, unknown, type Evidence, type Fact } from '../facts/fact.js';
import type { PendingChange } from '../facts/signals.js';
import { short } from '../format.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { readSetFacts, setLabel, setSignals, pendingSlasherChanges } from './eigenlayer-shared.js';
import { FactRound } from './fact-round.js';
import { logEvidence, scanLogs } from './scan-logs.js';
import { tenureFromLog } from './tenure.js';

const WAD = 10n ** 18n;
type Alloc = { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number };

export async function gatherEigenLayerOperator(ctx: RiskContext, operator: Address): Promise<EntityFactsOf<'eigenlayer-operator'>> {
  const el = ctx.deployments.eigenlayer;
  if (!el) throw new TypeError('gatherEigenLayerOperator: the chain has no EigenLayer deployments');
  const { allocationManager: am, delegationManager: dm } = el;
  const r1 = new FactRound(ctx);
  const approver = r1.read<Address | null, Address>(dm, delegationManagerAbi, 'delegationApprover', [operator], 'delegationApprover(operator)', (a) => (/^0x0{40}$/i.test(a) ? null : getAddress(a)));
  const delay = r1.read<number | null, readonly [boolean, number]>(am, allocationManagerAbi, 'getAllocationDelay', [operator], 'getAllocationDelay(operator)', ([isSet, d]) => (isSet ? Number(d) : null));
  const setsF = r1.read<OperatorSetRef[], readonly { avs: Address; id: number }[]>(am, allocationManagerAbi, 'getAllocatedSets', [operator], 'getAllocatedSets(operator)', (x) => x.map((s) => ({ avs: getAddress(s.avs), id: Number(s.id) })));
  const withdrawalDelay = r1.read<number>(dm, delegationManagerAbi, 'minWithdrawalDelayBlocks', [], 'minWithdrawalDelayBlocks()', Number);
  const redistributable = r1.read<boolean>(am, allocationManagerAbi, 'isOperatorRedistributable', [operator], 'isOperatorRedistributable(operator)');
  await r1.run();

  const sets = setsF().status === 'known' ? (setsF() as { value: OperatorSetRef[] }).value : [];
  const setFacts = await readSetFacts(ctx, el, sets);
  // Strategies per set from the set itself: allocations exist only for those.
  const pairs = setFacts.flatMap((s) => (s.strategies.status === 'known' ? s.strategies.value.map((strategy) => ({ set: s.set, strategy })) : []));
  const strategies = [...new Set(pairs.map((p) => p.strategy))];
  const r2 = new FactRound(ctx);
  const allocs = pairs.map((p) => ({ ...p, alloc: r2.read<Alloc>(am, allocationManagerAbi, 'getAllocation', [operator, p.set, p.strategy], `getAllocation(operator,(${short(p.set.avs)},${p.set.id}),${short(p.strategy)})`) }));
  const perStrategy = strategies.map((s) => ({
    strategy: s,
    max: r2.read<bigint>(am, allocationManagerAbi, 'getMaxMagnitude', [operator, s], `getMaxMagnitude(operator,${short(s)})`),
    shares: r2.read<bigint>(dm, delegationManagerAbi, 'operatorShares', [operator, s], `operatorShares(operator,${short(s)})`),
    // The beacon-chain strategy is a sentinel address with no contract: no pool total to compare with.
    total: s === BEACON_CHAIN_ETH_STRATEGY ? undefined : r2.read<bigint>(s, strategyAbi, 'totalShares', [], `totalShares()`),
  }));
  await r2.run();
  const from = ctx.logsFromBlock ?? 0n;
  const [slashLogs, regLogs] = await Promise.all([
    scanLogs(ctx, { address: am, abi: allocationManagerAbi, events: ['OperatorSlashed'] }, from),
    scanLogs(ctx, { address: dm, abi: delegationManagerAbi, events: ['OperatorRegistered'], args: { operator } }, from),
  ]);
  const now = await blockTimestampOf(ctx);
  const block = ctx.blockNumber;
  const setsFact = setsF();
  const allocFacts = allocs.map((a) => a.alloc());
  const allocBad = allocFacts.find((f) => f.status === 'unknown');

  // Shared stake: per strategy, the sets with a non-zero (or scheduled) allocation.
  const sharedStake = ((): Fact<{ services: number; where: string }> => {
    if (setsFact.status === 'unknown') return unknown(setsFact.reason);
    if (allocBad?.status === 'unknown') return unknown(allocBad.reason);
    let best = { services: 0, where: 'no allocation' };
    for (const s of strategies) {
      const n = allocs.filter((a) => a.strategy === s && ((a.alloc() as { value: Alloc }).value.currentMagnitude > 0n || (a.alloc() as { value: Alloc }).value.pendingDiff > 0n)).length;
      if (n > best.services) best = { services: n, where: `strategy ${short(s)}` };
    }
    return known(best, evidenceOf(setsFact, ...allocFacts));
  })();

  const slashHistory = ((): Fact<{ count: number; atLeast: boolean }> => {
    if (slashLogs.ok) {
      const mine = slashLogs.logs.filter((l) => getAddress(l.args.operator as string) === operator);
      return known({ count: mine.length, atLeast: false }, mine.map((l) => logEvidence(l, `operator ${short(operator)} slashed in ${setLabel({ avs: getAddress((l.args.operatorSet as { avs: string }).avs), id: Number((l.args.operatorSet as { id: number }).id) })}`)));
    }
    // Without logs, a max magnitude below 1e18 still proves at least one slash.
    const slashed = perStrategy.find((p) => p.max().status === 'known' && (p.max() as { value: bigint }).value < WAD);
    return slashed ? known({ count: 1, atLeast: true }, slashed.max().evidence) : unknown(slashLogs.reason);
  })();

  const concentration = ((): Fact<{ shareBps: number; of: string }> => {
    let best: { shareBps: number; of: string; ev: Evidence[] } | null = null;
    for (const p of perStrategy) {
      if (!p.total) continue;
      const sh = p.shares(), tot = p.total();
      if (sh.status === 'unknown') return unknown(sh.reason);
      if (tot.status === 'unknown') return unknown(tot.reason);
      if (tot.value === 0n) continue;
      const bps = Number((sh.value * 10_000n) / tot.value);
      if (!best || bps > best.shareBps) best = { shareBps: bps, of: `the shares of strategy ${short(p.strategy)}`, ev: [...sh.evidence, ...tot.evidence] };
    }
    return best ? known({ shareBps: best.shareBps, of: best.of }, best.ev) : unknown('no token strategy with shares to compare (only beacon-chain ETH or no allocation)');
  })();

  const pending = ((): Fact<PendingChange[]> => {
    if (allocBad?.status === 'unknown') return unknown(allocBad.reason);
    const slasher = pendingSlasherChanges(setFacts, block);
    if (slasher.status === 'unknown') return slasher;
    const changes: PendingChange[] = allocs.flatMap((a) => {
      const v = (a.alloc() as { value: Alloc }).value;
      if (v.pendingDiff === 0n || BigInt(v.effectBlock) <= block) return [];
      return [{ kind: v.pendingDiff > 0n ? 'allocation-increase' as const : 'allocation-decrease' as const, service: `${setLabel(a.set)} (${short(a.strategy)})`, effective: `block ${v.effectBlock}` }];
    });
    return known([...changes, ...slasher.value], evidenceOf(...allocFacts, slasher));
  })();

  const exitDelay = ((): EntityFactsOf<'eigenlayer-operator'>['signals']['exitDelay'] => {
    const w = withdrawalDelay(), d = delay();
    if (w.status === 'unknown') return unknown(w.reason);
    if (d.status === 'unknown') return unknown(d.reason);
    if (d.value === null) return unknown('the operator has not set an allocation delay yet', d.evidence);
    const slashable = sets.length > 0;
    return known({ slashable, exit: w.value, exposure: d.value, unit: 'blocks', exitLabel: 'a withdrawal (minWithdrawalDelayBlocks)', exposureLabel: 'a new allocation (allocation delay)' }, [...w.evidence, ...d.evidence]);
  })();

  const signals = setsFact.status === 'unknown'
    ? { slashing: unknown<never>(setsFact.reason), veto: unknown<never>(setsFact.reason), destination: unknown<never>(setsFact.reason) }
    : setSignals(setFacts);
  const maxMagnitudes = ((): Fact<Record<Address, bigint>> => {
    const bad = perStrategy.find((p) => p.max().status === 'unknown');
    if (bad) return unknown((bad.max() as { reason: string }).reason);
    return known(Object.fromEntries(perStrategy.map((p) => [p.strategy, (p.max() as { value: bigint }).value])), perStrategy.flatMap((p) => p.max().evidence));
  })();
  return {
    kind: 'eigenlayer-operator', address: operator, chainId: ctx.deployments.chainId, block, blockTimestamp: now,
    // No allocated set (read, not guessed): no slash can go through this operator, so its share of a
    // pool is not a risk to compare; the concentration rule does not apply (was "unknown" forever).
    signals: { ...signals, exitDelay, sharedStake, slashHistory, ...(setsFact.status === 'known' && sets.length === 0 ? {} : { concentration }), tenure: await tenureFromLog(ctx, regLogs, 'OperatorRegistered', now), pending },
    details: { delegationApprover: approver(), allocationDelayBlocks: delay(), allocatedSets: setsFact, maxMagnitudes, redistributable: redistributable() },
  };
}
