// The LRT contracts whose deposit ABI the reference gives (§6.4), on Ethereum mainnet. Addresses are
// those of ../shared/reference/registry/lrt-tokens.json (`protocol_contracts`, or the token itself
// where the token is the deposit contract: pufETH = PufferVault, rswETH); §6.4 names the same ones.
// lrtTargetsFromRegistry derives the same list from a registry file so a newer registry can replace it.
import { getAddress, isAddress, type Address } from 'viem';
import type { LrtProtocol } from './types.js';

export type LrtContractKind =
  | 'etherfi-liquidity-pool' | 'etherfi-liquifier' | 'renzo-restake-manager' | 'kelp-deposit-pool'
  | 'puffer-vault' | 'puffer-depositor' | 'swell-rsweth';

export interface LrtTarget {
  address: Address;
  contract: LrtContractKind;
  lrtProtocol: LrtProtocol;
  /** The LRT this contract mints. */
  lrt: { symbol: string; address: Address };
}

const EETH = { symbol: 'eETH', address: '0x35fA164735182de50811E8e2E824cFb9B6118ac2' as Address };
const EZETH = { symbol: 'ezETH', address: '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110' as Address };
const RSETH = { symbol: 'rsETH', address: '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7' as Address };
const PUFETH = { symbol: 'pufETH', address: '0xD9A442856C234a39a81a089C06451EBAa4306a72' as Address };
const RSWETH = { symbol: 'rswETH', address: '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0' as Address };

/** Chain 1 only: the registry is a mainnet registry. */
export const MAINNET_LRT_TARGETS: readonly LrtTarget[] = [
  { address: '0x308861A430be4cce5502d0A12724771Fc6DaF216', contract: 'etherfi-liquidity-pool', lrtProtocol: 'ether.fi', lrt: EETH },
  { address: '0x9FFDF407cDe9a93c47611799DA23924Af3EF764F', contract: 'etherfi-liquifier', lrtProtocol: 'ether.fi', lrt: EETH },
  { address: '0x74a09653A083691711cF8215a6ab074BB4e99ef5', contract: 'renzo-restake-manager', lrtProtocol: 'Renzo', lrt: EZETH },
  { address: '0x036676389e48133B63a802f8635AD39E752D375D', contract: 'kelp-deposit-pool', lrtProtocol: 'Kelp DAO', lrt: RSETH },
  { address: PUFETH.address, contract: 'puffer-vault', lrtProtocol: 'Puffer', lrt: PUFETH },
  { address: '0x4aA799C5dfc01ee7d790e3bf1a7C2257CE1DcefF', contract: 'puffer-depositor', lrtProtocol: 'Puffer', lrt: PUFETH },
  { address: RSWETH.address, contract: 'swell-rsweth', lrtProtocol: 'Swell', lrt: RSWETH },
];

/** Which registry record (by token symbol) and which role in it is each deposit contract; null role = the token itself. */
const ROLES: readonly { symbol: string; role: string | null; contract: LrtContractKind; lrtProtocol: LrtProtocol }[] = [
  { symbol: 'eETH', role: 'LiquidityPool', contract: 'etherfi-liquidity-pool', lrtProtocol: 'ether.fi' },
  { symbol: 'eETH', role: 'Liquifier', contract: 'etherfi-liquifier', lrtProtocol: 'ether.fi' },
  { symbol: 'ezETH', role: 'RestakeManager', contract: 'renzo-restake-manager', lrtProtocol: 'Renzo' },
  { symbol: 'rsETH', role: 'LRTDepositPool', contract: 'kelp-deposit-pool', lrtProtocol: 'Kelp DAO' },
  { symbol: 'pufETH', role: null, contract: 'puffer-vault', lrtProtocol: 'Puffer' },
  { symbol: 'pufETH', role: 'PufferDepositor', contract: 'puffer-depositor', lrtProtocol: 'Puffer' },
  { symbol: 'rswETH', role: null, contract: 'swell-rsweth', lrtProtocol: 'Swell' },
];

const addr = (v: unknown): Address | null => (typeof v === 'string' && isAddress(v, { strict: false }) ? getAddress(v) : null);

/**
 * Reads `{ tokens: [{ symbol, address, protocol_contracts }] }` (registry/lrt-tokens.json). Records
 * that are missing or malformed are skipped: the file is data, and a missing LRT only means that
 * LRT's deposits pass through undecoded.
 */
export function lrtTargetsFromRegistry(registry: unknown): LrtTarget[] {
  const tokens = (registry as { tokens?: unknown } | null)?.tokens;
  if (!Array.isArray(tokens)) return [];
  const out: LrtTarget[] = [];
  for (const r of ROLES) {
    const rec = tokens.find((t) => (t as { symbol?: unknown })?.symbol === r.symbol) as
      { address?: unknown; protocol_contracts?: Record<string, unknown> } | undefined;
    const token = addr(rec?.address);
    if (!rec || !token) continue;
    const address = r.role === null ? token : addr(rec.protocol_contracts?.[r.role]);
    if (!address) continue;
    out.push({ address, contract: r.contract, lrtProtocol: r.lrtProtocol, lrt: { symbol: r.symbol, address: token } });
  }
  return out;
}
