// A small but complete snapshot for extension tests (positions, exposure with a pending change,
// a queued withdrawal, a failing protocol) so UI and storage tests cover every section.
import type { Snapshot } from '../../portfolio/types.js';

export const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
export const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
export const OPERATOR = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;
export const AVS = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65' as const;
export const STETH = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;

export function sampleSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const stETH = { address: STETH, symbol: 'stETH', decimals: 18 };
  return {
    schemaVersion: 1,
    chainId: 1,
    blockNumber: 1000n,
    blockTimestamp: 1_700_000_000,
    fetchedAt: 1_700_000_000_000,
    addresses: [
      {
        address: ALICE,
        positions: [
          { protocol: 'eigenlayer', operator: OPERATOR, asset: stETH, amount: 123n * 10n ** 18n },
          { protocol: 'eigenlayer', operator: null, asset: { address: null, symbol: 'ETH', decimals: 18 }, amount: 32n * 10n ** 18n },
        ],
        withdrawals: [
          {
            protocol: 'eigenlayer',
            id: '0x1111111111111111111111111111111111111111111111111111111111111111',
            operator: OPERATOR,
            asset: stETH,
            amount: 5n * 10n ** 18n,
            startBlock: 900n,
            completableAtBlock: 1300n,
            completable: false,
            slashable: true,
          },
        ],
        exposures: [
          {
            protocol: 'eigenlayer',
            operator: OPERATOR,
            service: AVS,
            serviceSetId: 7,
            asset: stETH,
            slashableAmount: 615n * 10n ** 17n,
            slashableShares: 615n * 10n ** 17n,
            currentMagnitude: 5n * 10n ** 17n,
            maxMagnitude: 10n ** 18n,
            pending: { diff: -(10n ** 17n), effectBlock: 1100n },
            redistributes: true,
            slasher: null,
          },
        ],
        failures: [{ protocol: 'symbiotic', message: 'vault reverted' }],
      },
    ],
    ...overrides,
  };
}
