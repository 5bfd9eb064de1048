import { describe, expect, it } from 'vitest';
import { AnnotatorMessageError, MAX_ITEMS_PER_REQUEST, parseAnnotatorMessage } from './protocol.js';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const bad = (raw: unknown) => expect(() => parseAnnotatorMessage(raw)).toThrow(AnnotatorMessageError);

describe('parseAnnotatorMessage (untrusted content-script input)', () => {
  it('accepts the three shapes, lowercasing and deduplicating addresses', () => {
    expect(parseAnnotatorMessage({ t: 'hello' })).toEqual({ t: 'hello' });
    expect(parseAnnotatorMessage({ t: 'page', id: 3, url: 'https://etherscan.io/' })).toEqual({ t: 'page', id: 3, url: 'https://etherscan.io/' });
    expect(parseAnnotatorMessage({ t: 'grades', id: 1, items: [{ a: A }, { a: A.toLowerCase() }, { a: A, set: 2 }] })).toEqual({
      t: 'grades', id: 1, items: [{ a: A.toLowerCase() }, { a: A.toLowerCase(), set: 2 }],
    });
  });
  it('refuses wrong types, unknown types and extra fields (no smuggled keys)', () => {
    for (const raw of [null, 'hello', [], 1, { t: 'getState' }, { type: 'getState' }, { t: 'hello', extra: 1 }, { t: 'page', id: 1, url: 'x', secret: true }]) bad(raw);
  });
  it('refuses objects with a foreign prototype', () => {
    bad(Object.assign(Object.create({ polluted: true }), { t: 'hello' }));
  });
  it('bounds ids, urls and item counts', () => {
    bad({ t: 'page', id: -1, url: 'https://x/' });
    bad({ t: 'page', id: 1.5, url: 'https://x/' });
    bad({ t: 'page', id: 2 ** 31, url: 'https://x/' });
    bad({ t: 'page', id: 1, url: `https://x/${'a'.repeat(2048)}` });
    bad({ t: 'grades', id: 1, items: [] });
    bad({ t: 'grades', id: 1, items: Array.from({ length: MAX_ITEMS_PER_REQUEST + 1 }, () => ({ a: A })) });
    expect(parseAnnotatorMessage({ t: 'grades', id: 1, items: Array.from({ length: MAX_ITEMS_PER_REQUEST }, () => ({ a: A })) })).toMatchObject({ t: 'grades' });
  });
  it('refuses items that are not an address or a uint32 set id', () => {
    for (const item of [{ a: '0x1234' }, { a: `${A}00` }, { a: 42 }, { a: A, set: -1 }, { a: A, set: 2 ** 32 }, { a: A, set: '1' }, { a: A, x: 1 }, 'x', null]) {
      bad({ t: 'grades', id: 1, items: [item] });
    }
  });
});
