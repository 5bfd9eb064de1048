// Karak V1 (VaultSupervisor / DelegationSupervisor). V1 has no DSSs and no slashing, so no delta
// here ever adds or removes a slashable amount; what changes is the amount, which the dialog names.
// finishWithdraw is matched by withdrawal root against the sender's V1 withdrawals read now;
// startWithdraw is priced pro rata of the sender's shares in each vault.
import type { Address } from 'viem';
import { v1WithdrawalRoot } from '../../protocols/karak/assemble.js';
import type { KarakV1CompleteWithdrawal, KarakV1Deposit, KarakV1QueueWithdrawal } from '../types.js';
import type { DeltaInput, PartialDelta } from './delta-input.js';
import type { Completion, MovingAmount } from './types.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const short = (h: string) => `${h.slice(0, 10)}…`;
const NO_SLASHING = 'Karak V1 has no slashing: nothing that can be slashed changes.';

export async function karakV1DepositDelta(input: DeltaInput<KarakV1Deposit>): Promise<PartialDelta> {
  return {
    target: { kind: 'vault', address: input.call.vault },
    moving: [],
    before: [], after: [],
    exitDelay: null,
    notes: ['Karak V1 deposits are not slashable: no service can slash this stake.'],
    gradeOf: null,
  };
}

export async function karakV1CompleteDelta(input: DeltaInput<KarakV1CompleteWithdrawal>): Promise<PartialDelta> {
  const queued = input.reading.withdrawals.filter((w) => w.protocol === 'karak' && w.karak?.version === 1);
  const notes: string[] = [];
  const moving: MovingAmount[] = [];
  const completions: Completion[] = [];
  for (const w of input.call.withdrawals) {
    const id = v1WithdrawalRoot({ staker: w.staker, delegatedTo: w.delegatedTo, nonce: w.nonce, start: w.start, request: { vaults: w.vaults, shares: w.shares, withdrawer: w.withdrawer } });
    const lines = queued.filter((q) => q.id === id);
    const base = { protocol: 'karak' as const, id, receiveAsTokens: true, slashableNow: false };
    if (lines.length === 0) {
      notes.push(`No queued Karak V1 withdrawal ${short(id)} of this account exists now (already finished, or not this account's): the wallet would revert.`);
      completions.push({ ...base, status: 'not-found', completableAt: null, operator: null, amounts: [] });
      continue;
    }
    const at = lines[0]!.completableAt!;
    const status = lines[0]!.completable ? 'completable' : 'not-yet';
    if (status === 'not-yet') notes.push(`Withdrawal ${short(id)} cannot be finished before ${new Date(at * 1000).toISOString()}: the wallet would revert.`);
    else moving.push(...lines.map((l): MovingAmount => ({ asset: l.asset, amount: l.amount, direction: 'receive' })));
    completions.push({ ...base, status, completableAt: { value: BigInt(at), unit: 'timestamp' }, operator: lines[0]!.operator, amounts: lines.map((l) => ({ asset: l.asset, amount: l.amount })) });
  }
  notes.push(NO_SLASHING);
  return {
    target: { kind: 'contract', address: input.call.target },
    moving, before: [], after: [], exitDelay: null, notes, gradeOf: null, completions,
  };
}

export async function karakV1QueueDelta(input: DeltaInput<KarakV1QueueWithdrawal>): Promise<PartialDelta> {
  const notes: string[] = [];
  const moving: MovingAmount[] = [];
  const asked = new Map<string, { vault: Address; shares: bigint }>();
  for (const r of input.call.requests) r.vaults.forEach((v, i) => {
    const k = v.toLowerCase();
    asked.set(k, { vault: v, shares: (asked.get(k)?.shares ?? 0n) + (r.shares[i] ?? 0n) });
  });
  for (const { vault, shares } of asked.values()) {
    const p = input.reading.positions.find((x) => x.karak?.version === 1 && same(x.karak.vault, vault));
    if (!p || p.karak!.shares < shares) {
      notes.push(`This account holds ${p ? 'fewer' : 'no'} shares of Karak V1 vault ${vault} than the call withdraws: the wallet would revert.`);
      continue;
    }
    moving.push({ asset: p.asset, amount: (p.amount * shares) / p.karak!.shares, direction: 'out' });
  }
  notes.push(NO_SLASHING);
  return { target: { kind: 'contract', address: input.call.target }, moving, before: [], after: [], exitDelay: null, notes, gradeOf: null };
}
