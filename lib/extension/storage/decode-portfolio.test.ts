import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshotToPlain } from '../../portfolio/codec.js';
import { sampleSnapshot } from '../testing/sample-snapshot.js';
import { decodePortfolio } from './decode-portfolio.js';
import { loadPortfolio, savePortfolio } from './portfolio-item.js';

const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 2 };
const never = { state: 'never', lastAttemptAt: null, lastSuccessAt: null };

describe('decodePortfolio', () => {
  it('reads no chains when nothing is stored', () => {
    expect(decodePortfolio(undefined)).toEqual({ value: { chains: {} }, problems: [] });
  });

  it('decodes each chain\'s plain snapshot back to bigints', () => {
    const { value, problems } = decodePortfolio({ chains: { '1': { snapshot: snapshotToPlain(sampleSnapshot()), status: fresh }, '42161': { snapshot: null, status: never } } });
    expect(problems).toEqual([]);
    expect(value.chains['1']).toEqual({ snapshot: sampleSnapshot(), status: fresh });
    expect(value.chains['42161']).toEqual({ snapshot: null, status: never });
  });

  it('drops a corrupt snapshot instead of showing untrusted amounts, says why, and keeps the other chains', () => {
    const plain = snapshotToPlain(sampleSnapshot()) as { addresses: { positions: { amount: unknown }[] }[] };
    plain.addresses[0]!.positions[0]!.amount = 'lots';
    const good = snapshotToPlain(sampleSnapshot({ chainId: 17000 }));
    const { value, problems } = decodePortfolio({ chains: { '1': { snapshot: plain, status: fresh }, '17000': { snapshot: good, status: fresh } } });
    expect(value.chains['1']).toEqual({ snapshot: null, status: { ...fresh, state: 'never' } });
    expect(value.chains['17000']?.snapshot).toEqual(sampleSnapshot({ chainId: 17000 }));
    expect(problems[0]).toMatch(/portfolio\.chains\[1\]\.snapshot: .*positions\[0\]\.amount: expected an integer string/);
  });

  it('drops a snapshot filed under another chain id', () => {
    const { value, problems } = decodePortfolio({ chains: { '5': { snapshot: snapshotToPlain(sampleSnapshot()), status: fresh } } });
    expect(value.chains['5']?.snapshot).toBeNull();
    expect(problems).toEqual(['portfolio.chains[5].snapshot: snapshot is for chain 1, dropped']);
  });

  it('resets a malformed status or container', () => {
    expect(decodePortfolio({ chains: { '1': { snapshot: null, status: { state: 'weird' } } } }).problems).toEqual(['portfolio.chains[1].status: malformed, reset']);
    expect(decodePortfolio({ chains: [] }).problems).toEqual(['portfolio.chains: not an object, reset']);
  });
});

describe('portfolio item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips snapshots through storage as plain JSON', async () => {
    await savePortfolio({ chains: { '1': { snapshot: sampleSnapshot(), status: fresh } } });
    const raw = (await fakeBrowser.storage.local.get('portfolio')).portfolio as { chains: { '1': { snapshot: { blockNumber: unknown } } } };
    expect(raw.chains['1'].snapshot.blockNumber).toBe('1000');
    expect(await loadPortfolio()).toEqual({ chains: { '1': { snapshot: sampleSnapshot(), status: fresh } } });
  });
});
