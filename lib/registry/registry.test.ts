import { describe, expect, it } from 'vitest';
import { loadBundledRegistry } from './bundled/load-bundled-registry.js';
import { parseEigenLayerOperatorsFile, parseKarakFile, parseSymbioticNetworksFile } from './parse-registry-files.js';
import { createRegistry } from './registry.js';

const good = { address: '0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', name: 'EigenDA', sources: ['x'], confidence: 'high' };

describe('registry loaders reject bad records with reasons', () => {
  const file = {
    operators: [
      good,
      { ...good, address: '0x870679e138bcdf293b7ff14dd44b70fc97e12fC0' }, // mixed case, wrong checksum
      { ...good, address: '0x1234' },
      { ...good, name: '' },
      { ...good, confidence: 'certain' },
      { ...good, sources: [] },
      { ...good, website: 'javascript:alert(1)' },
      'not an object',
    ],
    lrt_affiliated_unnamed: [{ address: '0x67943aE8e07bFC9f5C9A90d608F7923D9C21e051', lrt_affiliation: 'eETH (ether.fi)', source: 'Dune', confidence: 'low' }],
  };
  const parsed = parseEigenLayerOperatorsFile(file);
  const reasons = Object.fromEntries(parsed.rejected.map((r) => [r.where, r.reason]));

  it('keeps the valid records (a bad website is dropped, the record stays)', () => {
    expect(parsed.entries.map((e) => e.website)).toEqual([null, null, null]);
    expect(parsed.entries).toHaveLength(3);
    expect(parsed.entries[2]).toMatchObject({ name: null, category: 'LRT operator (eETH (ether.fi))', confidence: 'low' });
  });
  it('says why each bad record was left out', () => {
    expect(reasons['operators[1]']).toMatch(/checksum/);
    expect(reasons['operators[2]']).toMatch(/20-byte/);
    expect(reasons['operators[3]']).toMatch(/name/);
    expect(reasons['operators[4]']).toMatch(/confidence/);
    expect(reasons['operators[5]']).toMatch(/source/);
    expect(reasons['operators[6].website']).toMatch(/http/);
    expect(reasons['operators[7]']).toMatch(/not an object/);
  });
  it('a file that lost its list is one rejection, not a crash', () => {
    expect(parseSymbioticNetworksFile({ meta: {} }).rejected).toEqual([{ where: 'networks', reason: 'networks is not a list' }]);
    expect(parseSymbioticNetworksFile(null).entries).toEqual([]);
  });
  it('Karak DSSs without a published mainnet address are rejected, not guessed', () => {
    const k = parseKarakFile({ core_contracts: [], other_chain_contracts: [], vaults: [], dss: [{ name: 'Hyperlane DSS', address: null, confidence: 'low', repo: 'r' }, { name: 'Kuda', address: '0x0e64c3c675dae7537A9fC1E925E2a87e164f7f53', chain: 'testnet', confidence: 'low', repo: 'r' }] });
    expect(k.rejected.map((r) => r.reason)).toEqual(['no address published', 'no chain_id: the chain of this address is not established']);
  });
  it('long text is cut and control characters removed', () => {
    const p = parseEigenLayerOperatorsFile({ operators: [{ ...good, name: `A\u202Eevil${'x'.repeat(500)}`, sources: ['s'] }] });
    expect([...p.entries[0]!.name!].length).toBe(120);
    expect(p.entries[0]!.name).not.toContain('\u202E');
  });
});

describe('bundled registry', () => {
  const { registry, rejected } = loadBundledRegistry();
  it('loads every bundled record except the three Karak DSSs without a mainnet address', () => {
    expect(registry.size).toBeGreaterThan(450);
    expect(rejected.map((r) => r.where)).toEqual(['dss[0]', 'dss[1]', 'dss[2]']);
  });
  it('looks addresses up case-insensitively with kind, name, category, website, sources, confidence', () => {
    const [e] = registry.lookup('0x870679e138bcdf293b7ff14dd44b70fc97e12fc0');
    expect(e).toMatchObject({ kind: 'eigenlayer-avs', name: 'EigenDA', category: 'data availability (DA)', confidence: 'high' });
    expect(e!.website).toMatch(/^https:\/\//);
    expect(e!.sources.length).toBeGreaterThan(0);
    expect(registry.lookup('0x870679E138BCDF293B7FF14DD44B70FC97E12FC0'.replace('0X', '0x'))).toHaveLength(1);
  });
  it('is chain-aware: mainnet entries are not found on another chain', () => {
    expect(registry.lookup('0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', 31337)).toEqual([]);
    expect(registry.lookupKind('0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', ['symbiotic-vault'])).toBeNull();
  });
  it('orders several entries of one address best confidence first', () => {
    const r = createRegistry({ entries: [
      { chainId: 1, address: good.address as never, kind: 'eigenlayer-operator', name: 'low', category: null, website: null, description: null, sources: ['a'], confidence: 'low', origin: 't' },
      { chainId: 1, address: good.address as never, kind: 'symbiotic-operator', name: 'high', category: null, website: null, description: null, sources: ['a'], confidence: 'high', origin: 't' },
    ] });
    expect(r.lookup(good.address).map((e) => e.name)).toEqual(['high', 'low']);
  });
});
