import { expect } from 'vitest';
import { getAddress } from 'viem';
import type { AddressSnapshot, Snapshot } from '../../../lib/portfolio/types.js';
import { amAbi, BEACON, dmAbi, underlyingOf, withdrawableOf, type ChainClient, type Manifest } from './chain-reads.js';

/** Asserts one address of a snapshot against figures derived independently from the chain at the snapshot's block. */
export async function expectMatchesChain(c: ChainClient, m: Manifest, s: Snapshot, all: AddressSnapshot) {
  // EigenLayer figures only: other protocols' items for the same address are checked by their own tests.
  const el_ = <T extends { protocol: string }>(xs: T[]) => xs.filter((x) => x.protocol === 'eigenlayer');
  const a = { ...all, positions: el_(all.positions), exposures: el_(all.exposures), withdrawals: el_(all.withdrawals), failures: el_(all.failures) };
  const el = m.contracts.eigenlayer;
  const block = s.blockNumber;
  const [strategies, deposits] = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getDepositedShares', args: [a.address], blockNumber: block });
  expect(a.positions.map((p) => p.strategy)).toEqual(strategies.map((x) => getAddress(x)));
  for (const [i, strategy] of strategies.entries()) {
    const p = a.positions[i]!;
    const withdrawable = await withdrawableOf(c, m, a.address, strategy, deposits[i]!, block);
    expect(p.depositShares).toBe(deposits[i]);
    expect(p.withdrawableShares).toBe(withdrawable);
    const amount = strategy.toLowerCase() === BEACON.toLowerCase() ? withdrawable : await underlyingOf(c, strategy, withdrawable, block);
    expect(p.amount, `${a.address} ${p.asset.symbol}`).toBe(amount);
    const token = m.contracts.tokens.find((t) => t.strategy.toLowerCase() === strategy.toLowerCase());
    expect(p.asset.symbol).toBe(token ? token.symbol : 'ETH');
  }
  // Exposure: withdrawable × current / max for every slashable allocated set of the operator.
  const operator = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'delegatedTo', args: [a.address], blockNumber: block });
  const expected: string[] = [];
  if (operator !== '0x0000000000000000000000000000000000000000') {
    const sets = await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getAllocatedSets', args: [operator], blockNumber: block });
    for (const set of sets) {
      if (!(await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'isOperatorSlashable', args: [operator, set], blockNumber: block }))) continue;
      for (const p of a.positions) {
        const alloc = await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getAllocation', args: [operator, set, p.strategy!], blockNumber: block });
        if (alloc.currentMagnitude === 0n && alloc.pendingDiff === 0n) continue;
        const [max] = (await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getMaxMagnitudes', args: [operator, [p.strategy!]], blockNumber: block })) as [bigint];
        expected.push(`${set.avs}:${set.id}:${p.asset.symbol}:${(p.amount * alloc.currentMagnitude) / max}:${alloc.pendingDiff}`);
      }
    }
  }
  expect(a.exposures.map((e) => `${e.service}:${e.serviceSetId}:${e.asset.symbol}:${e.slashableAmount}:${e.pending?.diff ?? 0n}`).sort()).toEqual(expected.sort());
  // Withdrawals: completable at startBlock + delay + 1; amount of the shares "with slashing applied".
  const [ws, shares] = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getQueuedWithdrawals', args: [a.address], blockNumber: block });
  const delay = BigInt(await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'minWithdrawalDelayBlocks', blockNumber: block }));
  const expectedW: string[] = [];
  for (const [i, w] of ws.entries()) {
    for (const [j, st] of w.strategies.entries()) {
      const amount = st.toLowerCase() === BEACON.toLowerCase() ? shares[i]![j]! : await underlyingOf(c, st, shares[i]![j]!, block);
      expectedW.push(`${getAddress(st)}:${amount}:${BigInt(w.startBlock) + delay + 1n}`);
    }
  }
  expect(a.withdrawals.map((w) => `${w.strategy}:${w.amount}:${w.completableAtBlock}`).sort()).toEqual(expectedW.sort());
  expect(a.failures).toEqual([]);
}

