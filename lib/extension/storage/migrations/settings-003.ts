// Settings v2 -> v3: from one active chain to several enabled chains.
// v2: `chains: {[id]: {rpcUrls, deploymentsOverride?}}` + `activeChainId`.
// v3: `chains: {[id]: {enabled, rpcUrls, deploymentsOverride?}}` for every known chain (registry +
// build chain) and every chain v2 had; `activeChainId` is gone (several chains are read at once,
// so "active" means nothing: the old active chain simply becomes enabled).
// Enabled: the old active chain, plus each chain's build default (normal build: the registry's
// `enabledByDefault`; devnet build: only the devnet). An RPC list equal to the chain's built-in
// list becomes [] ("defaults") so a later release can update the defaults for the user.
import { BUILD_DEFAULTS, type BuildDefaults } from '../../build-defaults.js';
import { knownChains } from '../../chains/known-chains.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sameList = (a: readonly unknown[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function migrateSettingsTo3(v2: unknown, build: Pick<BuildDefaults, 'network' | 'chainId' | 'rpcUrls'> = BUILD_DEFAULTS): unknown {
  if (!isObject(v2)) return v2; // decodeSettings reports it
  const { activeChainId, chains: oldChains, ...rest } = v2;
  const known = knownChains(build);
  const old = isObject(oldChains) ? oldChains : {};
  const chains: Record<string, unknown> = {};
  for (const c of known) chains[String(c.chainId)] = { enabled: c.enabledByDefault || c.chainId === activeChainId, rpcUrls: [] };
  for (const [id, entry] of Object.entries(old)) {
    if (!isObject(entry)) {
      chains[id] ??= entry; // malformed: left for the validator to report and drop
      continue;
    }
    const k = known.find((c) => String(c.chainId) === id);
    const rpcUrls = Array.isArray(entry.rpcUrls) && k && sameList(entry.rpcUrls, k.defaultRpcUrls) ? [] : entry.rpcUrls;
    const enabled = (k?.enabledByDefault ?? false) || Number(id) === activeChainId;
    chains[id] = { ...entry, enabled, rpcUrls };
  }
  return { ...rest, chains };
}
