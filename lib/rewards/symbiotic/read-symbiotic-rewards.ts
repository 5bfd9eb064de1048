// Symbiotic staker rewards per address (reference §2.6), all reads pinned to ctx.blockNumber:
//   1. staker-rewards contracts of both factories (discover-rewards-contracts.ts, cached);
//   2. claim history of every address (scan-claims.ts, one log query for all addresses);
//   3. the vaults of each address = its Symbiotic positions and pending withdrawals, plus vaults
//      it has claimed rewards in; the (network, token) pairs that paid those vaults' contracts
//      (scan-distributions.ts);
//   4. fees, distribution counts and claimable() in two batched rounds (read-reward-figures.ts).
// The number of requests depends on these rounds, not on the number of addresses.
import { getAddress, type Address } from 'viem';
import type { AddressSnapshot, Asset } from '../../portfolio/types.js';
import { sanitizeSymbol } from '../../protocols/round.js';
import { initialChunk, isChunkState } from './fetch-logs-range.js';
import type { PositionsByAddress, RewardsReadContext } from '../context.js';
import type { ReadError, RewardClaim, SymbioticVaultRewards } from '../types.js';
import { discoverRewardsContracts, type RewardsContractInfo } from './discover-rewards-contracts.js';
import { scanClaims } from './scan-claims.js';
import { pairKey, readRewardFigures } from './read-reward-figures.js';
import { scanDistributionPairs } from './scan-distributions.js';

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

  // Per address: the contracts of its vaults and of contracts it claimed from.
  const mine = new Map<Address, RewardsContractInfo[]>();
  for (const a of addresses) {
    const vaults = vaultsOf(positions.get(getAddress(a)));
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

  const { adminFee, length, claimable, tokens, failures } = await readRewardFigures(
    ctx, mine, pairs, [...mine.keys()].flatMap((a) => claims.get(a)!.map((c) => getAddress(c.token))),
  );
  const fail = (who: Iterable<Address>, reason: string) => { for (const a of who) failures.set(a, [...(failures.get(a) ?? []), reason]); };

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
