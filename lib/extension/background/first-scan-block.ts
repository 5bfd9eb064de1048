// Where a chain's alert scan starts the first time (no persisted cursor). Mainnet-like chains:
// the last FIRST_SCAN_BLOCKS blocks (~17 h on Ethereum), so a new user sees recent slashes without a
// long catch-up (and without needing an archive RPC for amounts). The devnet a devnet build was made
// for starts at block 0: its history is short and holds the seeded scenario (an earlier slash), which
// a newcomer should see in the inbox.
import { BUILD_DEFAULTS } from '../build-defaults.js';
import type { BuildDefaults } from '../build-defaults-types.js';

export const FIRST_SCAN_BLOCKS = 5_000;

export function firstScanBlock(chainId: number, head: bigint, build: Pick<BuildDefaults, 'network' | 'chainId'> = BUILD_DEFAULTS): number {
  if (build.network === 'devnet' && build.chainId === chainId) return 0;
  return Math.max(0, Number(head) - FIRST_SCAN_BLOCKS);
}
