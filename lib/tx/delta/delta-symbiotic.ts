// Symbiotic deltas. A deposit's "after" runs the adapter's assemble() on a hypothetical reading of
// the vault holding only the deposit, with the vault's stake graph read now: each (network,
// operator) can slash deposit × stake / activeStake (today's ratio; the delegator's limits decide
// whether new stake raises `stake`, so this is what the vault's current split implies).
import type { Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import { vaultAbi } from '../../protocols/symbiotic/abi.js';
import { assemble } from '../../protocols/symbiotic/assemble.js';
import { discoverStakeGraph, readStakePairs } from '../../protocols/symbiotic/read-exposure.js';
import { readVaultFacts } from '../../protocols/symbiotic/read-vault-facts.js';
import { ok, Round } from '../../protocols/round.js';
import type { StakePair } from '../../protocols/symbiotic/assemble.js';
import type { SymbioticDeposit, SymbioticRedeem, SymbioticWithdraw } from '../types.js';
import { mergeExposures, scaleExposures, toDelta, type DeltaInput, type PartialDelta } from './delta-input.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function readVault(input: DeltaInput<{ vault: Address }>) {
  const sym = input.ctx.deployments.symbiotic;
  if (!sym) throw new BadRpcResponseError('Symbiotic is not deployed on this chain');
  const vault = input.call.vault;
  const { facts, failed } = await readVaultFacts(input.ctx, sym, [vault]);
  const f = facts.get(vault);
  if (!f) throw new BadRpcResponseError(failed.get(vault) ?? `vault ${vault} could not be read`);
  let currentEpoch: bigint | undefined;
  let activeStake: bigint | undefined;
  const r = new Round();
  r.add({ address: vault, abi: vaultAbi, functionName: 'currentEpoch' }, (x) => void (currentEpoch = ok<bigint>(x)));
  r.add({ address: vault, abi: vaultAbi, functionName: 'activeStake' }, (x) => void (activeStake = ok<bigint>(x)));
  const [graph] = await Promise.all([discoverStakeGraph(input.ctx, sym, [f], BigInt(sym.fromBlock ?? 0)), r.run(input.ctx)]);
  if (currentEpoch === undefined || activeStake === undefined) throw new BadRpcResponseError(`vault ${vault}: currentEpoch()/activeStake() could not be read`);
  const pairs = new Map<Address, StakePair[]>();
  const bad = new Map<Address, string>();
  await readStakePairs(input.ctx, sym, [f], graph, pairs, bad);
  if (bad.has(vault)) throw new BadRpcResponseError(bad.get(vault)!);
  return { facts: f, currentEpoch: Number(currentEpoch), activeStake, pairs: pairs.get(vault) ?? [] };
}

const scopeOf = (input: DeltaInput<{ vault: Address }>) => toDelta(input.reading.exposures.filter((e) => e.protocol === 'symbiotic' && e.symbiotic && same(e.symbiotic.vault, input.call.vault)));
const positionIn = (input: DeltaInput<{ vault: Address }>) => input.reading.positions.find((p) => p.symbiotic && same(p.symbiotic.vault, input.call.vault));
/** Withdrawals become claimable after the epoch following the request ends: up to two epochs, slashable meanwhile. */
const exitOf = (epochDuration: number) => ({ value: 2 * epochDuration, unit: 'seconds' as const });

export async function symbioticDepositDelta(input: DeltaInput<SymbioticDeposit>): Promise<PartialDelta> {
  const v = await readVault(input);
  const amount = input.call.amount;
  const added = assemble(input.call.onBehalfOf, [{
    facts: v.facts, currentEpoch: v.currentEpoch, activeStake: v.activeStake,
    activeBalance: amount, activeShares: amount === 0n ? 0n : 1n, slashableBalance: amount, buckets: [], pairs: v.pairs,
  }]).exposures;
  const before = scopeOf(input);
  const notes: string[] = [];
  if (v.facts.slasherType === 'none') notes.push('This vault has no slasher: its stake backs networks but cannot be slashed.');
  if (v.pairs.length === 0) notes.push('No network and operator receive stake from this vault yet.');
  if (input.sender && !same(input.call.onBehalfOf, input.sender)) notes.push(`The deposit is credited to ${input.call.onBehalfOf}, not to the sending account.`);
  notes.push('Amounts use the vault\'s current split of stake between networks and operators.');
  return {
    target: { kind: 'vault', address: input.call.vault },
    moving: [{ asset: v.facts.asset, amount, direction: 'in' }],
    before,
    after: mergeExposures(same(input.call.onBehalfOf, input.sender ?? '') ? before : [], toDelta(added)),
    exitDelay: exitOf(v.facts.epochDuration),
    notes,
    gradeOf: { kind: 'symbiotic-vault', address: input.call.vault },
  };
}

export async function symbioticExitDelta(input: DeltaInput<SymbioticWithdraw | SymbioticRedeem>): Promise<PartialDelta> {
  const v = await readVault(input);
  const p = positionIn(input);
  const before = scopeOf(input);
  const notes: string[] = [];
  let leaving: bigint | null = null;
  if (!p?.symbiotic) notes.push('This account has no active balance in this vault: the call would revert.');
  else if (input.call.action === 'withdraw') leaving = input.call.amount > p.amount ? p.amount : input.call.amount;
  else leaving = p.symbiotic.activeShares === 0n ? 0n : (p.amount * (input.call.shares > p.symbiotic.activeShares ? p.symbiotic.activeShares : input.call.shares)) / p.symbiotic.activeShares;
  const after = leaving === null || !p ? before : scaleExposures(before, () => ({ keep: p.amount - leaving!, total: p.amount }));
  if (leaving !== null && v.facts.slasherType !== 'none') notes.push('What leaves stays slashable until the end of the next epoch.');
  return {
    target: { kind: 'vault', address: input.call.vault },
    moving: leaving === null ? [] : [{ asset: v.facts.asset, amount: leaving, direction: 'out' }],
    before, after,
    exitDelay: exitOf(v.facts.epochDuration),
    notes,
    gradeOf: { kind: 'symbiotic-vault', address: input.call.vault },
  };
}
