// Devnet Symbiotic staker rewards on the real @symbioticfi/rewards contracts.
// STUB: filled in by the Symbiotic rewards work (issue 5).
import type { Address } from 'viem';
import type { DevnetToken } from '../deploy-core.js';
import type { TxSender } from '../tx-sender.js';
import type { SymbioticSeed } from './seed-symbiotic.js';

export interface SymbioticRewardsScenario {
  notes: string;
}

export async function seedSymbioticRewards(
  _sender: TxSender,
  _seed: SymbioticSeed,
  _tokens: { stETH: DevnetToken; rETH: DevnetToken },
): Promise<{ stakerRewardsFactory: Address | null; scenario: SymbioticRewardsScenario | null }> {
  return { stakerRewardsFactory: null, scenario: null };
}
