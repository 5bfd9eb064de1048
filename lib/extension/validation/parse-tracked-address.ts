// User input -> a checksummed address we can track, or an InvalidAddressError saying what is wrong.
// Browser-free so the popup can refuse input at once and the background re-checks (never trust the UI).
import { getAddress, type Address } from 'viem';
import { InvalidAddressError } from '../../errors/errors.js';
import { shortAddress } from '../../portfolio/format.js';

export interface TrackedAddress {
  address: Address;
  label: string;
}

const HEX40 = /^0x[0-9a-fA-F]{40}$/;

export function parseTrackedAddress(input: string, existing: readonly TrackedAddress[]): Address {
  const text = input.trim();
  if (!HEX40.test(text)) throw new InvalidAddressError('Not an address: expected 0x followed by 40 hex characters', { input: text });
  const checksummed = getAddress(text);
  const body = text.slice(2);
  // All-lower or all-upper input carries no checksum (EIP-55); mixed case must match it exactly.
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== text) {
    throw new InvalidAddressError(`Checksum mismatch: ${text} has invalid EIP-55 capitalisation (expected ${checksummed}). Check for a typo, or paste it all lowercase.`, { input: text });
  }
  const duplicate = existing.find((t) => t.address.toLowerCase() === checksummed.toLowerCase());
  if (duplicate) throw new InvalidAddressError(`Already tracked as ${duplicate.label || shortAddress(duplicate.address)}`, { address: checksummed });
  return checksummed;
}
