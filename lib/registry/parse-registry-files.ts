// One parser per bundled file shape (reference/registry/README.md "Field notes per file"). Pure: the
// JSON is passed in, so tests feed broken files and bundles import only the files they need.
import type { EntrySpec } from './parse-registry-entry.js';
import { parseRegistryEntry, parseRegistryList } from './parse-registry-entry.js';
import type { ParsedRegistry } from './types.js';

const MAINNET = 1;
const merge = (...parts: ParsedRegistry[]): ParsedRegistry => ({ entries: parts.flatMap((p) => p.entries), rejected: parts.flatMap((p) => p.rejected) });
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const firstTag = (r: Record<string, unknown>) => (Array.isArray(r.tags) ? str(r.tags[0]) : undefined);

/** eigenlayer-avs.json: `avs[]` plus `meta.core_contracts` {label: address}. */
export function parseEigenLayerAvsFile(file: unknown): ParsedRegistry {
  const avs = parseRegistryList(file, 'avs', { kind: 'eigenlayer-avs', chainId: MAINNET, origin: 'eigenlayer-avs.json' });
  const meta = (file as { meta?: { core_contracts?: unknown } } | null)?.meta;
  const core = meta?.core_contracts;
  const coreParsed: ParsedRegistry = { entries: [], rejected: [] };
  if (typeof core === 'object' && core !== null) {
    for (const [label, address] of Object.entries(core)) {
      const res = parseRegistryEntry({ address, name: `EigenLayer ${label}`, source: 'eigenlayer-avs.json meta.core_contracts (reference protocols.md §1.1)', confidence: 'high' },
        `meta.core_contracts.${label}`, { kind: 'eigenlayer-core', chainId: MAINNET, origin: 'eigenlayer-avs.json', category: () => 'core contract' });
      if ('rejected' in res) coreParsed.rejected.push(res.rejected);
      else coreParsed.entries.push(res.entry);
    }
  }
  return merge(avs, coreParsed);
}

/** eigenlayer-operators.json: named `operators[]` and `lrt_affiliated_unnamed[]` (labels without names). */
export function parseEigenLayerOperatorsFile(file: unknown): ParsedRegistry {
  const affiliation = (r: Record<string, unknown>) => (Array.isArray(r.lrt_affiliation) ? r.lrt_affiliation.filter((x) => typeof x === 'string').join(', ') : str(r.lrt_affiliation));
  const named = parseRegistryList(file, 'operators', {
    kind: 'eigenlayer-operator', chainId: MAINNET, origin: 'eigenlayer-operators.json',
    category: (r) => str(r.operator_type) ?? (affiliation(r) ? `LRT operator (${affiliation(r)})` : undefined),
  });
  const unnamed = parseRegistryList(file, 'lrt_affiliated_unnamed', {
    kind: 'eigenlayer-operator', chainId: MAINNET, origin: 'eigenlayer-operators.json', allowUnnamed: true,
    category: (r) => `LRT operator (${affiliation(r) ?? 'unlabelled'})`,
  });
  return merge(named, unnamed);
}

// Symbiotic files are straight conversions of symbioticfi/metadata-mainnet, the protocol's own
// curated repository, hence `high` (README: "official/primary source").
const symbiotic = (kind: EntrySpec['kind'], origin: string, category?: EntrySpec['category']): EntrySpec => ({ kind, chainId: MAINNET, origin, confidence: 'high', ...(category ? { category } : {}) });

export function parseSymbioticVaultsFile(file: unknown): ParsedRegistry {
  return parseRegistryList(file, 'vaults', (r) => ({
    ...symbiotic(r.kind === 'default_collateral' ? 'symbiotic-default-collateral' : 'symbiotic-vault', 'symbiotic-vaults.json', (x) => str(x.vault_type) ?? firstTag(x)),
  }));
}
export const parseSymbioticNetworksFile = (file: unknown): ParsedRegistry =>
  parseRegistryList(file, 'networks', symbiotic('symbiotic-network', 'symbiotic-networks.json', (r) => (r.status === 'listed' ? firstTag(r) : 'removed from metadata (deprecated)')));
export const parseSymbioticOperatorsFile = (file: unknown): ParsedRegistry =>
  parseRegistryList(file, 'operators', symbiotic('symbiotic-operator', 'symbiotic-operators.json', firstTag));
export const parseSymbioticTokensFile = (file: unknown): ParsedRegistry =>
  parseRegistryList(file, 'tokens', symbiotic('symbiotic-token', 'symbiotic-tokens.json', firstTag));

/** karak.json: core contracts (with chain_id), other chains, V1 vault tokens, DSSs (most without a mainnet address). */
export function parseKarakFile(file: unknown): ParsedRegistry {
  const withChain = (kind: EntrySpec['kind'], list: string) => (r: Record<string, unknown>): EntrySpec | string => {
    if (r.address === null || r.address === undefined) return 'no address published';
    const chainId = r.chain_id ?? (list === 'vaults' ? MAINNET : undefined);
    if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) return 'no chain_id: the chain of this address is not established';
    return { kind, chainId, origin: `karak.json ${list}`, category: (x) => str(x.version) ?? str(x.asset_symbol) };
  };
  return merge(
    parseRegistryList(file, 'core_contracts', withChain('karak-core', 'core_contracts')),
    parseRegistryList(file, 'other_chain_contracts', withChain('karak-core', 'other_chain_contracts')),
    parseRegistryList(file, 'vaults', withChain('karak-vault', 'vaults')),
    parseRegistryList(file, 'dss', withChain('karak-dss', 'dss')),
  );
}

export function parseLrtTokensFile(file: unknown): ParsedRegistry {
  return parseRegistryList(file, 'tokens', {
    kind: 'lrt-token', chainId: MAINNET, origin: 'lrt-tokens.json',
    name: (r) => (str(r.symbol) && str(r.name) ? `${str(r.symbol)} (${str(r.name)})` : r.name), category: (r) => str(r.token_kind),
  });
}
