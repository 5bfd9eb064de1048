import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, keccak256, parseEther, type Address } from 'viem';
import { assembleV1, assembleV2, slashablePart, v1WithdrawalRoot, withdrawalKey, type V2Holding } from './assemble.js';

const A = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const stETH = { address: A(1), symbol: 'stETH', decimals: 18 };
const DAY = 86_400;

const holding = (over: Partial<V2Holding> = {}): V2Holding => ({
  vault: A(10), operator: A(20), asset: stETH, shares: parseEther('90'), amount: parseEther('95'), leverage: parseEther('200'),
  stakedTo: [{ dss: A(30), maxSlashablePercentageWad: parseEther('10') }, { dss: A(31), maxSlashablePercentageWad: parseEther('50') }],
  pendingUpdates: [], ...over,
});

describe('Karak V2 assembly', () => {
  it('one position per vault with shares; one exposure per staked DSS = amount x max% / 100e18', () => {
    const r = assembleV2([holding(), holding({ vault: A(11), shares: 0n })], [], 0);
    expect(r.positions).toEqual([{ protocol: 'karak', operator: A(20), asset: stETH, amount: parseEther('95'), karak: { version: 2, vault: A(10), shares: parseEther('90'), dssCount: 2 } }]);
    expect(r.exposures.map((e) => [e.service, e.serviceSetId, e.slashableAmount, e.karak!.dssCount])).toEqual([
      [A(30), 0, parseEther('9.5'), 2],
      [A(31), 0, parseEther('47.5'), 2],
    ]);
  });

  it('rounds the slashable part down (solidity integer division)', () => {
    expect(slashablePart(7n, parseEther('33'))).toBe(2n);
    expect(slashablePart(parseEther('1'), parseEther('100'))).toBe(parseEther('1'));
  });

  it('a pending stake into a new DSS shows with nothing slashable yet and its finalization time', () => {
    const h = holding({ pendingUpdates: [{ dss: A(32), toStake: true, startTimestamp: 1_000, maxSlashablePercentageWad: parseEther('20') }] });
    const e = assembleV2([h], [], 0).exposures.find((x) => x.service === A(32))!;
    expect(e.slashableAmount).toBe(0n);
    expect(e.karak!.pendingUpdate).toEqual({ toStake: true, finalizableAt: 1_000 + 9 * DAY });
  });

  it('a pending unstake is attached to the DSS still slashing the vault', () => {
    const h = holding({ pendingUpdates: [{ dss: A(30), toStake: false, startTimestamp: 5, maxSlashablePercentageWad: parseEther('10') }] });
    const e = assembleV2([h], [], 0).exposures.find((x) => x.service === A(30))!;
    expect(e.slashableAmount).toBe(parseEther('9.5'));
    expect(e.karak!.pendingUpdate).toEqual({ toStake: false, finalizableAt: 5 + 9 * DAY });
  });

  it('redeems: key keccak256(abi.encode(staker, nonce)), completable from start + 9 days, slashable while pending', () => {
    const r = { vault: A(10), operator: A(20), asset: stETH, staker: A(5), nonce: 3n, shares: 1n, amount: 2n, start: 100 };
    const [before] = assembleV2([], [r], 100 + 9 * DAY - 1).withdrawals;
    const [after] = assembleV2([], [r], 100 + 9 * DAY).withdrawals;
    expect(before!.id).toBe(keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [A(5), 3n])));
    expect(before!.id).toBe(withdrawalKey(A(5), 3n));
    expect([before!.completable, after!.completable]).toEqual([false, true]);
    expect(after!.completableAt).toBe(100 + 9 * DAY);
    expect(after!.slashable).toBe(true);
    expect(after!.karak).toEqual({ vault: A(10), version: 2 });
  });
});

describe('Karak V1 assembly', () => {
  const w = { staker: A(5), delegatedTo: A(0), nonce: 0n, start: 1_000n, request: { vaults: [A(40), A(41)], shares: [3n, 4n], withdrawer: A(5) } };
  const l = { now: 1_000 + 7 * DAY, delay: BigInt(7 * DAY), assetOf: () => stETH, amountOf: (_v: Address, s: bigint) => s * 2n };

  it('positions have no operator, no exposure; empty deposits are skipped', () => {
    const r = assembleV1([{ vault: A(40), asset: stETH, shares: 5n, amount: 6n }, { vault: A(41), asset: stETH, shares: 0n, amount: 0n }], [], l);
    expect(r.positions).toEqual([{ protocol: 'karak', operator: null, asset: stETH, amount: 6n, karak: { version: 1, vault: A(40), shares: 5n, dssCount: 0 } }]);
    expect(r.exposures).toEqual([]);
  });

  it('one withdrawal row per vault, id = root of the queued struct, completable at start + delay, never slashable', () => {
    const r = assembleV1([], [w], l);
    expect(r.withdrawals.map((x) => [x.id, x.amount, x.completableAt, x.completable, x.slashable, x.operator])).toEqual([
      [v1WithdrawalRoot(w), 6n, 1_000 + 7 * DAY, true, false, null],
      [v1WithdrawalRoot(w), 8n, 1_000 + 7 * DAY, true, false, null],
    ]);
    expect(assembleV1([], [w], { ...l, now: l.now - 1 }).withdrawals[0]!.completable).toBe(false);
  });
});
