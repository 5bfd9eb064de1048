// EigenLayer deltas. "After" runs the adapter's assemble() on a hypothetical reading: the sender's
// stake (or the deposit) under the operator that will hold it, with that operator's allocations
// read at the same block. Amounts of a partial exit are pro rata of the position (deposit shares
// queued / deposit shares held), which is how withdrawable shares scale.
import { erc20Abi, getAddress, zeroAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset, Position } from '../../portfolio/types.js';
import { delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { assemble } from '../../protocols/eigenlayer/assemble.js';
import { ok, Round, sanitizeSymbol } from '../../protocols/round.js';
import type { EigenLayerDelegate, EigenLayerDeposit, EigenLayerQueueWithdrawal, EigenLayerUndelegate } from '../types.js';
import { mergeExposures, scaleExposures, toDelta, type DeltaInput, type PartialDelta } from './delta-input.js';
import { readOperatorLookups } from './read-operator-lookups.js';
import type { MovingAmount } from './types.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const elPositions = (input: DeltaInput<unknown>) => input.reading.positions.filter((p) => p.protocol === 'eigenlayer' && p.strategy);
const operatorOf = (positions: readonly Position[]) => positions.find((p) => p.operator)?.operator ?? null;
const gradeOperator = (op: Address | null) => (op ? { kind: 'eigenlayer-operator' as const, address: op } : null);

/** Exposures if `positions` were delegated to `operator` (amounts = the positions' withdrawable stake). */
export async function exposuresUnder(input: DeltaInput<unknown>, operator: Address | null, positions: readonly Position[]) {
  const lookups = await readOperatorLookups(input.ctx, operator, positions.map((p) => p.strategy!));
  const byStrategy = new Map(positions.map((p) => [p.strategy!.toLowerCase(), p]));
  const reading = assemble(
    { operator, strategies: positions.map((p) => p.strategy!), depositShares: positions.map((p) => p.depositShares ?? 0n), withdrawable: positions.map((p) => p.withdrawableShares ?? 0n), withdrawals: [], withdrawalShares: [] },
    { blockNumber: input.ctx.blockNumber, assetOf: (s) => byStrategy.get(s.toLowerCase())!.asset, underlying: (s) => byStrategy.get(s.toLowerCase())!.amount, ...lookups },
  );
  return { exposures: toDelta(reading.exposures), minDelay: lookups.minDelay };
}

export async function delegateDelta(input: DeltaInput<EigenLayerDelegate>): Promise<PartialDelta> {
  const positions = elPositions(input);
  const { exposures, minDelay } = await exposuresUnder(input, input.call.operator, positions);
  const notes: string[] = [];
  if (input.sender && positions.length === 0) notes.push('This account has no EigenLayer deposits yet: the figures apply to what it deposits later.');
  if (input.call.action === 'redelegate') notes.push('Redelegating queues a withdrawal of all your stake; it is credited to the new operator when you complete it.');
  return {
    target: { kind: 'operator', address: input.call.operator },
    moving: positions.map((p): MovingAmount => ({ asset: p.asset, amount: p.amount, direction: 'delegated' })),
    before: toDelta(input.reading.exposures.filter((e) => e.protocol === 'eigenlayer')),
    after: exposures,
    exitDelay: { value: Number(minDelay), unit: 'blocks' },
    notes,
    gradeOf: gradeOperator(input.call.operator),
  };
}

export async function readDepositBasics(input: DeltaInput<EigenLayerDeposit>, staker: Address): Promise<{ operator: Address | null; asset: Asset }> {
  const el = input.ctx.deployments.eigenlayer!;
  let operator: Address | null | undefined;
  const meta: { symbol?: string; decimals?: number } = {};
  const r = new Round();
  r.add({ address: el.delegationManager, abi: delegationManagerAbi, functionName: 'delegatedTo', args: [staker] }, (x) => {
    const v = ok<Address>(x);
    if (v !== undefined) operator = v === zeroAddress ? null : getAddress(v);
  });
  r.add({ address: input.call.token, abi: erc20Abi, functionName: 'symbol' }, (x) => void (meta.symbol = ok<string>(x)));
  r.add({ address: input.call.token, abi: erc20Abi, functionName: 'decimals' }, (x) => void (meta.decimals = ok<number>(x)));
  await r.run(input.ctx);
  if (operator === undefined) throw new BadRpcResponseError(`EigenLayer: delegatedTo(${staker}) could not be read`);
  if (meta.decimals === undefined || meta.decimals > 77) throw new BadRpcResponseError(`token ${input.call.token} has no readable decimals()`);
  return { operator, asset: { address: input.call.token, symbol: sanitizeSymbol(meta.symbol, input.call.token), decimals: meta.decimals } };
}

export async function depositDelta(input: DeltaInput<EigenLayerDeposit>): Promise<PartialDelta> {
  const call = input.call;
  const staker = call.withSignature?.staker ?? input.sender;
  if (!staker) throw new BadRpcResponseError('depositIntoStrategy without a sender: nothing to compute');
  const { operator, asset } = await readDepositBasics(input, staker);
  const added: Position = { protocol: 'eigenlayer', operator, asset, amount: call.amount, strategy: call.strategy, depositShares: 1n, withdrawableShares: 1n };
  const { exposures, minDelay } = await exposuresUnder(input, operator, [added]);
  const before = toDelta(input.reading.exposures.filter((e) => e.protocol === 'eigenlayer'));
  return {
    target: operator ? { kind: 'operator', address: operator } : { kind: 'strategy', address: call.strategy },
    moving: [{ asset, amount: call.amount, direction: 'in' }],
    before,
    after: mergeExposures(before, exposures),
    exitDelay: { value: Number(minDelay), unit: 'blocks' },
    notes: operator ? [] : ['This account is not delegated: nothing can slash the deposit until it delegates to an operator.'],
    gradeOf: gradeOperator(operator),
  };
}

/** queueWithdrawals and undelegate: the amounts leave, and stay slashable by the same services until the delay passes. */
export async function exitDelta(input: DeltaInput<EigenLayerQueueWithdrawal | EigenLayerUndelegate>): Promise<PartialDelta> {
  const positions = elPositions(input);
  const queued = new Map<string, bigint>();
  if (input.call.action === 'undelegate') for (const p of positions) queued.set(p.strategy!.toLowerCase(), p.depositShares ?? 0n);
  else for (const w of input.call.withdrawals) w.strategies.forEach((s, i) => queued.set(s.toLowerCase(), (queued.get(s.toLowerCase()) ?? 0n) + (w.depositShares[i] ?? 0n)));
  const notes: string[] = [];
  const moving: MovingAmount[] = [];
  const ratios = new Map<string, { keep: bigint; total: bigint }>();
  for (const [s, shares] of queued) {
    const p = positions.find((x) => same(x.strategy!, s));
    if (!p || !p.depositShares) {
      notes.push(`No deposit in strategy ${getAddress(s)} was found for this account: the call would revert.`);
      continue;
    }
    const leaving = shares >= p.depositShares ? p.amount : (p.amount * shares) / p.depositShares;
    moving.push({ asset: p.asset, amount: leaving, direction: 'out' });
    ratios.set(s, { keep: p.amount - leaving, total: p.amount });
  }
  const { minDelay } = await exposuresUnder(input, null, []);
  const before = toDelta(input.reading.exposures.filter((e) => e.protocol === 'eigenlayer'));
  const after = scaleExposures(before, (e) => ratios.get(e.strategy?.toLowerCase() ?? '') ?? null);
  if (moving.length > 0 && before.length > 0) notes.push(`What leaves stays slashable by the same services until the withdrawal can be completed (${minDelay} blocks).`);
  return {
    target: operatorOf(positions) ? { kind: 'operator', address: operatorOf(positions)! } : { kind: 'strategy', address: [...queued.keys()][0] ? getAddress([...queued.keys()][0]!) : input.ctx.deployments.eigenlayer!.delegationManager },
    moving, before, after,
    exitDelay: { value: Number(minDelay), unit: 'blocks' },
    notes,
    gradeOf: gradeOperator(operatorOf(positions)),
  };
}
