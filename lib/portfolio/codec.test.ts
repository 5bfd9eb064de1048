import { describe, expect, it } from 'vitest';
import { snapshotFromJson, snapshotFromPlain, snapshotToJson } from './codec.js';
import type { Snapshot } from './types.js';

const snapshot: Snapshot = {
  schemaVersion: 1,
  chainId: 31337,
  blockNumber: 123n,
  blockTimestamp: 1_700_000_000,
  fetchedAt: 1_700_000_000_500,
  addresses: [
    {
      address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      positions: [
        {
          protocol: 'eigenlayer',
          operator: null,
          asset: { address: null, symbol: 'ETH', decimals: 18 },
          amount: 2n ** 70n,
          strategy: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
          depositShares: 5n,
          withdrawableShares: 4n,
        },
      ],
      withdrawals: [],
      exposures: [
        {
          protocol: 'eigenlayer',
          operator: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
          service: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
          serviceSetId: 1,
          asset: { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'stETH', decimals: 18 },
          slashableAmount: 10n,
          slashableShares: 9n,
          currentMagnitude: 5n * 10n ** 17n,
          maxMagnitude: 10n ** 18n,
          pending: { diff: -1n, effectBlock: 200n },
          redistributes: true,
          slasher: null,
        },
      ],
      failures: [{ protocol: 'eigenlayer', message: 'x' }],
    },
  ],
};

describe('snapshot codec', () => {
  it('round-trips bigints exactly through JSON', () => {
    expect(snapshotFromJson(snapshotToJson(snapshot))).toEqual(snapshot);
  });
  it('writes amounts as decimal strings', () => {
    expect(snapshotToJson(snapshot)).toContain(`"amount":"${2n ** 70n}"`);
  });
  it('names the bad field on invalid input', () => {
    const bad = JSON.parse(snapshotToJson(snapshot));
    bad.addresses[0].positions[0].amount = '1.5';
    expect(() => snapshotFromPlain(bad)).toThrow(/addresses\[0\]\.positions\[0\]\.amount/);
    expect(() => snapshotFromPlain({ ...bad, schemaVersion: 9 })).toThrow(/schemaVersion/);
    expect(() => snapshotFromPlain(null)).toThrow(/expected an object/);
  });
});
