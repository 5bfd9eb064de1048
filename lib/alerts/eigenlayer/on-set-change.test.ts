// The set-change handlers with stubbed chain reads: RedistributionAddressSet cannot be emitted for a
// set that already has members on the devnet contracts (only at creation), so its matching rule is
// checked here.
import { describe, expect, it } from 'vitest';
import type { Address, Log } from 'viem';
import type { HandlerEnv } from './context.js';
import type { HistoricalReads } from './historical-reads.js';
import { onRedistributionSet, onSlasherUpdated } from './on-set-change.js';

const OP = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const AVS = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as Address;
const STAKER = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' as Address;
const LONER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as Address;
const RECIPIENT = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720' as Address;
const STRATEGY = '0x856e4424f806D16E8CBC702B3c0F2ede5468eae5' as Address;
const WAD = 10n ** 18n;

function env(member: boolean): HandlerEnv {
  const reads = {
    delegatedTo: async (a: Address) => (a === STAKER ? OP : null),
    isMember: async () => member,
    strategiesInSet: async () => [STRATEGY],
    withdrawable: async () => [100n * WAD],
    allocation: async () => ({ currentMagnitude: WAD / 4n, pendingDiff: 0n, effectBlock: 0 }),
    maxMagnitude: async () => WAD,
    asset: async () => ({ address: STRATEGY, symbol: 'stETH', decimals: 18 }),
    toUnderlying: async (_s: Address, shares: bigint) => shares,
  } as unknown as HistoricalReads;
  return {
    ctx: { chainId: 31337, addresses: [STAKER, LONER], head: 200n, blockTimestamp: async () => 1_700_000_000 } as unknown as HandlerEnv['ctx'],
    reads,
    lossCount: () => 0,
  };
}
const log = { blockNumber: 150n, blockHash: `0x${'ab'.repeat(32)}`, transactionHash: `0x${'cd'.repeat(32)}`, logIndex: 4 } as unknown as Log;
const set = { avs: AVS, id: 1 };

describe('set changes', () => {
  it('RedistributionAddressSet alerts delegators of a member operator with what the set can take', async () => {
    const out = await onRedistributionSet(env(true), { name: 'RedistributionAddressSet', args: { operatorSet: set, redistributionRecipient: RECIPIENT }, log, blockNumber: 150n });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'redistribution-set', severity: 'warning', address: STAKER, operator: OP, service: AVS, setId: 1, redistributionRecipient: RECIPIENT });
    expect(out[0]!.assets[0]!.amountAtRisk).toBe(25n * WAD);
    expect(out[0]!.id).toBe(`31337:0x${'cd'.repeat(32)}:4:${STAKER.toLowerCase()}`);
  });

  it('nothing when the operator is not in the set', async () => {
    expect(await onRedistributionSet(env(false), { name: 'RedistributionAddressSet', args: { operatorSet: set, redistributionRecipient: RECIPIENT }, log, blockNumber: 150n })).toEqual([]);
    expect(await onSlasherUpdated(env(false), { name: 'SlasherUpdated', args: { operatorSet: set, slasher: RECIPIENT, effectBlock: 226 }, log, blockNumber: 150n })).toEqual([]);
  });
});
