// `local:portfolio`: written only by the background after each refresh attempt.
import { storage } from 'wxt/utils/storage';
import { snapshotToPlain } from '../../portfolio/codec.js';
import { decodePortfolio } from './decode-portfolio.js';
import { PORTFOLIO_VERSION, type Portfolio, type StoredPortfolio } from './portfolio.js';

export const PORTFOLIO_KEY = 'local:portfolio' as const;

export const portfolioItem = storage.defineItem<unknown>(PORTFOLIO_KEY, { version: PORTFOLIO_VERSION });

export async function loadPortfolio(): Promise<Portfolio> {
  const { value, problems } = decodePortfolio(await portfolioItem.getValue());
  if (problems.length) console.warn('[portfolio] stored portfolio repaired on read:', problems);
  return value;
}

export async function savePortfolio(portfolio: Portfolio): Promise<void> {
  const stored: StoredPortfolio = { snapshot: portfolio.snapshot ? snapshotToPlain(portfolio.snapshot) : null, status: portfolio.status };
  await portfolioItem.setValue(stored);
}
