// Address input from people and files: trimmed, checked, checksummed; errors say what is wrong.
import { checksumAddress, getAddress, isAddress, type Address } from 'viem';
import { InvalidAddressError } from '../errors/errors.js';

export function parseAddress(input: string): Address {
  const text = input.trim();
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new InvalidAddressError(`"${text.slice(0, 60)}" is not an address: expected 0x followed by 40 hex characters`);
  }
  const mixed = /[a-f]/.test(text.slice(2)) && /[A-F]/.test(text.slice(2));
  if (mixed && !isAddress(text, { strict: true })) {
    throw new InvalidAddressError(`"${text}" has a wrong checksum (expected ${checksumAddress(text.toLowerCase() as Address)}); check for a typo`);
  }
  return getAddress(text);
}
