import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { appendHistory, decodeHistory, type History } from './history.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as Address;
const point = (v: string | null) => new Map([[A, { valueEth: v, claimableEth: null }]]);

describe('appendHistory', () => {
  it('appends one point per refresh and bounds the series', () => {
    let h: History = {};
    for (let i = 1; i <= 10; i++) h = appendHistory(h, 1, point(String(i)), { block: BigInt(i), t: i * 100 }, { spacingSeconds: 0, maxPoints: 4, tracked: [A] });
    expect(h['1']![A]!.map((p) => p.valueEth)).toEqual(['7', '8', '9', '10']);
  });

  it('replaces the newest point when refreshes come closer than the spacing', () => {
    let h: History = {};
    for (const [block, t] of [[1, 0], [2, 3600], [3, 3700], [4, 3800]] as const) h = appendHistory(h, 1, point(String(block)), { block: BigInt(block), t }, { spacingSeconds: 3600, tracked: [A] });
    expect(h['1']![A]!.map((p) => p.block)).toEqual(['1', '2', '4']);
  });

  it('ignores an older block from a lagging RPC and drops untracked addresses', () => {
    let h: History = {};
    h = appendHistory(h, 1, new Map([[A, { valueEth: '5', claimableEth: null }], [B, { valueEth: '1', claimableEth: null }]]), { block: 10n, t: 10 }, { spacingSeconds: 0, tracked: [A, B] });
    h = appendHistory(h, 1, point('4'), { block: 9n, t: 9 }, { spacingSeconds: 0, tracked: [A] });
    expect(h['1']![A]!.map((p) => p.valueEth)).toEqual(['5']);
    expect(h['1']![B]).toBeUndefined();
  });

  it('keeps unknown values as null, never 0', () => {
    const h = appendHistory({}, 1, point(null), { block: 1n, t: 1 }, { spacingSeconds: 0, tracked: [A] });
    expect(h['1']![A]![0]!.valueEth).toBeNull();
  });
});

describe('decodeHistory', () => {
  it('drops malformed points and keeps the rest', () => {
    const h = decodeHistory({ '1': { [A]: [{ block: '1', t: 1, valueEth: '2', claimableEth: null }, { block: 'x', t: 1, valueEth: '2', claimableEth: null }, { block: '2', t: 2, valueEth: '<script>', claimableEth: null }] }, nope: {} });
    expect(h).toEqual({ '1': { [A]: [{ block: '1', t: 1, valueEth: '2', claimableEth: null }] } });
  });
});
