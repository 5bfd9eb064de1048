// The chain's risk verdicts and the address's exposures, for the position rows below a chain block
// (a context so the blocks in between, owned by other features, need not pass them along).
import { createContext } from 'react';
import type { ChainRisk } from '../lib/extension/storage/risk.js';
import type { Exposure } from '../lib/portfolio/types.js';

export interface PositionRiskSource {
  risk: ChainRisk;
  exposures: readonly Exposure[];
}

export const PositionRiskContext = createContext<PositionRiskSource | null>(null);
