// The floor of RewardsClaimed log scans, per chain. The scan itself starts at the coordinator's
// deployment block found on chain (lib/chains/find-deployment-block.ts, cached); this floor is the
// fallback for a node without historical state. Mainnet: EigenLayer's protocol genesis (17445563,
// the Sidecar's config, reference §1.1), safe since the coordinator came later, but a first scan
// from there costs thousands of eth_getLogs chunks. Other chains (testnets, devnets): 0.
export const REWARDS_SCAN_START_BLOCK: Readonly<Record<number, number>> = {
  1: 17_445_563,
};

export function rewardsScanStartBlock(chainId: number): number {
  return REWARDS_SCAN_START_BLOCK[chainId] ?? 0;
}
