import { describe, expect, it } from 'vitest';
import { addressesInHref, addressesInText, foundKey } from './find-addresses.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';

describe('addressesInText', () => {
  it('finds addresses in order, lowercased, each once', () => {
    expect(addressesInText(`op ${A}, then ${B} and ${A.toLowerCase()}.`)).toEqual([A.toLowerCase(), B]);
  });
  it('ignores 32-byte hashes, longer hex runs and hex glued to words', () => {
    expect(addressesInText(`tx 0x${'ab'.repeat(32)}`)).toEqual([]);
    expect(addressesInText(`${A}ff`)).toEqual([]);
    expect(addressesInText(`x${A}`)).toEqual([]);
    expect(addressesInText('0x1234')).toEqual([]);
  });
  it('finds an address between markup-like characters (text is never parsed as markup)', () => {
    expect(addressesInText(`<img src=x onerror="a(${A})">`)).toEqual([A.toLowerCase()]);
  });
});

describe('addressesInHref', () => {
  const base = 'https://app.eigenlayer.xyz/avs';
  it('takes path segments that are exactly an address, relative or absolute', () => {
    expect(addressesInHref(`/operator/${A}`, base)).toEqual([{ address: A.toLowerCase() }]);
    expect(addressesInHref(`https://etherscan.io//address/${B}`, base)).toEqual([{ address: B }]);
  });
  it('reads the operator set of /avs/{address}/operator-set/{id}', () => {
    const found = addressesInHref(`/avs/${A}/operator-set/7`, base);
    expect(found).toEqual([{ address: A.toLowerCase(), operatorSetId: 7 }]);
    expect(foundKey(found[0]!)).toBe(`${A.toLowerCase()}/7`);
  });
  it('skips query values (a holder is someone\'s own address) and non-http links', () => {
    expect(addressesInHref(`https://etherscan.io/token/${B}?a=${A}`, base)).toEqual([{ address: B }]);
    expect(addressesInHref(`javascript:alert(1)//${A}`, base)).toEqual([]);
    expect(addressesInHref(`data:text/html,/${A}`, base)).toEqual([]);
    expect(addressesInHref('/operator/0x1234', base)).toEqual([]);
  });
});
