// A deep, frozen copy of the page's request params, and a fingerprint to tell whether the page
// changed the original object while the check ran. Only JSON-like data (plus bigint) is copied:
// a request with functions, cycles or absurd depth is not a transaction we can reason about.
const MAX_DEPTH = 12;
const MAX_NODES = 10_000;

export class UnreadableRequestError extends Error {
  override name = 'UnreadableRequestError';
}

export function snapshotParams(value: unknown): unknown {
  let nodes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) throw new UnreadableRequestError('request too large or too deep');
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined) return v;
    if (Array.isArray(v)) return Object.freeze(v.map((x) => copy(x, depth + 1)));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // Object.keys invokes no getters; reading each value may (page objects are untrusted), hence the try in the caller.
      for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k], depth + 1);
      return Object.freeze(out);
    }
    throw new UnreadableRequestError(`unsupported value of type ${typeof v}`);
  };
  return copy(value, 0);
}

/** Stable text of a snapshot (bigint-safe). Key order is the page's, which is what we compare against. */
export function fingerprint(method: string, snapshot: unknown): string {
  return `${method}:${JSON.stringify(snapshot, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`;
}
