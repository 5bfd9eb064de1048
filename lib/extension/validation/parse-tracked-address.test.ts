import { describe, expect, it } from 'vitest';
import { parseTrackedAddress, type TrackedAddress } from './parse-tracked-address.js';

const CHECKSUMMED = '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A';
const existing: TrackedAddress[] = [
  { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', label: 'cold wallet' },
  { address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', label: '' },
];

describe('parseTrackedAddress', () => {
  it.each([
    ['lowercase', CHECKSUMMED.toLowerCase()],
    ['uppercase body', `0x${CHECKSUMMED.slice(2).toUpperCase()}`],
    ['already checksummed', CHECKSUMMED],
    ['surrounded by whitespace', `  ${CHECKSUMMED}\n`],
  ])('accepts %s input and returns the checksum form', (_name, input) => {
    expect(parseTrackedAddress(input, existing)).toBe(CHECKSUMMED);
  });

  it.each([
    ['empty', ''],
    ['ENS name', 'vitalik.eth'],
    ['too short', '0x1234'],
    ['too long', `${CHECKSUMMED}00`],
    ['no 0x prefix', CHECKSUMMED.slice(2)],
    ['non-hex characters', `0x${'g'.repeat(40)}`],
  ])('refuses %s input as not an address', (_name, input) => {
    expect(() => parseTrackedAddress(input, existing)).toThrow('Not an address: expected 0x followed by 40 hex characters');
  });

  it('refuses mixed-case input with a bad checksum, naming the expected form', () => {
    const typo = `${CHECKSUMMED.slice(0, -1)}a`; // last char A -> a breaks EIP-55
    expect(() => parseTrackedAddress(typo, existing)).toThrow(/^Checksum mismatch: .*expected 0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A/);
  });

  it('refuses an address already tracked, in any case, naming its label', () => {
    expect(() => parseTrackedAddress(existing[0]!.address.toLowerCase(), existing)).toThrow('Already tracked as cold wallet');
  });

  it('names an unlabelled duplicate by its short address', () => {
    expect(() => parseTrackedAddress(existing[1]!.address, existing)).toThrow('Already tracked as 0x3C44…93BC');
  });

  it('throws a named InvalidAddressError', () => {
    expect(() => parseTrackedAddress('nope', [])).toThrow(expect.objectContaining({ name: 'InvalidAddressError' }));
  });
});
