// UNCONFIRMED valuation contracts (deployments.unconfirmed "valuation.<address>") are checked on chain
// before first use, like Karak's (lib/protocols/karak/verify.ts): a feed must answer the expected
// description() and decimals(), a rate source a plausible rate. Verdicts live in the discovery cache;
// a pass is kept, a failure is re-checked at a newer block. All checks due go in one batched read.
import { getAddress, parseAbi, type Address } from 'viem';
import { readCalls, type Call, type CallResult } from '../../chains/read-calls.js';
import { valuationKey, type PriceFeed, type YieldSource } from '../../chains/valuation-config.js';
import type { RewardsReadContext } from '../context.js';
import { plausibleRate, rateCall } from './rate-call.js';

const feedAbi = parseAbi(['function description() view returns (string)', 'function decimals() view returns (uint8)']);

interface Verdict {
  ok: boolean;
  reason: string | null;
  block: number;
}

interface Check {
  label: string;
  address: Address;
  /** Distinguishes two uses of one address (e.g. two rate methods). */
  what: string;
  calls: Call[];
  /** null when the answers look like the expected contract's, else why not. */
  judge(results: CallResult[]): string | null;
}

const cacheKey = (chainId: number, c: Check) => `valuation:verified:${chainId}:${getAddress(c.address)}:${c.what}`;
const firstLine = (e: Error) => ((e as { shortMessage?: string }).shortMessage ?? e.message).split('\n')[0]!;

function cached(value: unknown): Verdict | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Verdict>;
  if (typeof v.ok !== 'boolean' || typeof v.block !== 'number') return undefined;
  return { ok: v.ok, reason: typeof v.reason === 'string' ? v.reason : null, block: v.block };
}

export function feedCheck(f: PriceFeed): Check {
  return {
    label: `${f.pair} feed`,
    address: f.feed,
    what: 'feed',
    calls: [
      { address: f.feed, abi: feedAbi, functionName: 'description' },
      { address: f.feed, abi: feedAbi, functionName: 'decimals' },
    ],
    judge: ([d, n]) => {
      if (d!.status !== 'success') return `description() failed: ${firstLine(d!.error)}`;
      if (d!.result !== f.description) return `description() is ${JSON.stringify(String(d!.result).slice(0, 40))}, expected ${JSON.stringify(f.description)}`;
      if (n!.status !== 'success') return `decimals() failed: ${firstLine(n!.error)}`;
      if (n!.result !== f.decimals) return `decimals() is ${String(n!.result)}, expected ${f.decimals}`;
      return null;
    },
  };
}

export function rateCheck(y: YieldSource): Check {
  return {
    label: `${y.symbol} rate source`,
    address: y.source,
    what: y.method,
    calls: [rateCall(y)],
    judge: ([r]) => {
      if (r!.status !== 'success') return `${y.method} failed: ${firstLine(r!.error)}`;
      return plausibleRate(r!.result) ? null : `${y.method} returned ${String(r!.result)}, not a rate in [0.5e18, 5e18]`;
    },
  };
}

/** For each check: null when the contract may be used, else the reason it is disabled. */
export async function verifySources(ctx: RewardsReadContext, checks: readonly Check[]): Promise<(string | null)[]> {
  const unconfirmed = new Set(ctx.deployments.unconfirmed ?? []);
  const block = Number(ctx.blockNumber);
  const out: (string | null)[] = checks.map(() => null);
  const due: number[] = [];
  const disabled = (c: Check, reason: string | null) => `${c.label} at ${c.address} is UNCONFIRMED and failed its on-chain check (${reason ?? 'unknown'}); disabled until verified`;
  checks.forEach((c, i) => {
    if (!unconfirmed.has(valuationKey(c.address))) return;
    const v = cached(ctx.cache.get(cacheKey(ctx.deployments.chainId, c)));
    if (v?.ok) return;
    if (v && v.block >= block) out[i] = disabled(c, v.reason);
    else due.push(i);
  });
  if (due.length === 0) return out;
  const calls = due.flatMap((i) => checks[i]!.calls);
  const results = await readCalls(ctx.client, calls, { blockNumber: ctx.blockNumber, batch: ctx.batch });
  let at = 0;
  for (const i of due) {
    const c = checks[i]!;
    const reason = c.judge(results.slice(at, at + c.calls.length));
    at += c.calls.length;
    ctx.cache.set(cacheKey(ctx.deployments.chainId, c), { ok: reason === null, reason, block } satisfies Verdict);
    if (reason !== null) out[i] = disabled(c, reason);
  }
  return out;
}
