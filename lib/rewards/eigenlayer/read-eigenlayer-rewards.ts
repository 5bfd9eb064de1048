// EigenLayer rewards of many addresses at one pinned block (reference §1.5): claimer, claim history
// and cumulativeClaimed per token ever claimed, distribution roots, the operator's commission, and
// the claimable amount from the opt-in rewards API, verified against the root on chain.
// Cost: the logs scan (one request per block chunk) plus three batched read rounds (the roots and
// splits rounds run side by side) regardless of the number of addresses; the API is asked once per
// address, and only when the user turned it on.
import { getAddress, isAddressEqual, zeroAddress, type Address } from 'viem';
import { delegationManagerAbi, rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import { Round, ok, why } from '../../protocols/round.js';
import type { RewardsReadContext, PositionsByAddress } from '../context.js';
import type { EigenLayerClaimable, EigenLayerRewards, ReadError } from '../types.js';
import { readClaimHistory } from './claim-history.js';
import { fetchVerifiedClaim, type ClaimOutcome } from './fetch-verified-claim.js';
import { readDistributionRoots, type RootsAtBlock } from './read-distribution-roots.js';
import { planOperatorSplits, type SplitPlan } from './operator-splits.js';
import { createSidecarClient } from './sidecar-client.js';
import { TokenReads } from './token-reads.js';

export async function readEigenLayerRewards(
  ctx: RewardsReadContext,
  addresses: readonly Address[],
  positions: PositionsByAddress,
): Promise<Map<Address, EigenLayerRewards | ReadError>> {
  const out = new Map<Address, EigenLayerRewards | ReadError>();
  const rc = ctx.deployments.eigenlayer?.rewardsCoordinator;
  const allFail = (error: string) => {
    for (const a of addresses) out.set(a, { error });
    return out;
  };
  if (addresses.length === 0) return out;
  if (!rc) return allFail('no RewardsCoordinator is known on this chain');

  let history: Awaited<ReturnType<typeof readClaimHistory>>;
  try {
    history = await readClaimHistory(ctx, rc, addresses);
  } catch (e) {
    return allFail(`RewardsClaimed logs could not be read: ${(e as Error).message.split('\n')[0]}`);
  }

  // Round 1: roots count, default split, claimer, operator fallback, claimed amounts and token facts.
  const errors = new Map<Address, string>();
  const fail = (a: Address, msg: string) => void (errors.has(a) || errors.set(a, msg));
  const tokens = new TokenReads(rc);
  const r1 = new Round();
  let rootsLength: number | null = null;
  let defaultSplit: number | null = null;
  let globalError: string | null = null;
  r1.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'getDistributionRootsLength' }, (r) => {
    const v = ok<bigint>(r);
    if (v === undefined) globalError = `getDistributionRootsLength failed${why(r)}`;
    else rootsLength = Number(v);
  });
  r1.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'defaultOperatorSplitBips' }, (r) => {
    const v = ok<number>(r);
    if (v === undefined) globalError = `defaultOperatorSplitBips failed${why(r)}`;
    else defaultSplit = v;
  });
  const claimers = new Map<Address, Address | null>();
  const operators = new Map<Address, Address | null>();
  const dm = ctx.deployments.eigenlayer?.delegationManager;
  for (const a of addresses) {
    r1.add({ address: rc, abi: rewardsCoordinatorAbi, functionName: 'claimerFor', args: [a] }, (r) => {
      const v = ok<Address>(r);
      if (v === undefined) fail(a, `claimerFor failed${why(r)}`);
      else claimers.set(a, isAddressEqual(v, zeroAddress) ? null : getAddress(v));
    });
    const snap = positions.get(a) ?? [...positions.values()].find((s) => isAddressEqual(s.address, a));
    const fromPositions = snap?.positions.find((p) => p.protocol === 'eigenlayer' && p.operator)?.operator ?? snap?.exposures.find((e) => e.protocol === 'eigenlayer')?.operator;
    if (fromPositions) operators.set(a, getAddress(fromPositions));
    else if (dm) {
      // No EigenLayer position (e.g. an operator's own address): delegatedTo says who it belongs to.
      r1.add({ address: dm, abi: delegationManagerAbi, functionName: 'delegatedTo', args: [a] }, (r) => {
        const v = ok<Address>(r);
        if (v === undefined) fail(a, `delegatedTo failed${why(r)}`);
        else operators.set(a, isAddressEqual(v, zeroAddress) ? null : getAddress(v));
      });
    } else operators.set(a, null);
    for (const c of history.get(a)!) tokens.want(r1, a, c.token, fail);
  }
  await r1.run(ctx);
  if (globalError || rootsLength === null || defaultSplit === null) return allFail(globalError ?? 'RewardsCoordinator reads failed');

  // Round 2 (two batches side by side): roots, and the splits of each address's operator.
  const plans = new Map<Address, SplitPlan>();
  const r2 = new Round();
  for (const a of addresses) {
    const op = operators.get(a);
    if (op) plans.set(a, planOperatorSplits(r2, rc, op, positions.get(a), defaultSplit, (msg) => fail(a, msg)));
  }
  let roots: RootsAtBlock;
  try {
    [roots] = await Promise.all([readDistributionRoots(ctx, rc, rootsLength), r2.run(ctx)]);
  } catch (e) {
    return allFail(`distribution roots could not be read: ${(e as Error).message.split('\n')[0]}`);
  }

  // The rewards API, only when turned on and only against the root active at this block.
  const outcomes = new Map<Address, ClaimOutcome>();
  if (ctx.sidecar && roots.active) {
    const sidecar = createSidecarClient(ctx.sidecar);
    const active = roots.active;
    await Promise.all(addresses.filter((a) => !errors.has(a)).map(async (a) => outcomes.set(a, await fetchVerifiedClaim(sidecar, a, active))));
  }

  // Round 3: cumulativeClaimed and token facts for proof tokens never claimed before.
  const r3 = new Round();
  for (const [a, o] of outcomes) if (o.kind === 'verified') for (const l of o.claim.tokenLeaves) tokens.want(r3, a, l.token, fail);
  if (r3.size > 0) await r3.run(ctx);

  for (const a of addresses) {
    const err = errors.get(a);
    if (err) {
      out.set(a, { error: err });
      continue;
    }
    const claims = history.get(a)!;
    const claimedTokens = [...new Set(claims.map((c) => c.token))];
    const o = outcomes.get(a);
    let claimable: EigenLayerClaimable;
    if (!ctx.sidecar) claimable = { status: 'off' };
    else if (!roots.active) claimable = { status: 'none', reason: 'no distribution root is active yet' };
    else if (!o) claimable = { status: 'unavailable', reason: 'the rewards API was not asked' };
    else if (o.kind === 'final') claimable = o.claimable;
    else {
      claimable = {
        status: 'verified', rootIndex: roots.active.index, root: roots.active.root, activatedAt: roots.active.activatedAt,
        tokens: o.claim.tokenLeaves.map((l) => {
          const claimed = tokens.claimed(a, l.token)!;
          return { token: tokens.asset(l.token), cumulativeEarnings: l.cumulativeEarnings, cumulativeClaimed: claimed, claimable: l.cumulativeEarnings > claimed ? l.cumulativeEarnings - claimed : 0n };
        }),
      };
    }
    out.set(a, {
      claimer: claimers.get(a) ?? null,
      claimed: claimedTokens.map((t) => ({ token: tokens.asset(t), cumulativeClaimed: tokens.claimed(a, t)! })),
      history: claims.map((c) => ({
        protocol: 'eigenlayer', token: tokens.asset(c.token), amount: BigInt(c.amount), claimer: c.claimer, recipient: c.recipient,
        blockNumber: BigInt(c.blockNumber), txHash: c.txHash, logIndex: c.logIndex, root: c.root,
      })),
      claimable,
      activeRoot: roots.active,
      latestRoot: roots.latest,
      operatorSplits: plans.get(a)?.result() ?? null,
    });
  }
  return out;
}
