// A shortened address with the full one available to hover and to screen readers.
import type { Address } from 'viem';
import { shortAddress } from '../lib/portfolio/format.js';

export function AddressText({ address }: { address: Address }) {
  return (
    <span className="mono" title={address} aria-label={address}>
      {shortAddress(address)}
    </span>
  );
}
