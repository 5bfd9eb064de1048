import { describe, expect, it } from 'vitest';
import sites from '../registry/data/sites.json' with { type: 'json' };
import { compileTemplate, entitiesInUrl, PATTERN_KINDS } from './url-entities.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const a = A.toLowerCase();

describe('entitiesInUrl, per site', () => {
  it('EigenLayer app: operator, AVS, operator set and the eigenda slug', () => {
    expect(entitiesInUrl(`https://app.eigenlayer.xyz/operator/${A}`)).toEqual([{ address: a, kind: 'eigenlayer-operator' }]);
    expect(entitiesInUrl(`https://app.eigenlayer.xyz/avs/${a}/`)).toEqual([{ address: a, kind: 'eigenlayer-avs' }]);
    expect(entitiesInUrl(`https://app.eigenlayer.xyz/avs/${a}/operator-set/3?tab=x`)).toEqual([{ address: a, kind: 'eigenlayer-operator-set', operatorSetId: 3 }]);
    expect(entitiesInUrl('https://app.eigenlayer.xyz/avs/eigenda')).toEqual([{ address: '0x870679e138bcdf293b7ff14dd44b70fc97e12fc0', kind: 'eigenlayer-avs' }]);
    expect(entitiesInUrl('https://app.eigenlayer.xyz/restake/stETH')).toEqual([]);
  });
  it('Symbiotic app: vault and network; no operator page is assumed', () => {
    expect(entitiesInUrl(`https://app.symbiotic.fi/vault/${A}`)).toEqual([{ address: a, kind: 'symbiotic-vault' }]);
    expect(entitiesInUrl(`https://app.symbiotic.fi/network/${A}`)).toEqual([{ address: a, kind: 'symbiotic-network' }]);
    expect(entitiesInUrl(`https://app.symbiotic.fi/operator/${A}`)).toEqual([]);
  });
  it('Etherscan and Blockscout: an address of unknown kind; a token holder is not an entity', () => {
    expect(entitiesInUrl(`https://etherscan.io/address/${A}`)).toEqual([{ address: a, kind: null }]);
    expect(entitiesInUrl(`https://etherscan.io//address/${A}`)).toEqual([{ address: a, kind: null }]);
    expect(entitiesInUrl(`https://etherscan.io/token/${A}?a=0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc`)).toEqual([{ address: a, kind: null }]);
    expect(entitiesInUrl(`https://eth.blockscout.com/address/${A}`)).toEqual([{ address: a, kind: null }]);
  });
  it('Mellow and Cap slugs map to the Symbiotic vault of derived_mappings; unknown slugs to nothing', () => {
    expect(entitiesInUrl('https://app.mellow.finance/vaults/ethereum-rsunibtc')).toEqual([{ address: '0x95934438741616fc7fcf65215e4a624aa608494b', kind: 'symbiotic-vault' }]);
    expect(entitiesInUrl('https://cap.app/delegators/vesper')).toEqual([{ address: '0x9f96f6403f1410e64c74a5ccd0cde341e63aa482', kind: 'symbiotic-vault' }]);
    expect(entitiesInUrl('https://app.mellow.finance/vaults/ethereum-not-a-vault')).toEqual([]);
  });
  it('a slug page naming several vaults names all of them (Cap "bedrock": three); token entries and duplicates add none', () => {
    expect(entitiesInUrl('https://cap.app/delegators/bedrock')).toEqual(
      ['0x5ab263160a116decc6bab1361fc55a3be62e2338', '0x5e278bf93478c842148e7c52be5415f6c1d46538', '0x4b7a4bae15b049f84f2806ea7297fcd3702ac82b'].map((address) => ({ address, kind: 'symbiotic-vault' })),
    );
    expect(entitiesInUrl('https://cap.app/delegators/lombard')).toHaveLength(2);
    // rsunibtc also maps to its token (not a risk entity); nansen's entry is listed twice.
    expect(entitiesInUrl('https://app.mellow.finance/vaults/ethereum-rsunibtc/')).toEqual([{ address: '0x95934438741616fc7fcf65215e4a624aa608494b', kind: 'symbiotic-vault' }]);
    expect(entitiesInUrl('https://app.mellow.finance/vaults/ethereum-nansen-gauntlet-lidov3-stvault')).toHaveLength(1);
    expect(entitiesInUrl('https://app.mellow.finance/vaults/theoriq-staking-pool')).toEqual([{ address: '0x19c93c4fee3a70f2e359c7d09a19b5bac7a2a1f3', kind: 'symbiotic-vault' }]);
  });
  it('Karak pools and liquid-restaking app pages name no entity in the URL; the ether.fi portfolio API (a user address) neither', () => {
    expect(entitiesInUrl('https://app.karak.network/pool/ethereum/rsETH')).toEqual([]);
    expect(entitiesInUrl(`https://app.ether.fi/api/portfolio/v3/${A}`)).toEqual([]);
    expect(entitiesInUrl('https://kelpdao.xyz/restake')).toEqual([]);
  });
  it('refuses non-https and foreign hosts', () => {
    expect(entitiesInUrl(`http://app.eigenlayer.xyz/operator/${A}`)).toEqual([]);
    expect(entitiesInUrl(`https://app.eigenlayer.xyz.evil.example/operator/${A}`)).toEqual([]);
    expect(entitiesInUrl('not a url')).toEqual([]);
  });
});

describe('templates', () => {
  it('every pattern given a kind exists in sites.json', () => {
    const names = new Set(sites.sites.flatMap((s) => s.patterns.map((p) => `${s.host} ${p.entity}`)));
    for (const key of Object.keys(PATTERN_KINDS)) expect(names, key).toContain(key);
  });
  it('compiles placeholders: addresses strictly, set ids as digits', () => {
    const t = compileTemplate('https://app.eigenlayer.xyz/avs/{address}/operator-set/{operatorSetId}');
    expect(t.host).toBe('app.eigenlayer.xyz');
    expect(t.names).toEqual(['address', 'operatorSetId']);
    expect(t.regex.test(`/avs/${A}/operator-set/12`)).toBe(true);
    expect(t.regex.test('/avs/0x12/operator-set/12')).toBe(false);
    expect(t.regex.test(`/avs/${A}/operator-set/x`)).toBe(false);
  });
});
