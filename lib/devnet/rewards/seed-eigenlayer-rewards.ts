// Devnet EigenLayer rewards: RewardsCoordinator test contract, distribution roots built by the
// project's merkle-tree builder, operator splits. STUB: filled in by the EigenLayer rewards work (issue 5).
import type { Address } from 'viem';
import type { DevnetToken, EigenLayerCore } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';

export interface EigenLayerRewardsScenario {
  notes: string;
}

export async function seedEigenLayerRewards(
  _sender: TxSender,
  _core: EigenLayerCore,
  _tokens: { stETH: DevnetToken; rETH: DevnetToken },
): Promise<{ rewardsCoordinator: Address | null; scenario: EigenLayerRewardsScenario | null }> {
  return { rewardsCoordinator: null, scenario: null };
}
