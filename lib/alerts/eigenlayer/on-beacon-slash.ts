// BeaconChainSlashingFactorDecreased (reference §1.6): the staker's own validators lost balance on
// the beacon chain (proven by a checkpoint). Not indexed: matched against the tracked addresses.
// Loss = beacon-chain withdrawable shares × (1 − new/prev), measured at block-1 vs the block.
import { getAddress, type Address } from 'viem';
import { BEACON_CHAIN_ETH_STRATEGY } from '../../chains/deployments.js';
import { formatWadPercent, shortAddress } from '../../portfolio/format.js';
import { sharesLost, WAD } from '../loss-math.js';
import { listAmounts, totalsText } from '../text.js';
import { alertBase, type Handler } from './context.js';

export const onBeaconSlash: Handler = async (env, ev) => {
  const staker = getAddress(ev.args.staker as Address);
  const a = env.ctx.addresses.find((x) => x === staker);
  const prevFactor = ev.args.prevBeaconChainSlashingFactor as bigint;
  const newFactor = ev.args.newBeaconChainSlashingFactor as bigint;
  const B = ev.blockNumber;
  if (!a || newFactor >= prevFactor || prevFactor === 0n || B === 0n) return [];
  const { reads } = env;
  const [[before], [after], operator, asset] = await Promise.all([
    reads.withdrawable(a, [BEACON_CHAIN_ETH_STRATEGY], B - 1n),
    reads.withdrawable(a, [BEACON_CHAIN_ETH_STRATEGY], B),
    reads.delegatedTo(a, B),
    reads.asset(BEACON_CHAIN_ETH_STRATEGY),
  ]);
  const alone = env.lossCount(`${B}:beacon:${a.toLowerCase()}`) === 1 && (operator === null || env.lossCount(`${B}:op:${operator.toLowerCase()}`) === 0);
  const expected = (before! * (prevFactor - newFactor)) / prevFactor;
  const lost = sharesLost(before!, after!, expected, alone);
  const assets = [{ asset, strategy: BEACON_CHAIN_ETH_STRATEGY, source: 'position' as const, amountLost: lost, sharesLost: lost }];
  return [{
    ...(await alertBase(env, ev, a)),
    kind: 'beacon-slash',
    severity: 'critical',
    operator,
    service: null,
    setId: null,
    assets,
    title: `Beacon-chain loss: ${shortAddress(a)} lost ${totalsText(assets, 'amountLost')}`,
    sentence: `A checkpoint proved that validators of ${shortAddress(a)}'s EigenPod lost balance: its restaked ETH fell by ${formatWadPercent(((prevFactor - newFactor) * WAD) / prevFactor)}, i.e. ${listAmounts(assets, 'amountLost')}.`,
  }];
};
