// Karak V1 reads (reference §3.3 V1): VaultSupervisor.getDeposits and DelegationSupervisor
// .fetchQueuedWithdrawals per address, in three rounds whose count does not depend on the addresses:
//   1. getDeposits, fetchQueuedWithdrawals per address; withdrawalDelay; block time
//   2. symbol/decimals of deposit tokens; asset() and convertToAssets(shares) of withdrawal vaults
//   3. symbol/decimals of withdrawal assets not seen in round 2
import { erc20Abi, getAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset } from '../../portfolio/types.js';
import type { AddressReading, AddressReadFailure, ReadContext } from '../adapter.js';
import { delegationSupervisorAbi, vaultAbi, vaultSupervisorAbi } from './abi.js';
import { assembleV1, type V1Deposit, type V1QueuedWithdrawal } from './assemble.js';
import { addBlockTime } from './block-time.js';
import { ok, Round, sanitizeSymbol, why } from '../round.js';
import { verifyUnconfirmed } from './verify.js';

type Result = Map<Address, AddressReading | AddressReadFailure>;

export async function readKarakV1(ctx: ReadContext, addresses: readonly Address[]): Promise<Result> {
  const vs = ctx.deployments.karak?.vaultSupervisor;
  if (!vs) throw new BadRpcResponseError('Karak V1 VaultSupervisor is not deployed on this chain');
  const ds = ctx.deployments.karak?.delegationSupervisor;
  const out: Result = new Map();
  const disabled =
    (await verifyUnconfirmed(ctx, {
      key: 'karak.vaultSupervisor', label: 'Karak V1 VaultSupervisor', address: vs, abi: vaultSupervisorAbi, functionName: 'getVaults',
      accept: (v) => Array.isArray(v),
    })) ??
    (ds
      ? await verifyUnconfirmed(ctx, {
          key: 'karak.delegationSupervisor', label: 'Karak V1 DelegationSupervisor', address: ds, abi: delegationSupervisorAbi, functionName: 'withdrawalDelay',
          accept: (v) => typeof v === 'bigint',
        })
      : null);
  if (disabled) {
    for (const a of addresses) out.set(a, { error: disabled });
    return out;
  }
  const failed = new Map<Address, string>();
  const fail = (a: Address, what: string) => failed.has(a) || failed.set(a, what);
  const deposits = new Map<Address, V1Deposit[]>();
  const tokenOfDeposit = new Map<Address, Address[]>();
  const withdrawals = new Map<Address, V1QueuedWithdrawal[]>();

  // Round 1
  const r1 = new Round();
  const time = addBlockTime(r1, ctx);
  let delay: bigint | undefined = ds ? undefined : 0n;
  if (ds) r1.add({ address: ds, abi: delegationSupervisorAbi, functionName: 'withdrawalDelay' }, (r) => void (delay = ok<bigint>(r)));
  for (const a of addresses) {
    r1.add({ address: vs, abi: vaultSupervisorAbi, functionName: 'getDeposits', args: [a] }, (r) => {
      const v = ok<readonly [readonly Address[], readonly Address[], readonly bigint[], readonly bigint[]]>(r);
      if (!v || new Set([v[0].length, v[1].length, v[2].length, v[3].length]).size !== 1) return void fail(a, `getDeposits failed${why(r)}`);
      tokenOfDeposit.set(a, v[1].map((t) => getAddress(t)));
      deposits.set(a, v[0].map((vault, i) => ({ vault: getAddress(vault), asset: undefined as unknown as Asset, shares: v[3][i]!, amount: v[2][i]! })));
    });
    if (ds) {
      r1.add({ address: ds, abi: delegationSupervisorAbi, functionName: 'fetchQueuedWithdrawals', args: [a] }, (r) => {
        const v = ok<readonly V1QueuedWithdrawal[]>(r);
        if (!v || v.some((w) => w.request.vaults.length !== w.request.shares.length)) return void fail(a, `fetchQueuedWithdrawals failed${why(r)}`);
        withdrawals.set(a, v.map((w) => ({ ...w, staker: getAddress(w.staker), delegatedTo: getAddress(w.delegatedTo), request: { ...w.request, vaults: w.request.vaults.map((x) => getAddress(x)), withdrawer: getAddress(w.request.withdrawer) } })));
      });
    } else withdrawals.set(a, []);
  }
  await r1.run(ctx);
  const now = time.value();
  if (now === undefined || delay === undefined) throw new BadRpcResponseError('Karak V1: block timestamp or withdrawalDelay() unreadable; check the DelegationSupervisor address');

  // Rounds 2 and 3
  const live = () => addresses.filter((a) => !failed.has(a));
  const assets = new Map<Address, Asset>();
  const addToken = (round: Round, token: Address, seen: Set<Address>) => {
    if (seen.has(token) || assets.has(token)) return;
    seen.add(token);
    const meta: { symbol?: string } = {};
    round.add({ address: token, abi: erc20Abi, functionName: 'symbol' }, (r) => void (meta.symbol = ok<string>(r)));
    round.add({ address: token, abi: erc20Abi, functionName: 'decimals' }, (r) => {
      const d = ok<number>(r);
      if (d !== undefined && d <= 77) assets.set(token, { address: token, symbol: sanitizeSymbol(meta.symbol, token), decimals: d });
    });
  };
  const vaultAsset = new Map<Address, Address>();
  const converted = new Map<string, bigint>();
  const r2 = new Round();
  const seen2 = new Set<Address>();
  for (const a of live()) for (const t of tokenOfDeposit.get(a) ?? []) addToken(r2, t, seen2);
  const wVaults = new Set(live().flatMap((a) => withdrawals.get(a)!.flatMap((w) => w.request.vaults)));
  for (const v of wVaults) r2.add({ address: v, abi: vaultAbi, functionName: 'asset' }, (r) => void (ok<Address>(r) && vaultAsset.set(v, getAddress(ok<Address>(r)!))));
  for (const a of live()) {
    for (const w of withdrawals.get(a)!) {
      w.request.vaults.forEach((v, j) => {
        const key = `${v}:${w.request.shares[j]}`;
        if (converted.has(key)) return;
        converted.set(key, -1n);
        r2.add({ address: v, abi: vaultAbi, functionName: 'convertToAssets', args: [w.request.shares[j]!] }, (r) => {
          const x = ok<bigint>(r);
          if (x === undefined) converted.delete(key);
          else converted.set(key, x);
        });
      });
    }
  }
  await r2.run(ctx);
  const r3 = new Round();
  const seen3 = new Set<Address>();
  for (const t of vaultAsset.values()) addToken(r3, t, seen3);
  await r3.run(ctx);

  for (const a of addresses) {
    const reason = failed.get(a);
    if (reason) {
      out.set(a, { error: reason });
      continue;
    }
    try {
      const token = (t: Address | undefined, what: string) => {
        const asset = t && assets.get(t);
        if (!asset) throw new BadRpcResponseError(`Karak V1: ${what} has no readable token decimals()`);
        return asset;
      };
      const tokens = tokenOfDeposit.get(a)!;
      const ds1 = deposits.get(a)!.map((d, i) => ({ ...d, asset: token(tokens[i], `vault ${d.vault}`) }));
      out.set(a, assembleV1(ds1, withdrawals.get(a)!, {
        now,
        delay: delay,
        assetOf: (v) => token(vaultAsset.get(v), `vault ${v}`),
        amountOf: (v, s) => {
          const x = converted.get(`${v}:${s}`);
          if (x === undefined || x < 0n) throw new BadRpcResponseError(`Karak V1: convertToAssets failed on vault ${v}`);
          return x;
        },
      }));
    } catch (error) {
      out.set(a, { error: (error as Error).message });
    }
  }
  return out;
}
