// SlasherUpdated and RedistributionAddressSet on an operator set the tracked address's operator is
// a member of (at creation a set has no members, so creating a set raises nothing).
import { getAddress, type Address } from 'viem';
import { shortAddress } from '../../portfolio/format.js';
import { setText, totalsText } from '../text.js';
import { alertBase, perAddress, type Handler } from './context.js';
import { exposureInSet } from './exposure-in-set.js';

const onSetChange = (kind: 'slasher-scheduled' | 'redistribution-set'): Handler => async (env, ev) => {
  const { reads, ctx } = env;
  const set = ev.args.operatorSet as { avs: Address; id: number };
  const B = ev.blockNumber;
  return perAddress(env, async (a) => {
    const operator = await reads.delegatedTo(a, B);
    if (!operator || !(await reads.isMember(operator, set, B))) return null;
    const assets = await exposureInSet(reads, a, operator, set, B);
    if (assets.length === 0) return null;
    const base = { ...(await alertBase(env, ev, a)), operator, service: getAddress(set.avs), setId: set.id, assets };
    if (kind === 'slasher-scheduled') {
      const slasher = getAddress(ev.args.slasher as Address);
      const effectBlock = BigInt(ev.args.effectBlock as number);
      return {
        ...base, kind, severity: 'warning', slasher, effectBlock,
        title: `New slasher for ${setText(set.avs, set.id)}`,
        sentence: `${setText(set.avs, set.id)}, which can slash ${totalsText(assets, 'amountAtRisk')} of ${shortAddress(a)}'s stake through operator ${shortAddress(operator)}, ` +
          `appointed ${shortAddress(slasher)} as its slasher, effective ${effectBlock <= ctx.head ? `since block ${effectBlock}` : `at block ${effectBlock}`}.`,
      };
    }
    const recipient = getAddress(ev.args.redistributionRecipient as Address);
    return {
      ...base, kind, severity: 'warning', redistributionRecipient: recipient,
      title: `${setText(set.avs, set.id)} now redistributes slashed funds`,
      sentence: `Funds ${setText(set.avs, set.id)} slashes (it can slash ${totalsText(assets, 'amountAtRisk')} of ${shortAddress(a)}'s stake through operator ${shortAddress(operator)}) now go to ${shortAddress(recipient)} instead of being burned.`,
    };
  });
};

export const onSlasherUpdated = onSetChange('slasher-scheduled');
export const onRedistributionSet = onSetChange('redistribution-set');
