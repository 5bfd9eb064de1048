import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { BEACON_CHAIN_ETH_STRATEGY } from '../../chains/deployments.js';
import { assemble, type Lookups, type Raw } from './assemble.js';
import { withdrawalRoot } from './withdrawal-root.js';

const OP = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as Address;
const AVS = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as Address;
const ST = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as Address;
const STAKER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const WAD = 10n ** 18n;

function lookups(over: Partial<Lookups> = {}): Lookups {
  return {
    blockNumber: 1000n,
    minDelay: 50n,
    assetOf: (s) => (s === BEACON_CHAIN_ETH_STRATEGY ? { address: null, symbol: 'ETH', decimals: 18 } : { address: ST, symbol: 'stETH', decimals: 18 }),
    underlying: (s, shares) => (s === BEACON_CHAIN_ETH_STRATEGY ? shares : shares * 2n), // 2 tokens per share
    sets: () => [{ avs: AVS, id: 0 }],
    allocation: () => ({ currentMagnitude: WAD / 2n, pendingDiff: 0n, effectBlock: 0 }),
    maxMagnitude: () => (WAD * 7n) / 8n,
    setInfo: () => ({ slasher: AVS, redistributes: false }),
    isSlashable: () => true,
    ...over,
  };
}

const raw = (): Raw => ({
  operator: OP,
  strategies: [ST, BEACON_CHAIN_ETH_STRATEGY],
  depositShares: [100n * WAD, 32n * WAD],
  withdrawable: [87n * WAD, 28n * WAD],
  withdrawals: [],
  withdrawalShares: [],
});

describe('assemble (EigenLayer)', () => {
  it('values positions from withdrawable shares, not deposit shares', () => {
    const r = assemble(raw(), lookups());
    expect(r.positions.map((p) => p.amount)).toEqual([174n * WAD, 28n * WAD]);
    expect(r.positions[1]!.asset.symbol).toBe('ETH');
  });

  it('slashable = position × current / max per operator set', () => {
    const r = assemble(raw(), lookups());
    expect(r.exposures).toHaveLength(2);
    // 174e18 × 0.5 / 0.875, floored
    expect(r.exposures[0]!.slashableAmount).toBe((174n * WAD * (WAD / 2n)) / ((WAD * 7n) / 8n));
    expect(r.exposures[0]!.slashableShares).toBe((87n * WAD * (WAD / 2n)) / ((WAD * 7n) / 8n));
  });

  it('no exposure when undelegated, when unallocated, or when the set can no longer slash', () => {
    expect(assemble({ ...raw(), operator: null }, lookups()).exposures).toEqual([]);
    expect(assemble(raw(), lookups({ allocation: () => ({ currentMagnitude: 0n, pendingDiff: 0n, effectBlock: 0 }) })).exposures).toEqual([]);
    expect(assemble(raw(), lookups({ isSlashable: () => false })).exposures).toEqual([]);
  });

  it('keeps a pending allocation with its effect block', () => {
    const r = assemble(raw(), lookups({ allocation: () => ({ currentMagnitude: 0n, pendingDiff: WAD / 4n, effectBlock: 1100 }) }));
    expect(r.exposures[0]!.pending).toEqual({ diff: WAD / 4n, effectBlock: 1100n });
    expect(r.exposures[0]!.slashableAmount).toBe(0n);
  });

  it('withdrawals: completable after startBlock + delay, slashable until then', () => {
    const w = { staker: STAKER, delegatedTo: OP, withdrawer: STAKER, nonce: 0n, startBlock: 960, strategies: [ST], scaledShares: [10n] };
    const pending = assemble({ ...raw(), withdrawals: [w], withdrawalShares: [[5n]] }, lookups());
    expect(pending.withdrawals[0]).toMatchObject({ amount: 10n, completableAtBlock: 1011n, completable: false, slashable: true, id: withdrawalRoot(w) });
    const done = assemble({ ...raw(), withdrawals: [w], withdrawalShares: [[5n]] }, lookups({ blockNumber: 1011n }));
    expect(done.withdrawals[0]).toMatchObject({ completable: true, slashable: false });
  });
});
