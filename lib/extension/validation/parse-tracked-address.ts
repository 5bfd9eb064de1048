// User input -> a checksummed address we can track, or an InvalidAddressError saying what is wrong.
// Browser-free so the popup can refuse input at once and the background re-checks (never trust the UI).
import type { Address } from 'viem';
import { parseAddress } from '../../chains/parse-address.js';
import { InvalidAddressError } from '../../errors/errors.js';
import { shortAddress } from '../../portfolio/format.js';

export interface TrackedAddress {
  address: Address;
  label: string;
}

export function parseTrackedAddress(input: string, existing: readonly TrackedAddress[]): Address {
  const checksummed = parseAddress(input);
  const duplicate = existing.find((t) => t.address.toLowerCase() === checksummed.toLowerCase());
  if (duplicate) throw new InvalidAddressError(`Already tracked as ${duplicate.label || shortAddress(duplicate.address)}`, { address: checksummed });
  return checksummed;
}
