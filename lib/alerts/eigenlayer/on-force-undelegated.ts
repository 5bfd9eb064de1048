// StakerForceUndelegated[staker, operator]: the operator (or its approver) undelegated a tracked
// address; all its stake was queued for withdrawal and stays slashable by that operator until the
// withdrawals can be completed.
import { getAddress, type Address } from 'viem';
import { shortAddress } from '../../portfolio/format.js';
import { totalsText } from '../text.js';
import { alertBase, type Handler } from './context.js';

export const onForceUndelegated: Handler = async (env, ev) => {
  const staker = getAddress(ev.args.staker as Address);
  const a = env.ctx.addresses.find((x) => x === staker);
  const B = ev.blockNumber;
  if (!a || B === 0n) return [];
  const { reads } = env;
  const operator = getAddress(ev.args.operator as Address);
  const strategies = await reads.depositedStrategies(a, B - 1n);
  const [shares, minDelay] = await Promise.all([reads.withdrawable(a, strategies, B - 1n), reads.minWithdrawalDelay(B)]);
  const assets = await Promise.all(
    strategies.map(async (s, i) => ({ asset: await reads.asset(s), strategy: s, source: 'withdrawal' as const, amountAtRisk: await reads.toUnderlying(s, shares[i]!, B - 1n) })),
  );
  const completable = B + BigInt(minDelay) + 1n;
  return [{
    ...(await alertBase(env, ev, a)),
    kind: 'force-undelegated',
    severity: 'warning',
    operator,
    service: null,
    setId: null,
    assets: assets.filter((x) => x.amountAtRisk > 0n),
    title: `${shortAddress(a)} was undelegated by operator ${shortAddress(operator)}`,
    sentence: `Operator ${shortAddress(operator)} force-undelegated ${shortAddress(a)}: ${totalsText(assets, 'amountAtRisk')} was queued for withdrawal, ` +
      `still slashable by that operator until it can be completed at block ${completable}. It earns nothing meanwhile; complete it and delegate again.`,
  }];
};
