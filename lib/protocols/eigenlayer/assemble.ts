// Pure assembly of one staker's EigenLayer reading from raw call results; no I/O, so the rules
// (what counts as slashable, when a withdrawal completes) are unit-testable.
import { getAddress, zeroAddress, type Address } from 'viem';
import type { Asset, Exposure, Position, Withdrawal } from '../../portfolio/types.js';
import type { AddressReading } from '../adapter.js';
import { slashablePart } from './exposure-math.js';
import { withdrawalRoot, type EigenWithdrawal } from './withdrawal-root.js';

export interface Raw {
  operator: Address | null;
  strategies: Address[];
  depositShares: bigint[];
  withdrawable: bigint[];
  withdrawals: EigenWithdrawal[];
  withdrawalShares: bigint[][];
}

export interface OperatorSetRef {
  avs: Address;
  id: number;
}

export interface Lookups {
  blockNumber: bigint;
  minDelay: bigint;
  assetOf(strategy: Address): Asset;
  underlying(strategy: Address, shares: bigint): bigint;
  sets(operator: Address): OperatorSetRef[];
  allocation(operator: Address, set: OperatorSetRef, strategy: Address): { currentMagnitude: bigint; pendingDiff: bigint; effectBlock: number } | undefined;
  maxMagnitude(operator: Address, strategy: Address): bigint | undefined;
  setInfo(set: OperatorSetRef): { slasher: Address | null; redistributes: boolean };
  isSlashable(operator: Address, set: OperatorSetRef): boolean;
}

export function assemble(raw: Raw, l: Lookups): AddressReading {
  const positions: Position[] = raw.strategies.map((strategy, i) => ({
    protocol: 'eigenlayer',
    operator: raw.operator,
    asset: l.assetOf(strategy),
    amount: l.underlying(strategy, raw.withdrawable[i] ?? 0n),
    strategy,
    depositShares: raw.depositShares[i] ?? 0n,
    withdrawableShares: raw.withdrawable[i] ?? 0n,
  }));

  const withdrawals: Withdrawal[] = raw.withdrawals.flatMap((w, i) => {
    const root = withdrawalRoot(w);
    // Completable when block.number > startBlock + minWithdrawalDelayBlocks; slashable until then.
    const completableAtBlock = BigInt(w.startBlock) + l.minDelay + 1n;
    const completable = l.blockNumber >= completableAtBlock;
    return w.strategies.map((s, j) => {
      const strategy = getAddress(s);
      const shares = raw.withdrawalShares[i]![j]!;
      return {
        protocol: 'eigenlayer' as const,
        id: root,
        operator: w.delegatedTo === zeroAddress ? null : getAddress(w.delegatedTo),
        asset: l.assetOf(strategy),
        strategy,
        amount: l.underlying(strategy, shares),
        startBlock: BigInt(w.startBlock),
        completableAtBlock,
        completable,
        slashable: !completable && w.delegatedTo !== zeroAddress,
      };
    });
  });

  const exposures: Exposure[] = [];
  const operator = raw.operator;
  if (operator) {
    for (const set of l.sets(operator)) {
      if (!l.isSlashable(operator, set)) continue;
      const info = l.setInfo(set);
      positions.forEach((p, i) => {
        const strategy = raw.strategies[i]!;
        const allocation = l.allocation(operator, set, strategy);
        const maxMagnitude = l.maxMagnitude(operator, strategy);
        if (!allocation || maxMagnitude === undefined) return;
        if (allocation.currentMagnitude === 0n && allocation.pendingDiff === 0n) return;
        const withdrawableShares = p.withdrawableShares ?? 0n;
        exposures.push({
          protocol: 'eigenlayer',
          operator,
          service: set.avs,
          serviceSetId: set.id,
          asset: p.asset,
          strategy,
          slashableShares: slashablePart(withdrawableShares, allocation.currentMagnitude, maxMagnitude),
          slashableAmount: slashablePart(p.amount, allocation.currentMagnitude, maxMagnitude),
          currentMagnitude: allocation.currentMagnitude,
          maxMagnitude,
          pending: allocation.pendingDiff === 0n ? null : { diff: allocation.pendingDiff, effectBlock: BigInt(allocation.effectBlock) },
          redistributes: info.redistributes,
          slasher: info.slasher,
        });
      });
    }
  }
  return { positions, withdrawals, exposures };
}
