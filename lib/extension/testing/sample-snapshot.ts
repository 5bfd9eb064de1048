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

export const WSTETH = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as const;
export const SYM_VAULT = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' as const;
export const NETWORK = '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9' as const;
export const KARAK_VAULT = '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9' as const;
export const KARAK_V1_VAULT = '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707' as const;
export const DSS = '0x0165878A594ca255338adfa4d48449f69242Eb8F' as const;
export const SYM_OPERATOR = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
export const KARAK_OPERATOR = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955' as const;

/**
 * ALICE in all three protocols at block 1000: EigenLayer (stETH, ETH), a Symbiotic vault (wstETH,
 * veto slasher, a withdrawal claimable in 3 days), a Karak V2 vault (stETH, staked to 2 DSSs, a
 * pending unstake) and a Karak V1 deposit (wstETH). Totals: stETH 130, ETH 32, wstETH 11.
 */
export function threeProtocolSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const base = sampleSnapshot(overrides);
  const t = base.blockTimestamp;
  const stETH = { address: STETH, symbol: 'stETH', decimals: 18 };
  const wstETH = { address: WSTETH, symbol: 'wstETH', decimals: 18 };
  const e18 = 10n ** 18n;
  const alice = base.addresses[0]!;
  alice.failures = [];
  alice.positions.push(
    {
      protocol: 'symbiotic',
      operator: null,
      asset: wstETH,
      amount: 10n * e18,
      symbiotic: { vault: SYM_VAULT, vaultVersion: 1, activeShares: 10n * e18, slashableBalance: 12n * e18, epochDuration: 7 * 86_400, currentEpoch: 12, currentEpochStart: t - 86_400 },
    },
    { protocol: 'karak', operator: KARAK_OPERATOR, asset: stETH, amount: 7n * e18, karak: { version: 2, vault: KARAK_VAULT, shares: 7n * e18, dssCount: 2 } },
    { protocol: 'karak', operator: null, asset: wstETH, amount: 1n * e18, karak: { version: 1, vault: KARAK_V1_VAULT, shares: 1n * e18, dssCount: 0 } },
  );
  alice.withdrawals.push(
    {
      protocol: 'symbiotic',
      id: '0x000000000000000000000000000000000000000000000000000000000000000d',
      operator: null,
      asset: wstETH,
      amount: 2n * e18,
      completableAt: t + 3 * 86_400,
      completable: false,
      slashable: true,
      symbiotic: { vault: SYM_VAULT, epoch: 13, claimed: false },
    },
    {
      protocol: 'karak',
      id: '0x2222222222222222222222222222222222222222222222222222222222222222',
      operator: KARAK_OPERATOR,
      asset: stETH,
      amount: 1n * e18,
      completableAt: t - 60,
      completable: true,
      slashable: false,
      karak: { vault: KARAK_VAULT, version: 2 },
    },
  );
  alice.exposures.push(
    {
      protocol: 'symbiotic',
      operator: SYM_OPERATOR,
      service: NETWORK,
      serviceSetId: 0,
      asset: wstETH,
      slashableAmount: 4n * e18,
      pending: null,
      redistributes: false,
      slasher: AVS,
      symbiotic: {
        vault: SYM_VAULT,
        subnetwork: `0x${NETWORK.slice(2).toLowerCase()}000000000000000000000000`,
        delegatorType: 0,
        operatorStake: 40n * e18,
        slasherType: 'veto',
        vetoDuration: 2 * 86_400,
        resolver: null,
        burner: BOB,
        burnerKind: 'burn',
      },
    },
    {
      protocol: 'karak',
      operator: KARAK_OPERATOR,
      service: DSS,
      serviceSetId: 0,
      asset: stETH,
      slashableAmount: 35n * 10n ** 17n,
      pending: null,
      redistributes: false,
      slasher: null,
      karak: { vault: KARAK_VAULT, maxSlashablePercentageWad: 50n * e18, dssCount: 2, pendingUpdate: { toStake: false, finalizableAt: t + 9 * 86_400 } },
    },
  );
  return base;
}
