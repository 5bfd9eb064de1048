// Portfolio v1 -> v2. v1 held one snapshot (`{snapshot, status}`) of the single active chain; v2
// holds one `{snapshot, status}` per chain under `chains[chainId]`. The old snapshot moves under
// the chain id it names; without a snapshot there is no chain to file the status under, so it is
// dropped (the next refresh writes a new one).
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function migratePortfolioTo2(v1: unknown): unknown {
  if (!isObject(v1)) return v1; // decodePortfolio reports it
  const { snapshot, status } = v1;
  const chainId = isObject(snapshot) ? snapshot.chainId : undefined;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) {
    if (snapshot != null) console.warn('[portfolio v2 migration] dropped a snapshot without a chain id');
    return { chains: {} };
  }
  return { chains: { [String(chainId)]: { snapshot, status } } };
}
