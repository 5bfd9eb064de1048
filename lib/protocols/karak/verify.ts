// Addresses the reference marks UNCONFIRMED (deployments.unconfirmed, e.g. "karak.core") are checked
// with one cheap view call before use; the verdict is cached in the discovery cache. A positive verdict
// is kept; a negative one is re-checked on the next refresh at a newer block (a contract may be
// deployed later, or the RPC may have been wrong), so the check costs one call per refresh at most.
import { getAddress, type Abi, type Address } from 'viem';
import { isTransportError } from '../../chains/read-calls.js';
import type { ReadContext } from '../adapter.js';

export interface Verdict {
  ok: boolean;
  reason: string | null;
  block: number;
}

export interface VerifyCheck {
  /** Deployments key as listed in deployments.unconfirmed, e.g. "karak.core". */
  key: string;
  /** Name shown to the user, e.g. "Karak V2 Core". */
  label: string;
  address: Address;
  abi: Abi;
  functionName: string;
  /** Whether the answer looks like the expected contract's. */
  accept(result: unknown): boolean;
}

export const verifiedKey = (chainId: number, address: Address) => `karak:verified:${chainId}:${getAddress(address)}`;

function cachedVerdict(value: unknown): Verdict | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Verdict>;
  if (typeof v.ok !== 'boolean' || typeof v.block !== 'number') return undefined;
  return { ok: v.ok, reason: typeof v.reason === 'string' ? v.reason : null, block: v.block };
}

/** Returns null when the address may be used, else the reason to show for every address. */
export async function verifyUnconfirmed(ctx: ReadContext, check: VerifyCheck): Promise<string | null> {
  if (!(ctx.deployments.unconfirmed ?? []).includes(check.key)) return null;
  const key = verifiedKey(ctx.deployments.chainId, check.address);
  const block = Number(ctx.blockNumber);
  const cached = cachedVerdict(ctx.cache.get(key));
  const disabled = `${check.label} at ${check.address} did not answer ${check.functionName}(); disabled until verified`;
  if (cached?.ok) return null;
  if (cached && cached.block >= block) return disabled;
  let verdict: Verdict;
  try {
    const result = await ctx.client.readContract({ address: check.address, abi: check.abi, functionName: check.functionName, blockNumber: ctx.blockNumber } as never);
    verdict = check.accept(result) ? { ok: true, reason: null, block } : { ok: false, reason: `unexpected ${check.functionName}() answer`, block };
  } catch (error) {
    if (isTransportError(error)) throw error;
    verdict = { ok: false, reason: ((error as { shortMessage?: string }).shortMessage ?? (error as Error).message).split('\n')[0]!, block };
  }
  ctx.cache.set(key, verdict);
  return verdict.ok ? null : disabled;
}
