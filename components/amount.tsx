// An amount with its symbol; the exact base-unit value is in the title for the curious.
import { formatAmount } from '../lib/portfolio/format.js';
import type { Asset } from '../lib/portfolio/types.js';

export function Amount({ amount, asset }: { amount: bigint; asset: Asset }) {
  return (
    <span className="amount" title={`${amount.toString()} base units (${asset.decimals} decimals)`}>
      {formatAmount(amount, asset.decimals)} <span className="symbol">{asset.symbol}</span>
    </span>
  );
}
