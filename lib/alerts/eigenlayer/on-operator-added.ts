// OperatorAddedToOperatorSet[operator]: the operator a tracked address delegates to joined a new
// operator set. An alert only when the set can slash an asset the address holds.
import { getAddress, type Address } from 'viem';
import { shortAddress } from '../../portfolio/format.js';
import { setText, totalsText } from '../text.js';
import { alertBase, perAddress, type Handler } from './context.js';
import { exposureInSet } from './exposure-in-set.js';

export const onOperatorAdded: Handler = async (env, ev) => {
  const { reads } = env;
  const operator = getAddress(ev.args.operator as Address);
  const set = ev.args.operatorSet as { avs: Address; id: number };
  const B = ev.blockNumber;
  return perAddress(env, async (a) => {
    if ((await reads.delegatedTo(a, B)) !== operator) return null;
    const assets = await exposureInSet(reads, a, operator, set, B);
    if (assets.length === 0) return null;
    const redistributing = await reads.isRedistributing(set, B);
    const recipient = redistributing ? await reads.redistributionRecipient(set, B) : undefined;
    return {
      ...(await alertBase(env, ev, a)),
      kind: 'new-operator-set',
      severity: redistributing ? 'warning' : 'info',
      operator,
      service: getAddress(set.avs),
      setId: set.id,
      assets,
      ...(recipient ? { redistributionRecipient: recipient } : {}),
      title: `Operator ${shortAddress(operator)} joined ${setText(set.avs, set.id)}`,
      sentence:
        `Operator ${shortAddress(operator)} registered for ${setText(set.avs, set.id)}, which can slash ${assets.map((x) => x.asset.symbol).join(', ')} ` +
        `${shortAddress(a)} holds (slashable now: ${totalsText(assets, 'amountAtRisk')}; more once the operator allocates).` +
        (recipient ? ` Slashed funds of this set go to ${shortAddress(recipient)} instead of being burned.` : ''),
    };
  });
};
