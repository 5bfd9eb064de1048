// The rule list: one line per rule. Adding a rule = one file + one line here + its table test.
import { exitDelay } from './exit-delay.js';
import { operatorConcentration } from './operator-concentration.js';
import { operatorTenure } from './operator-tenure.js';
import { pendingChanges } from './pending-changes.js';
import type { RiskRule } from './rule.js';
import { sharedStake } from './shared-stake.js';
import { slashingAuthority } from './slashing-authority.js';
import { slashingHistory } from './slashing-history.js';
import { slashingRedistribution } from './slashing-redistribution.js';
import { slashingVeto } from './slashing-veto.js';

export const RULES: readonly RiskRule[] = [
  slashingAuthority,
  slashingVeto,
  slashingRedistribution,
  exitDelay,
  sharedStake,
  slashingHistory,
  operatorConcentration,
  operatorTenure,
  pendingChanges,
] as unknown as readonly RiskRule[];
