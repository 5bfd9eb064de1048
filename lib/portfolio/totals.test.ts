import { describe, expect, it } from 'vitest';
import type { AddressSnapshot, Position } from './types.js';
import { totalsByAsset } from './totals.js';

const ST = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'stETH', decimals: 18 } as const;
const pos = (protocol: Position['protocol'], amount: bigint, asset: Position['asset'] = ST): Position => ({ protocol, operator: null, asset, amount });

describe('totalsByAsset', () => {
  it('adds the same token across protocols and keeps native ETH apart', () => {
    const a: AddressSnapshot = {
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      positions: [pos('eigenlayer', 5n), pos('symbiotic', 7n), pos('karak', 11n), pos('eigenlayer', 32n, { address: null, symbol: 'ETH', decimals: 18 })],
      withdrawals: [],
      exposures: [],
      failures: [],
    };
    expect(totalsByAsset(a)).toEqual([
      { asset: { address: null, symbol: 'ETH', decimals: 18 }, amount: 32n, protocols: ['eigenlayer'] },
      { asset: ST, amount: 23n, protocols: ['eigenlayer', 'symbiotic', 'karak'] },
    ]);
  });
  it('matches token addresses case-insensitively', () => {
    const lower = { ...ST, address: ST.address.toLowerCase() as `0x${string}` };
    const a = { address: ST.address, positions: [pos('eigenlayer', 1n), pos('karak', 2n, lower)], withdrawals: [], exposures: [], failures: [] } as AddressSnapshot;
    expect(totalsByAsset(a).map((t) => t.amount)).toEqual([3n]);
  });
});
