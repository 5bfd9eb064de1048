// OperatorSlashed (reference §1.6, §6.1): no indexed fields, so every slash is matched here against
// the tracked addresses. An address is hit when, just before the slash block, it was delegated to
// the slashed operator (active stake) or had a withdrawal queued from that operator that was still
// slashable (not completable at the slash block). Its loss per strategy is measured from
// getWithdrawableShares / getQueuedWithdrawals at block-1 and at the block, converted with
// sharesToUnderlyingView at the same blocks; before × wadSlashed is the cross-check.
import { getAddress, type Address } from 'viem';
import { shortAddress } from '../../portfolio/format.js';
import type { AlertAsset } from '../types.js';
import { expectedLoss, sharesLost } from '../loss-math.js';
import { listAmounts, setText, totalsText } from '../text.js';
import { alertBase, perAddress, type Handler } from './context.js';
import { isBeacon } from './historical-reads.js';

export const onOperatorSlashed: Handler = async (env, ev) => {
  const { reads } = env;
  const operator = getAddress(ev.args.operator as Address);
  const set = ev.args.operatorSet as { avs: Address; id: number };
  const wads = ev.args.wadSlashed as readonly bigint[];
  const slashed = (ev.args.strategies as readonly Address[]).map((s, i) => ({ strategy: getAddress(s), wad: wads[i] ?? 0n })).filter((p) => p.wad > 0n);
  const B = ev.blockNumber;
  if (slashed.length === 0 || B === 0n) return [];
  const prev = B - 1n;
  const minDelay = BigInt(await reads.minWithdrawalDelay(prev));
  const alone = (staker: Address, strategy: Address) =>
    env.lossCount(`${B}:op:${operator.toLowerCase()}`) === 1 && (!isBeacon(strategy) || env.lossCount(`${B}:beacon:${staker.toLowerCase()}`) === 0);

  const lossOf = async (staker: Address, strategy: Address, wad: bigint, before: bigint, after: bigint | undefined, source: AlertAsset['source']): Promise<AlertAsset> => {
    const lost = sharesLost(before, after ?? before, expectedLoss(before, wad), after !== undefined && alone(staker, strategy));
    const [asset, valueBefore, valueAfter] = await Promise.all([
      reads.asset(strategy), reads.toUnderlying(strategy, before, prev), reads.toUnderlying(strategy, before - lost, B),
    ]);
    const amountLost = valueBefore > valueAfter ? valueBefore - valueAfter : 0n;
    return { asset, strategy, source, amountLost, sharesLost: lost };
  };

  return perAddress(env, async (a) => {
    const [opBefore, queuedBefore] = await Promise.all([reads.delegatedTo(a, prev), reads.queued(a, prev)]);
    const rows: Promise<AlertAsset>[] = [];
    if (opBefore === operator) {
      const strategies = slashed.map((p) => p.strategy);
      const [before, after] = await Promise.all([reads.withdrawable(a, strategies, prev), reads.withdrawable(a, strategies, B)]);
      slashed.forEach((p, i) => {
        if (before[i]! > 0n) rows.push(lossOf(a, p.strategy, p.wad, before[i]!, after[i], 'position'));
      });
    }
    const slashable = queuedBefore.filter((w) => w.delegatedTo === operator && B <= BigInt(w.startBlock) + minDelay);
    if (slashable.length) {
      const queuedAfter = await reads.queued(a, B);
      for (const w of slashable) {
        const later = queuedAfter.find((x) => x.nonce === w.nonce);
        w.strategies.forEach((s, j) => {
          const p = slashed.find((x) => x.strategy === s);
          if (p && w.shares[j]! > 0n) rows.push(lossOf(a, s, p.wad, w.shares[j]!, later?.shares[j], 'withdrawal'));
        });
      }
    }
    if (rows.length === 0) return null; // not exposed to this operator at that block: no alert
    const assets = await Promise.all(rows);
    const description = String(ev.args.description ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 200);
    return {
      ...(await alertBase(env, ev, a)),
      kind: 'slash',
      severity: 'critical',
      operator,
      service: getAddress(set.avs),
      setId: set.id,
      assets,
      title: `Slashed: ${shortAddress(a)} lost ${totalsText(assets, 'amountLost')}`,
      sentence:
        `${setText(set.avs, set.id)} slashed operator ${shortAddress(operator)}; ${shortAddress(a)} lost ${listAmounts(assets, 'amountLost')}.` +
        (description ? ` Reason given by the AVS (unverified): "${description}".` : ''),
    };
  });
};
