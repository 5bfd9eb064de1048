// Simple (not compounded) annualization of an exchange-rate change, in parts per million, bigint only:
// (rateNow / rateThen - 1) x YEAR / elapsed. A falling rate (e.g. a slashed LRT) gives a negative yield.
export const YEAR_SECONDS = 365n * 86_400n;
const PPM = 1_000_000n;

export interface RateSample {
  blockNumber: bigint;
  timestamp: number;
  rate: bigint;
}

/** From the oldest to the newest sample (oldest first); null with fewer than 2 samples, no elapsed time or a zero rate. */
export function annualizedPpm(samples: readonly RateSample[]): bigint | null {
  if (samples.length < 2) return null;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const elapsed = BigInt(last.timestamp - first.timestamp);
  if (elapsed <= 0n || first.rate <= 0n) return null;
  return ((last.rate - first.rate) * PPM * YEAR_SECONDS) / (first.rate * elapsed);
}
