// A rewards snapshot covering every variant, for codec, renderer and popup tests.
import type { RewardsSnapshot } from '../types.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const EIGEN = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const, symbol: 'EIGEN', decimals: 18 };
const stETH = { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512' as const, symbol: 'stETH', decimals: 18 };
const rETH = { address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' as const, symbol: 'rETH', decimals: 18 };
const TX = '0x1111111111111111111111111111111111111111111111111111111111111111' as const;
const ROOT = '0x2222222222222222222222222222222222222222222222222222222222222222' as const;
const E = 10n ** 18n;

export function sampleRewards(): RewardsSnapshot {
  return {
    schemaVersion: 1,
    chainId: 31337,
    blockNumber: 1234n,
    blockTimestamp: 1_760_000_000,
    fetchedAt: 1_760_000_001_000,
    addresses: [
      {
        address: A,
        eigenlayer: {
          claimer: null,
          claimed: [{ token: EIGEN, cumulativeClaimed: 5n * E }],
          history: [{ protocol: 'eigenlayer', token: EIGEN, amount: 5n * E, claimer: A, recipient: B, blockNumber: 1200n, txHash: TX, logIndex: 3, root: ROOT }],
          claimable: {
            status: 'verified', rootIndex: 1, root: ROOT, activatedAt: 1_759_000_000,
            tokens: [{ token: EIGEN, cumulativeEarnings: 17n * E, cumulativeClaimed: 5n * E, claimable: 12n * E }],
          },
          activeRoot: { index: 1, root: ROOT, rewardsCalculationEndTimestamp: 1_758_000_000, activatedAt: 1_759_000_000, disabled: false },
          latestRoot: { index: 1, root: ROOT, rewardsCalculationEndTimestamp: 1_758_000_000, activatedAt: 1_759_000_000, disabled: false },
          operatorSplits: { operator: B, piSplitBips: 500, defaultSplitBips: 1000, avsSplits: [{ avs: A, bips: 1500 }], setSplits: [{ avs: A, id: 0, bips: 1000 }] },
        },
        symbiotic: [
          {
            vault: B, rewardsContract: A, version: 2, adminFeeBips: 1000,
            claimable: [{ network: B, token: stETH, amount: 3n * E, distributions: 2 }],
            history: [{ protocol: 'symbiotic', token: stETH, amount: E, claimer: A, recipient: A, blockNumber: 1100n, txHash: TX, logIndex: 0, network: B, rewardsContract: A }],
          },
        ],
        karak: [{ vault: B, asset: rETH, shares: 40n * E, points: [{ blockNumber: 10n, timestamp: 1_758_000_000, assets: 40n * E }, { blockNumber: 1234n, timestamp: 1_760_000_000, assets: 32n * E }] }],
        nativeEth: { restakedWei: 32n * E, validatorYield: 'not-measured' },
      },
      {
        address: B,
        eigenlayer: { error: 'RPC timeout' },
        symbiotic: null,
        karak: null,
        nativeEth: null,
      },
    ],
    baseYield: [
      {
        token: stETH, method: 'wstETH.stEthPerToken', underlying: 'ETH', rebasing: true,
        samples: [{ blockNumber: 10n, timestamp: 1_757_408_000, rate: E }, { blockNumber: 1234n, timestamp: 1_760_000_000, rate: 1_002_500_000_000_000_000n }],
        annualizedPpm: 30_416n,
      },
      { token: rETH, error: 'rate source failed its on-chain check' },
    ],
    prices: [
      { pair: 'ETH/USD', base: 'ETH', quote: 'USD', feed: A, token: null, answer: 3_000n * 10n ** 8n, decimals: 8, updatedAt: 1_759_999_000, stale: false },
      { pair: 'stETH/ETH', base: 'stETH', quote: 'ETH', feed: B, token: stETH.address, answer: 999n * 10n ** 15n, decimals: 18, updatedAt: 1_759_000_000, stale: true },
    ],
  };
}
