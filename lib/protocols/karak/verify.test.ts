import { describe, expect, it } from 'vitest';
import { getAddress, type PublicClient } from 'viem';
import { memoryCache, type ReadContext } from '../adapter.js';
import { coreAbi } from './abi.js';
import { verifiedKey, verifyUnconfirmed, type VerifyCheck } from './verify.js';

const CORE = getAddress('0x27e9C40128c77B157130Fc5fAEFcDe26D6194c15');
const check: VerifyCheck = { key: 'karak.core', label: 'Karak V2 Core', address: CORE, abi: coreAbi, functionName: 'VERSION', accept: (v) => typeof v === 'string' && v.length > 0 };

function ctx(answer: () => Promise<unknown>, block: bigint, cache = memoryCache(), unconfirmed = ['karak.core']) {
  let calls = 0;
  const client = { readContract: async () => (calls++, answer()) } as unknown as PublicClient;
  const c: ReadContext = { client, deployments: { chainId: 1, multicall3: CORE, unconfirmed }, blockNumber: block, batch: true, cache };
  return { c, calls: () => calls, cache };
}

describe('verification of UNCONFIRMED Karak addresses', () => {
  it('confirmed addresses are not checked', async () => {
    const x = ctx(async () => '2.0.0', 1n, memoryCache(), []);
    expect(await verifyUnconfirmed(x.c, check)).toBeNull();
    expect(x.calls()).toBe(0);
  });

  it('a good answer is cached and never re-asked', async () => {
    const x = ctx(async () => '2.0.0', 1n);
    expect(await verifyUnconfirmed(x.c, check)).toBeNull();
    expect(x.cache.get(verifiedKey(1, CORE))).toEqual({ ok: true, reason: null, block: 1 });
    const y = ctx(async () => { throw new Error('revert'); }, 2n, x.cache);
    expect(await verifyUnconfirmed(y.c, check)).toBeNull();
    expect(y.calls()).toBe(0);
  });

  it('a revert disables the part with the reason, re-checked at a newer block only', async () => {
    const x = ctx(async () => { throw new Error('execution reverted'); }, 5n);
    const msg = `Karak V2 Core at ${CORE} did not answer VERSION(); disabled until verified`;
    expect(await verifyUnconfirmed(x.c, check)).toBe(msg);
    expect(x.cache.get(verifiedKey(1, CORE))).toMatchObject({ ok: false, block: 5 });
    const same = ctx(async () => '2.0.0', 5n, x.cache);
    expect(await verifyUnconfirmed(same.c, check)).toBe(msg);
    expect(same.calls()).toBe(0);
    const later = ctx(async () => '2.0.0', 6n, x.cache);
    expect(await verifyUnconfirmed(later.c, check)).toBeNull();
  });

  it('an unreachable RPC is not a verdict: the error propagates', async () => {
    const e = Object.assign(new Error('down'), { name: 'HttpRequestError' });
    const x = ctx(async () => { throw e; }, 1n);
    await expect(verifyUnconfirmed(x.c, check)).rejects.toBe(e);
    expect(x.cache.get(verifiedKey(1, CORE))).toBeUndefined();
  });
});
