// Address input from people and files: trimmed, checked, checksummed; errors say what is wrong.
import { getAddress, type Address } from 'viem';
import { InvalidAddressError } from '../errors/errors.js';

const HEX40 = /^0x[0-9a-fA-F]{40}$/;

export function parseAddress(input: string): Address {
  const text = input.trim();
  if (!HEX40.test(text)) throw new InvalidAddressError('Not an address: expected 0x followed by 40 hex characters', { input: text.slice(0, 80) });
  const checksummed = getAddress(text);
  const body = text.slice(2);
  // All-lower or all-upper input carries no checksum (EIP-55); mixed case must match it exactly.
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== text) {
    throw new InvalidAddressError(
      `Checksum mismatch: ${text} has invalid EIP-55 capitalisation (expected ${checksummed}). Check for a typo, or paste it all lowercase.`,
      { input: text },
    );
  }
  return checksummed;
}
