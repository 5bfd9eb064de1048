import { describe, expect, it } from 'vitest';
import { parseAddress } from './parse-address.js';

describe('parseAddress', () => {
  it('normalizes lowercase input to the checksum form', () => {
    expect(parseAddress(' 0x39053d51b77dc0d36036fc1fcc8cb819df8ef37a ')).toBe('0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A');
  });
  it('refuses non-addresses with the reason', () => {
    expect(() => parseAddress('vitalik.eth')).toThrow(/expected 0x followed by 40 hex characters/);
    expect(() => parseAddress('0x1234')).toThrow(/Not an address/);
  });
  it('refuses a mixed-case address whose checksum is wrong', () => {
    expect(() => parseAddress('0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37a')).toThrow(/Checksum mismatch/);
  });
});
