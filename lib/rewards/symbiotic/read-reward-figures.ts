// The on-chain figures behind Symbiotic claimable rewards, in two batched rounds at ctx.blockNumber:
//   1. adminFee per contract, rewardsLength per (contract, network, token), lastUnclaimedReward per
//      (address, contract, pair), token symbol/decimals;
//   2. claimable(token, address, abi.encode(network, maxRewards)) per (address, pair) with unclaimed
//      distributions, maxRewards = rewardsLength − lastUnclaimedReward: the view loops over that many
//      distributions, so asking for exactly the unclaimed ones keeps each call within RPC gas caps.
// A failed call is recorded against the addresses it concerns (they become ReadErrors), never as 0.
import { encodeAbiParameters, erc20Abi, type Address } from 'viem';
import { Round, ok, why } from '../../protocols/round.js';
import type { RewardsReadContext } from '../context.js';
import { stakerRewardsV2Abi } from './abi.js';
import type { RewardsContractInfo } from './discover-rewards-contracts.js';
import type { RewardPair } from './scan-distributions.js';

export interface RewardFigures {
  adminFee: Map<Address, bigint>;
  /** Keyed by pairKey(contract, pair). */
  length: Map<string, bigint>;
  /** Keyed by `${address}:${pairKey}`. */
  claimable: Map<string, bigint>;
  tokens: Map<Address, { symbol?: string; decimals?: number }>;
  /** Reasons per address whose figures are incomplete. */
  failures: Map<Address, string[]>;
}

export const pairKey = (contract: Address, p: RewardPair) => `${contract}:${p.network}:${p.token}`;

export async function readRewardFigures(
  ctx: RewardsReadContext,
  mine: ReadonlyMap<Address, readonly RewardsContractInfo[]>,
  pairs: ReadonlyMap<Address, readonly RewardPair[]>,
  extraTokens: Iterable<Address>,
): Promise<RewardFigures> {
  const relevant = [...new Map([...mine.values()].flat().map((c) => [c.contract, c])).values()];
  const failures = new Map<Address, string[]>();
  const fail = (who: Iterable<Address>, reason: string) => { for (const a of who) failures.set(a, [...(failures.get(a) ?? []), reason]); };
  const users = (contract: Address) => [...mine].filter(([, cs]) => cs.some((c) => c.contract === contract)).map(([a]) => a);
  const adminFee = new Map<Address, bigint>();
  const length = new Map<string, bigint>();
  const last = new Map<string, bigint>();
  const tokens = new Map<Address, { symbol?: string; decimals?: number }>();
  const tokenList = new Set<Address>([...[...pairs.values()].flat().map((p) => p.token), ...extraTokens]);

  const r1 = new Round();
  for (const c of relevant) {
    r1.add({ address: c.contract, abi: stakerRewardsV2Abi, functionName: 'adminFee' }, (r) => {
      const v = ok<bigint>(r);
      if (v === undefined) fail(users(c.contract), `adminFee() failed on ${c.contract}${why(r)}`);
      else adminFee.set(c.contract, v);
    });
    for (const p of pairs.get(c.contract) ?? []) {
      r1.add({ address: c.contract, abi: stakerRewardsV2Abi, functionName: 'rewardsLength', args: [p.token, p.network] }, (r) => {
        const v = ok<bigint>(r);
        if (v === undefined) fail(users(c.contract), `rewardsLength() failed on ${c.contract}${why(r)}`);
        else length.set(pairKey(c.contract, p), v);
      });
    }
  }
  for (const [a, cs] of mine) {
    for (const c of cs) {
      for (const p of pairs.get(c.contract) ?? []) {
        r1.add({ address: c.contract, abi: stakerRewardsV2Abi, functionName: 'lastUnclaimedReward', args: [a, p.token, p.network] }, (r) => {
          const v = ok<bigint>(r);
          if (v === undefined) fail([a], `lastUnclaimedReward() failed on ${c.contract}${why(r)}`);
          else last.set(`${a}:${pairKey(c.contract, p)}`, v);
        });
      }
    }
  }
  for (const t of tokenList) {
    const meta: { symbol?: string; decimals?: number } = {};
    tokens.set(t, meta);
    r1.add({ address: t, abi: erc20Abi, functionName: 'symbol' }, (r) => (meta.symbol = ok<string>(r)));
    r1.add({ address: t, abi: erc20Abi, functionName: 'decimals' }, (r) => {
      const d = ok<number>(r);
      if (d !== undefined) meta.decimals = Number(d);
    });
  }
  await r1.run(ctx);

  const claimable = new Map<string, bigint>();
  const r2 = new Round();
  for (const [a, cs] of mine) {
    for (const c of cs) {
      for (const p of pairs.get(c.contract) ?? []) {
        const k = `${a}:${pairKey(c.contract, p)}`;
        const len = length.get(pairKey(c.contract, p));
        const done = last.get(k);
        if (len === undefined || done === undefined) continue; // already recorded as a failure
        if (len <= done) {
          claimable.set(k, 0n);
          continue;
        }
        const data = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [p.network, len - done]);
        r2.add({ address: c.contract, abi: stakerRewardsV2Abi, functionName: 'claimable', args: [p.token, a, data] }, (r) => {
          const v = ok<bigint>(r);
          if (v === undefined) fail([a], `claimable() failed on ${c.contract}${why(r)}`);
          else claimable.set(k, v);
        });
      }
    }
  }
  await r2.run(ctx);

  return { adminFee, length, claimable, tokens, failures };
}
