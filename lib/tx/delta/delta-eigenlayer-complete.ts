// EigenLayer completeQueuedWithdrawal(s). Each withdrawal the call names is matched by its root
// against the sender's queued withdrawals read now (the same reading the popup shows), so the
// amounts are what the DelegationManager would pay after every slash so far. receiveAsTokens =
// false credits the shares back as stake under the staker's CURRENT operator: that part is priced
// like a deposit (the adapter's assemble on a hypothetical position).
import { getAddress, zeroAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Position, Withdrawal } from '../../portfolio/types.js';
import { delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { withdrawalRoot } from '../../protocols/eigenlayer/withdrawal-root.js';
import { ok, Round } from '../../protocols/round.js';
import type { EigenLayerCompleteWithdrawal, EigenLayerWithdrawal } from '../types.js';
import { mergeExposures, toDelta, type DeltaInput, type PartialDelta } from './delta-input.js';
import { exposuresUnder } from './delta-eigenlayer.js';
import type { Completion, MovingAmount } from './types.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const short = (h: string) => `${h.slice(0, 10)}…`;

async function readOperator(input: DeltaInput<unknown>, staker: Address): Promise<Address | null> {
  let operator: Address | null | undefined;
  const r = new Round();
  r.add({ address: input.ctx.deployments.eigenlayer!.delegationManager, abi: delegationManagerAbi, functionName: 'delegatedTo', args: [staker] }, (x) => {
    const v = ok<Address>(x);
    if (v !== undefined) operator = v === zeroAddress ? null : getAddress(v);
  });
  await r.run(input.ctx);
  if (operator === undefined) throw new BadRpcResponseError(`EigenLayer: delegatedTo(${staker}) could not be read`);
  return operator;
}

function match(w: EigenLayerWithdrawal, queued: readonly Withdrawal[], block: bigint): { completion: Completion; notes: string[] } {
  const id = withdrawalRoot(w);
  const lines = queued.filter((q) => q.id === id);
  const notes: string[] = [];
  if (lines.length === 0) {
    notes.push(`No queued withdrawal ${short(id)} of this account exists now (already completed, or not this account's): the wallet would revert.`);
    return { completion: { protocol: 'eigenlayer', id, status: 'not-found', completableAt: null, operator: null, amounts: [], receiveAsTokens: w.receiveAsTokens, slashableNow: false }, notes };
  }
  const first = lines[0]!;
  const at = first.completableAtBlock!;
  const status = first.completable ? 'completable' : 'not-yet';
  const by = first.operator ? `operator ${first.operator}'s services` : 'nothing (it was queued while undelegated)';
  if (status === 'not-yet') {
    notes.push(`Withdrawal ${short(id)} cannot be completed before block ${at} (now ${block}): the wallet would revert. Until then it stays slashable by ${by}.`);
  } else if (first.operator) {
    notes.push(`Withdrawal ${short(id)} was slashable by ${by} until block ${at - 1n}; it no longer is, so completing it takes nothing out of anyone's reach.`);
  }
  if (w.receiveAsTokens && w.tokens.length !== w.strategies.length) notes.push(`Withdrawal ${short(id)} names ${w.tokens.length} tokens for ${w.strategies.length} strategies: the wallet would revert.`);
  return {
    completion: {
      protocol: 'eigenlayer', id, status, completableAt: { value: at, unit: 'block' }, operator: first.operator,
      amounts: lines.map((l) => ({ asset: l.asset, amount: l.amount })), receiveAsTokens: w.receiveAsTokens, slashableNow: first.slashable,
    },
    notes,
  };
}

export async function completeWithdrawalDelta(input: DeltaInput<EigenLayerCompleteWithdrawal>): Promise<PartialDelta> {
  const sender = input.sender;
  if (!sender) throw new BadRpcResponseError('completeQueuedWithdrawal without a sender: nothing to match');
  const queued = input.reading.withdrawals.filter((w) => w.protocol === 'eigenlayer');
  const notes: string[] = [];
  const completions: Completion[] = [];
  const moving: MovingAmount[] = [];
  // Shares credited back as stake, per strategy (completed in one call, they land in one position each).
  const restaked = new Map<string, Position>();
  for (const w of input.call.withdrawals) {
    if (!same(w.withdrawer, sender)) notes.push(`Only ${w.withdrawer} can complete withdrawal ${short(withdrawalRoot(w))}, not the sending account: the wallet would revert.`);
    const m = match(w, queued, input.ctx.blockNumber);
    completions.push(m.completion);
    notes.push(...m.notes);
    if (m.completion.status !== 'completable') continue;
    for (const l of queued.filter((q) => q.id === m.completion.id)) {
      moving.push({ asset: l.asset, amount: l.amount, direction: w.receiveAsTokens ? 'receive' : 'restake' });
      if (w.receiveAsTokens || !l.strategy) continue;
      const k = l.strategy.toLowerCase();
      const prev = restaked.get(k);
      restaked.set(k, { protocol: 'eigenlayer', operator: null, asset: l.asset, strategy: l.strategy, amount: (prev?.amount ?? 0n) + l.amount, depositShares: 1n, withdrawableShares: 1n });
    }
  }
  const before = toDelta(input.reading.exposures.filter((e) => e.protocol === 'eigenlayer'));
  const { minDelay } = await exposuresUnder(input, null, []);
  let operator: Address | null = null;
  let after = before;
  if (restaked.size > 0) {
    operator = await readOperator(input, sender);
    const added = await exposuresUnder(input, operator, [...restaked.values()]);
    after = mergeExposures(before, added.exposures);
    notes.push(operator
      ? `Completed as shares: the amounts become stake again under your current operator ${operator}, slashable as listed.`
      : 'Completed as shares while this account is not delegated: nothing can slash them until it delegates.');
  }
  return {
    target: operator ? { kind: 'operator', address: operator } : { kind: 'contract', address: input.call.target },
    moving,
    // Paid out as tokens, the amount leaves EigenLayer: the active stake's exposure is not in scope.
    before: restaked.size > 0 ? before : [],
    after: restaked.size > 0 ? after : [],
    exitDelay: { value: Number(minDelay), unit: 'blocks' },
    notes,
    gradeOf: operator ? { kind: 'eigenlayer-operator', address: operator } : null,
    completions,
  };
}
