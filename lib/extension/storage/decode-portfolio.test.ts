import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshotToPlain } from '../../portfolio/codec.js';
import { sampleSnapshot } from '../testing/sample-snapshot.js';
import { decodePortfolio } from './decode-portfolio.js';
import { loadPortfolio, savePortfolio } from './portfolio-item.js';

const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 2 };

describe('decodePortfolio', () => {
  it('reads "never" when nothing is stored', () => {
    expect(decodePortfolio(undefined)).toEqual({ value: { snapshot: null, status: { state: 'never', lastAttemptAt: null, lastSuccessAt: null } }, problems: [] });
  });

  it('decodes the plain snapshot back to bigints', () => {
    const { value } = decodePortfolio({ snapshot: snapshotToPlain(sampleSnapshot()), status: fresh });
    expect(value.snapshot).toEqual(sampleSnapshot());
    expect(value.status).toEqual(fresh);
  });

  it('drops a corrupt snapshot instead of showing untrusted amounts, and says why', () => {
    const plain = snapshotToPlain(sampleSnapshot()) as { addresses: { positions: { amount: unknown }[] }[] };
    plain.addresses[0]!.positions[0]!.amount = 'lots';
    const { value, problems } = decodePortfolio({ snapshot: plain, status: fresh });
    expect(value.snapshot).toBeNull();
    expect(value.status.state).toBe('never');
    expect(problems[0]).toMatch(/positions\[0\]\.amount: expected an integer string/);
  });

  it('resets a malformed status', () => {
    expect(decodePortfolio({ snapshot: null, status: { state: 'weird' } }).problems).toEqual(['portfolio.status: malformed, reset']);
  });
});

describe('portfolio item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a snapshot through storage as plain JSON', async () => {
    await savePortfolio({ snapshot: sampleSnapshot(), status: fresh });
    const raw = (await fakeBrowser.storage.local.get('portfolio')).portfolio as { snapshot: { blockNumber: unknown } };
    expect(raw.snapshot.blockNumber).toBe('1000');
    expect(await loadPortfolio()).toEqual({ snapshot: sampleSnapshot(), status: fresh });
  });
});
