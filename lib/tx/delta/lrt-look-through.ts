// What the bundled registry (lrt-tokens.json) says about one LRT, for the deposit delta's
// look-through: its names, the restaking protocols it pools into, and the contracts of the LRT that
// delegate its EigenLayer stake to operators. Read from the raw file (the Registry index keeps names
// only); a malformed record reads as "not established", never as a guess.
import { getAddress, isAddress, type Address } from 'viem';
import bundledFile from '../../registry/data/lrt-tokens.json' with { type: 'json' };

export interface LrtRecord {
  symbol: string | null;
  name: string | null;
  protocol: string | null;
  restakesInto: string[] | null;
  /** Contracts that hold the LRT's EigenLayer stake and call DelegationManager.delegateTo. */
  delegators: { contract: Address; role: string }[];
}

/**
 * Roles (protocol_contracts keys) of contracts that are EigenLayer stakers delegating to an operator:
 * Renzo OperatorDelegator, ether.fi EtherFiRestaker, Kelp NodeDelegator, YieldNest StakingNode.
 * Managers, oracles, beacons and deposit pools are not: they hold no delegated shares.
 */
const DELEGATING_ROLES = [/^OperatorDelegator\b/, /^EtherFiRestaker$/, /^NodeDelegator\b/, /^StakingNode\b/];

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const addr = (v: unknown): Address | null => (typeof v === 'string' && isAddress(v, { strict: false }) ? getAddress(v) : null);

export function lrtRecordFromRegistry(file: unknown, lrt: Address): LrtRecord | null {
  const tokens = (file as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(tokens)) return null;
  const rec = tokens.find((t) => addr((t as { address?: unknown })?.address)?.toLowerCase() === lrt.toLowerCase()) as Record<string, unknown> | undefined;
  if (!rec) return null;
  const into = Array.isArray(rec.restakes_into) ? rec.restakes_into.map(str).filter((x): x is string => x !== null) : null;
  const contracts = rec.protocol_contracts && typeof rec.protocol_contracts === 'object' ? Object.entries(rec.protocol_contracts as Record<string, unknown>) : [];
  const delegators = contracts.flatMap(([role, a]) => {
    const contract = addr(a);
    return contract && DELEGATING_ROLES.some((r) => r.test(role)) ? [{ contract, role }] : [];
  });
  return { symbol: str(rec.symbol), name: str(rec.name), protocol: str(rec.protocol), restakesInto: into && into.length > 0 ? into : null, delegators };
}

export const BUNDLED_LRT_FILE: unknown = bundledFile;
