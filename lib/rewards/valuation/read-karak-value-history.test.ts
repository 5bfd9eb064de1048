import { describe, expect, it } from 'vitest';
import { parseEther, type Address } from 'viem';
import type { AddressSnapshot, Position } from '../../portfolio/types.js';
import { fakeContext, revert } from './fake-chain.js';
import { readKarakValueHistory } from './read-karak-value-history.js';

const VAULT: Address = '0x4444444444444444444444444444444444444444';
const V1: Address = '0x5555555555555555555555555555555555555555';
const A: Address = '0x000000000000000000000000000000000000000A';
const B: Address = '0x000000000000000000000000000000000000000b';
const C: Address = '0x000000000000000000000000000000000000000C';
const ASSET = { address: '0x6666666666666666666666666666666666666666' as Address, symbol: 'rETH', decimals: 18 };
const HEAD = 1000n;
const SLASH_BLOCK = 500n;
const time = (b: bigint) => 1_700_000_000 + Number(b) * 12;

const karak = (vault: Address, shares: bigint, version: 1 | 2 = 2): Position => ({
  protocol: 'karak', operator: null, asset: ASSET, amount: shares, karak: { version, vault, shares, dssCount: 1 },
});
const snap = (address: Address, positions: Position[], failures: AddressSnapshot['failures'] = []): AddressSnapshot => ({ address, positions, withdrawals: [], exposures: [], failures });

function setup(answer?: (vault: Address, shares: bigint, b: bigint) => unknown) {
  return fakeContext({
    head: HEAD, time, deployments: {},
    answer: ({ address, functionName, args, block }) => {
      if (functionName !== 'convertToAssets') return revert();
      const shares = args[0] as bigint;
      const custom = answer?.(address, shares, block);
      if (custom !== undefined) return custom;
      if (address === V1) return block < 200n ? revert() : shares;
      // 20 % slash at SLASH_BLOCK.
      return block < SLASH_BLOCK ? shares : (shares * 80n) / 100n;
    },
  });
}

describe('readKarakValueHistory', () => {
  it('values the same shares at every sample block, so a slash shows as a drop; V1 vaults too', async () => {
    const { ctx } = setup();
    const shares = parseEther('40');
    const positions = new Map([[A, snap(A, [karak(VAULT, shares), karak(V1, parseEther('5'), 1)])]]);
    const h = (await readKarakValueHistory(ctx, [A], positions)).get(A);
    if (!Array.isArray(h)) throw new Error(`expected a history, got ${JSON.stringify(h)}`);
    const [v2, v1] = h;
    expect(v2!.points.at(-1)).toEqual({ blockNumber: HEAD, timestamp: time(HEAD), assets: parseEther('32') });
    expect(v2!.points.filter((p) => p.blockNumber < SLASH_BLOCK).every((p) => p.assets === shares)).toBe(true);
    expect(v2!.points.some((p) => p.blockNumber < SLASH_BLOCK)).toBe(true);
    expect(v2).toMatchObject({ vault: VAULT, shares, asset: ASSET });
    // Before the V1 vault existed: left out, not zero.
    expect(v1!.points.every((p) => p.blockNumber >= 200n && p.assets === parseEther('5'))).toBe(true);
  });
  it('an address without Karak positions has an empty history; one whose Karak read failed, an error', async () => {
    const { ctx } = setup();
    const positions = new Map([
      [A, snap(A, [])],
      [B, snap(B, [karak(VAULT, 1n)], [{ protocol: 'karak', message: 'RPC said no' }])],
    ]);
    const got = await readKarakValueHistory(ctx, [A, B, C], positions);
    expect(got.get(A)).toEqual([]);
    expect(got.get(B)).toEqual({ error: 'Karak positions could not be read: RPC said no' });
    expect(got.get(C)).toEqual({ error: 'positions were not read for this address' });
  });
  it.each([
    ['a revert', () => revert()],
    ['garbage', () => 'not a number'],
  ])('%s at the snapshot block is an error for that address only', async (_name, bad) => {
    const { ctx } = setup((v, shares, b) => (shares === 7n && b === HEAD ? bad() : undefined));
    const positions = new Map([[A, snap(A, [karak(VAULT, 7n)])], [B, snap(B, [karak(VAULT, 9n)])]]);
    const got = await readKarakValueHistory(ctx, [A, B], positions);
    expect(got.get(A)).toEqual({ error: `convertToAssets failed on Karak vault ${VAULT} at the snapshot block` });
    expect(Array.isArray(got.get(B))).toBe(true);
  });
  it('the number of blocks read does not grow with the number of addresses', async () => {
    const count = async (n: number) => {
      const { ctx, requests } = setup();
      const addrs = Array.from({ length: n }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}` as Address);
      await readKarakValueHistory(ctx, addrs, new Map(addrs.map((a, i) => [a, snap(a, [karak(VAULT, parseEther('1') + BigInt(i))])])));
      return new Set(requests.map((r) => r.split('@')[1])).size;
    };
    expect(await count(10)).toBe(await count(1));
  });
});
