import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshotToPlain } from '../../../portfolio/codec.js';
import { sampleSnapshot } from '../../testing/sample-snapshot.js';
import { decodePortfolio } from '../decode-portfolio.js';
import { loadPortfolio, portfolioItem } from '../portfolio-item.js';
import { migratePortfolioTo2 } from './portfolio-002.js';

const stale = { state: 'stale' as const, lastAttemptAt: 9, lastSuccessAt: 2, error: { name: 'RpcUnavailableError', message: 'down' } };
const v1 = { snapshot: snapshotToPlain(sampleSnapshot({ chainId: 17000 })), status: stale };

describe('portfolio migration v1 -> v2', () => {
  beforeEach(() => fakeBrowser.reset());

  it('moves the single snapshot and its status under the chain id the snapshot names', () => {
    expect(migratePortfolioTo2(v1)).toEqual({ chains: { '17000': v1 } });
  });

  it('without a snapshot (or a chain id) there is nothing to file: starts empty', () => {
    expect(migratePortfolioTo2({ snapshot: null, status: stale })).toEqual({ chains: {} });
    expect(migratePortfolioTo2({ snapshot: { chainId: 'one' }, status: stale })).toEqual({ chains: {} });
    expect(migratePortfolioTo2('junk')).toBe('junk');
  });

  it('runs through the storage item: a v1 value is rewritten as v2 and decodes with bigints', async () => {
    await fakeBrowser.storage.local.set({ portfolio: v1, portfolio$: { v: 1 } });
    await portfolioItem.migrate();
    const stored = await fakeBrowser.storage.local.get(['portfolio', 'portfolio$']);
    expect(stored.portfolio$).toEqual({ v: 2 });
    expect(await loadPortfolio()).toEqual({ chains: { '17000': { snapshot: sampleSnapshot({ chainId: 17000 }), status: stale } } });
  });

  it('a page reading a not-yet-migrated v1 value decodes it as v2', () => {
    expect(decodePortfolio(v1).value.chains['17000']?.status).toEqual(stale);
  });
});
