// Where RewardsClaimed log scans start, per chain. Mainnet: the RewardsCoordinator's exact deployment
// block could not be established offline, so the scan starts at EigenLayer's protocol genesis
// (17445563, the Sidecar's config, reference §1.1): safe (the coordinator came later) but the first
// scan costs ~3,000 eth_getLogs chunks; the cursor in the cache makes every later refresh cheap.
// Other chains (testnets, devnets): 0.
export const REWARDS_SCAN_START_BLOCK: Readonly<Record<number, number>> = {
  1: 17_445_563,
};

export function rewardsScanStartBlock(chainId: number): number {
  return REWARDS_SCAN_START_BLOCK[chainId] ?? 0;
}
