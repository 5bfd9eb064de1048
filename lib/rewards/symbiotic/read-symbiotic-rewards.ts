// Symbiotic staker rewards per address (reference §2.6), all reads pinned to ctx.blockNumber:
//   1. staker-rewards contracts of both factories (discover-rewards-contracts.ts, cached);
//   2. claim history of every address (scan-claims.ts, one log query for all addresses);
//   3. the vaults of each address = its Symbiotic positions and pending withdrawals, plus vaults
//      it has claimed rewards in; the (network, token) pairs that paid those vaults' contracts
//      (scan-distributions.ts);
//   4. one batched round: adminFee, rewardsLength per pair, lastUnclaimedReward per (address, pair),
//      token symbol/decimals; 5. one round: claimable() per (address, pair) with unclaimed
//      distributions, maxRewards = rewardsLength − lastUnclaimedReward so each view call iterates only
//      what is unclaimed (the view loops over distributions; unbounded it can hit RPC gas caps).
// The number of requests depends on these rounds, not on the number of addresses.
import { encodeAbiParameters, erc20Abi, getAddress, type Address } from 'viem';
import type { AddressSnapshot, Asset } from '../../portfolio/types.js';
import { Round, ok, sanitizeSymbol, why } from '../../protocols/round.js';
import { initialChunk, isChunkState } from './fetch-logs-range.js';
import type { PositionsByAddress, RewardsReadContext } from '../context.js';
import type { ReadError, RewardClaim, SymbioticVaultRewards } from '../types.js';
import { stakerRewardsV2Abi } from './abi.js';
import { discoverRewardsContracts, type RewardsContractInfo } from './discover-rewards-contracts.js';
import { scanClaims } from './scan-claims.js';
import { scanDistributionPairs, type RewardPair } from './scan-distributions.js';

type Result = Map<Address, SymbioticVaultRewards[] | ReadError>;

const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/** Vaults whose rewards concern the address, or the reason its Symbiotic positions are unknown. */
function vaultsOf(snapshot: AddressSnapshot | undefined): Set<string> | string {
  const failure = snapshot?.failures.find((f) => f.protocol === 'symbiotic');
  if (failure) return `Symbiotic positions could not be read (${failure.message})`;
  const vaults = new Set<string>();
  for (const p of snapshot?.positions ?? []) if (p.symbiotic) vaults.add(p.symbiotic.vault.toLowerCase());
  // A staker who is withdrawing still earns on distributions dated before the withdrawal.
  for (const w of snapshot?.withdrawals ?? []) if (w.symbiotic) vaults.add(w.symbiotic.vault.toLowerCase());
  return vaults;
}

export async function readSymbioticRewards(ctx: RewardsReadContext, addresses: readonly Address[], positions: PositionsByAddress): Promise<Result> {
  const out: Result = new Map();
  try {
    await read(ctx, addresses, positions, out);
  } catch (error) {
    for (const a of addresses) out.set(a, { error: `Symbiotic rewards could not be read: ${message(error)}` });
  }
  return out;
}

async function read(ctx: RewardsReadContext, addresses: readonly Address[], positions: PositionsByAddress, out: Result): Promise<void> {
  const sym = ctx.deployments.symbiotic;
  const factories = [sym?.stakerRewardsFactory, sym?.stakerRewardsFactoryV1].filter((f): f is Address => !!f);
  if (!sym || factories.length === 0) {
    for (const a of addresses) out.set(a, []);
    return;
  }
  const startBlock = BigInt(sym.fromBlock ?? 0);
  const chunkKey = `symbiotic-rewards:chunk:${ctx.deployments.chainId}`;
  const cachedChunk = ctx.cache.get(chunkKey);
  const logState = { chunk: isChunkState(cachedChunk) ? cachedChunk : initialChunk() };

  const contracts = await discoverRewardsContracts(ctx, factories);
  const claims = await scanClaims(ctx, contracts, addresses, startBlock, logState);
  const byContract = new Map(contracts.map((c) => [c.contract.toLowerCase(), c]));

  // Per address: the contracts of its vaults and of contracts it claimed from.
  const mine = new Map<Address, RewardsContractInfo[]>();
  for (const a of addresses) {
    const vaults = vaultsOf(positions.get(a));
    if (typeof vaults === 'string') {
      out.set(a, { error: vaults });
      continue;
    }
    const claimed = new Set(claims.get(a)!.map((c) => c.contract.toLowerCase()));
    mine.set(a, contracts.filter((c) => vaults.has(c.vault.toLowerCase()) || claimed.has(c.contract.toLowerCase())));
  }
  const relevant = [...new Map([...mine.values()].flat().map((c) => [c.contract, c])).values()];
  const pairs = await scanDistributionPairs(ctx, relevant, startBlock, logState);
  ctx.cache.set(chunkKey, logState.chunk);

  // Round 1: fees, lengths, per-address progress, token metadata.
  const failures = new Map<Address, string[]>();
  const fail = (who: Iterable<Address>, why_: string) => { for (const a of who) failures.set(a, [...(failures.get(a) ?? []), why_]); };
  const users = (contract: Address) => [...mine].filter(([, cs]) => cs.some((c) => c.contract === contract)).map(([a]) => a);
  const adminFee = new Map<Address, bigint>();
  const length = new Map<string, bigint>();
  const last = new Map<string, bigint>();
  const tokens = new Map<string, { symbol?: string; decimals?: number }>();
  const pairKey = (contract: Address, p: RewardPair) => `${contract}:${p.network}:${p.token}`;
  const tokenList = new Set<Address>([...pairs.values()].flat().map((p) => p.token));
  for (const a of mine.keys()) for (const c of claims.get(a)!) tokenList.add(getAddress(c.token));

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

  // Round 2: claimable per (address, pair) that has unclaimed distributions.
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

  const asset = (t: Address): Asset | string => {
    const m = tokens.get(t);
    if (m?.decimals === undefined) return `decimals() failed on reward token ${t}`;
    return { address: t, symbol: sanitizeSymbol(m.symbol, t), decimals: m.decimals };
  };
  for (const [a, cs] of mine) {
    const rows: SymbioticVaultRewards[] = [];
    for (const c of cs) {
      const rowPairs = pairs.get(c.contract) ?? [];
      const entries: SymbioticVaultRewards['claimable'] = [];
      for (const p of rowPairs) {
        const token = asset(p.token);
        const amount = claimable.get(`${a}:${pairKey(c.contract, p)}`);
        if (typeof token === 'string') fail([a], token);
        else if (amount !== undefined) entries.push({ network: p.network, token, amount, distributions: Number(length.get(pairKey(c.contract, p))) });
      }
      const history: RewardClaim[] = [];
      for (const s of claims.get(a)!.filter((x) => x.contract === c.contract)) {
        const token = asset(getAddress(s.token));
        if (typeof token === 'string') fail([a], token);
        else history.push({
          protocol: 'symbiotic', token, amount: BigInt(s.amount), claimer: s.claimer, recipient: s.recipient,
          blockNumber: BigInt(s.blockNumber), txHash: s.txHash, logIndex: s.logIndex, network: s.network, rewardsContract: c.contract,
        });
      }
      history.sort((x, y) => (x.blockNumber === y.blockNumber ? x.logIndex - y.logIndex : x.blockNumber < y.blockNumber ? -1 : 1));
      const fee = adminFee.get(c.contract);
      rows.push({ vault: c.vault, rewardsContract: c.contract, version: c.version, adminFeeBips: fee === undefined ? 0 : Number(fee), claimable: entries, history });
    }
    const errs = failures.get(a);
    out.set(a, errs ? { error: `Symbiotic rewards: ${[...new Set(errs)].join('; ')}` } : rows);
  }
}
