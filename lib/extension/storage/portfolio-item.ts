// `local:portfolio`: written only by the background's refresher after each chain's refresh attempt.
import { storage } from 'wxt/utils/storage';
import { snapshotToPlain } from '../../portfolio/codec.js';
import { decodePortfolio } from './decode-portfolio.js';
import { migratePortfolioTo2 } from './migrations/portfolio-002.js';
import { PORTFOLIO_VERSION, type Portfolio, type StoredPortfolio } from './portfolio.js';

export const PORTFOLIO_KEY = 'local:portfolio' as const;

export const portfolioItem = storage.defineItem<unknown>(PORTFOLIO_KEY, {
  version: PORTFOLIO_VERSION,
  migrations: { 2: migratePortfolioTo2 },
});

export async function loadPortfolio(): Promise<Portfolio> {
  const { value, problems } = decodePortfolio(await portfolioItem.getValue());
  if (problems.length) console.warn('[portfolio] stored portfolio repaired on read:', problems);
  return value;
}

/** Plain JSON form (bigints as strings): for storage and for runtime messages. */
export function portfolioToPlain(portfolio: Portfolio): StoredPortfolio {
  const chains: StoredPortfolio['chains'] = {};
  for (const [id, c] of Object.entries(portfolio.chains)) chains[id] = { snapshot: c.snapshot ? snapshotToPlain(c.snapshot) : null, status: c.status };
  return { chains };
}

export async function savePortfolio(portfolio: Portfolio): Promise<void> {
  await portfolioItem.setValue(portfolioToPlain(portfolio));
}
