// Settings v1 -> v2. v1 is the first shipped shape: `addresses: string[]` (bare addresses).
// v2 gives each address a user label: `addresses: {address, label}[]`. Everything else is kept
// as is; entries that are not addresses cannot be tracked and are dropped (and logged).
import { getAddress, isAddress } from 'viem';

export interface SettingsV1 {
  addresses: string[];
  [key: string]: unknown;
}

export function migrateSettingsTo2(v1: unknown): unknown {
  if (typeof v1 !== 'object' || v1 === null || !Array.isArray((v1 as SettingsV1).addresses)) return v1; // decodeSettings reports it
  const { addresses, ...rest } = v1 as SettingsV1;
  const seen = new Set<string>();
  const tracked: { address: string; label: string }[] = [];
  for (const entry of addresses) {
    if (typeof entry !== 'string' || !isAddress(entry, { strict: false })) {
      console.warn('[settings v2 migration] dropped a non-address entry', entry);
      continue;
    }
    const address = getAddress(entry);
    if (seen.has(address)) continue;
    seen.add(address);
    tracked.push({ address, label: '' });
  }
  return { ...rest, addresses: tracked };
}
