// AllocationUpdated that RAISES an allocation of an operator a tracked address delegates to (the
// same event also reports decreases and the bookkeeping of a slash; those are not alerts). Raised =
// new magnitude above the allocation's target just before the block (current + pending diff).
// The alert says when the increase takes effect and whether a withdrawal queued now would
// complete before it: head + minWithdrawalDelayBlocks + 1 <= effectBlock.
import { getAddress, type Address } from 'viem';
import { formatBlocksEta, shortAddress } from '../../portfolio/format.js';
import { canExitBefore, slashableShares } from '../loss-math.js';
import { amountText, setText } from '../text.js';
import { alertBase, perAddress, type Handler } from './context.js';

export const onAllocationUpdated: Handler = async (env, ev) => {
  const { reads, ctx } = env;
  const operator = getAddress(ev.args.operator as Address);
  const set = ev.args.operatorSet as { avs: Address; id: number };
  const strategy = getAddress(ev.args.strategy as Address);
  const magnitude = ev.args.magnitude as bigint;
  const effectBlock = BigInt(ev.args.effectBlock as number);
  const B = ev.blockNumber;
  if (B === 0n) return [];
  const before = await reads.allocation(operator, set, strategy, B - 1n);
  if (magnitude <= before.currentMagnitude + BigInt(before.pendingDiff)) return [];
  const [minDelay, redistributing] = await Promise.all([reads.minWithdrawalDelay(B), reads.isRedistributing(set, B)]);
  const exitable = canExitBefore(ctx.head, BigInt(minDelay), effectBlock);
  return perAddress(env, async (a) => {
    if ((await reads.delegatedTo(a, B)) !== operator) return null;
    const [shares] = await reads.withdrawable(a, [strategy], B);
    if (!shares) return null;
    const [max, asset] = await Promise.all([reads.maxMagnitude(operator, strategy, B), reads.asset(strategy)]);
    const amountAtRisk = await reads.toUnderlying(strategy, slashableShares(shares, magnitude, max), B);
    const row = { asset, strategy, source: 'position' as const, amountAtRisk };
    const when = effectBlock <= ctx.head ? `It applies since block ${effectBlock}` : `It applies at block ${effectBlock} (in ${formatBlocksEta(effectBlock - ctx.head)})`;
    return {
      ...(await alertBase(env, ev, a)),
      kind: 'allocation-raised',
      severity: 'warning',
      operator,
      service: getAddress(set.avs),
      setId: set.id,
      assets: [row],
      effectBlock,
      canExitBefore: exitable,
      title: `Operator ${shortAddress(operator)} raised ${asset.symbol} exposure to ${setText(set.avs, set.id)}`,
      sentence:
        `Operator ${shortAddress(operator)} allocated more of its ${asset.symbol} stake to ${setText(set.avs, set.id)}${redistributing ? ', a redistributing set (slashed funds go to a recipient, not burned)' : ''}: ` +
        `up to ${amountText(amountAtRisk, row)} of ${shortAddress(a)}'s stake can be slashed by it. ${when}. ` +
        (exitable ? 'A withdrawal queued now would complete before that.' : 'A withdrawal queued now would not complete before that.'),
    };
  });
};
