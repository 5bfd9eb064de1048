import { encodeFunctionData, getAddress, parseEther, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { Withdrawal } from '../../portfolio/types.js';
import { delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { withdrawalRoot } from '../../protocols/eigenlayer/withdrawal-root.js';
import { decodeRestakingTx } from '../decode-restaking-tx.js';
import { EL, mainnetKnown, OPERATOR, STRATEGY, TOKEN, USER } from '../testing/fixtures.js';
import type { EigenLayerCompleteWithdrawal } from '../types.js';
import { completeWithdrawalDelta } from './delta-eigenlayer-complete.js';
import { toDialogView } from './dialog-view.js';
import { at, fakeContext, type FakeReads } from './testing-fake-chain.js';

const OLD_OP = getAddress('0x5555555555555555555555555555555555555555');
const AVS = getAddress('0x6666666666666666666666666666666666666666');
const asset = { address: TOKEN, symbol: 'stETH', decimals: 18 };
const w = { staker: USER, delegatedTo: OLD_OP, withdrawer: USER, nonce: 0n, startBlock: 50, strategies: [STRATEGY], scaledShares: [parseEther('10')] };
const root = withdrawalRoot(w);
/** The sender's reading: 9 stETH to receive after a slash (the DelegationManager's figure, not the shares). */
const queued = (completable: boolean): Withdrawal => ({ protocol: 'eigenlayer', id: root, operator: OLD_OP, asset, strategy: STRATEGY, amount: parseEther('9'), startBlock: 50n, completableAtBlock: 61n, completable, slashable: !completable });

function decode(receiveAsTokens: boolean, withdrawal = w): EigenLayerCompleteWithdrawal {
  const data = encodeFunctionData({ abi: delegationManagerAbi, functionName: 'completeQueuedWithdrawal', args: [withdrawal, [TOKEN], receiveAsTokens] });
  return decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data, from: USER }, mainnetKnown()) as EigenLayerCompleteWithdrawal;
}
const reads = (extra: FakeReads = {}): FakeReads => ({ [at('minWithdrawalDelayBlocks', EL.delegationManager)]: () => 10, ...extra });
const run = (call: EigenLayerCompleteWithdrawal, withdrawals: Withdrawal[], r: FakeReads, blockNumber = 100n) => {
  const ctx = fakeContext(r, { blockNumber });
  return completeWithdrawalDelta({ ctx, call, sender: USER, reading: { address: USER, positions: [], withdrawals, exposures: [], failures: [] } });
};

describe('EigenLayer completeQueuedWithdrawal delta', () => {
  it('as tokens, completable: the post-slash amount is paid out; nothing slashable is added or left', async () => {
    const d = await run(decode(true), [queued(true)], reads());
    expect(d.completions).toEqual([{ protocol: 'eigenlayer', id: root, status: 'completable', completableAt: { value: 61n, unit: 'block' }, operator: OLD_OP, amounts: [{ asset, amount: parseEther('9') }], receiveAsTokens: true, slashableNow: false }]);
    expect(d.moving).toEqual([{ asset, amount: parseEther('9'), direction: 'receive' }]);
    expect(d.after).toEqual([]);
    expect(d.gradeOf).toBeNull();
    expect(d.notes.join(' ')).toMatch(/slashable by operator 0x5555.*until block 60; it no longer is/);
  });

  it('not completable yet: says the wallet would revert and until which block it stays slashable', async () => {
    const d = await run(decode(true), [queued(false)], reads(), 55n);
    expect(d.completions![0]!.status).toBe('not-yet');
    expect(d.moving).toEqual([]);
    expect(d.notes.join(' ')).toMatch(/cannot be completed before block 61 \(now 55\): the wallet would revert\. Until then it stays slashable/);
    const call = decode(true);
    const view = toDialogView({ chainId: 1, blockNumber: 55n, sender: USER, call, target: { ...d.target, name: null }, moving: d.moving, before: d.before, after: d.after, exitDelay: d.exitDelay, notes: d.notes, grade: null, completions: d.completions! });
    expect(view.completions).toEqual([{ id: root, status: 'not-yet', text: 'not completable before block 61 (now 55): the wallet would revert', amounts: [{ symbol: 'stETH', amount: parseEther('9').toString(), text: '9 stETH' }] }]);
  });

  it('a withdrawal that is not among the sender\'s (other nonce): not found, would revert', async () => {
    const d = await run(decode(true, { ...w, nonce: 1n }), [queued(true)], reads());
    expect(d.completions![0]).toMatchObject({ status: 'not-found', amounts: [] });
    expect(d.notes.join(' ')).toMatch(/No queued withdrawal .* exists now/);
  });

  it('as shares: re-deposited under the CURRENT operator, priced like a deposit (amount x magnitude / max), graded', async () => {
    const am = EL.allocationManager;
    const set = { avs: AVS, id: 3 };
    const d = await run(decode(false), [queued(true)], reads({
      [at('delegatedTo', EL.delegationManager)]: () => OPERATOR,
      [at('getAllocatedSets', am)]: () => [set],
      [at('getMaxMagnitudes', am)]: () => [10n ** 18n],
      [at('isOperatorSlashable', am)]: () => true,
      [at('getSlasher', am)]: () => AVS,
      [at('isRedistributingOperatorSet', am)]: () => false,
      [at('getAllocation', am)]: () => ({ currentMagnitude: 25n * 10n ** 16n, pendingDiff: 0n, effectBlock: 0 }),
    }));
    expect(d.moving).toEqual([{ asset, amount: parseEther('9'), direction: 'restake' }]);
    expect(d.after.map((e) => [e.service, e.serviceSetId, e.operator, e.amount])).toEqual([[AVS, 3, OPERATOR, parseEther('9') / 4n]]);
    expect(d.target).toEqual({ kind: 'operator', address: OPERATOR });
    expect(d.gradeOf).toEqual({ kind: 'eigenlayer-operator', address: OPERATOR });
  });

  it('someone else as withdrawer: the sender cannot complete it', async () => {
    const other: Address = getAddress('0x7777777777777777777777777777777777777777');
    const d = await run(decode(true, { ...w, withdrawer: other }), [], reads());
    expect(d.notes.join(' ')).toMatch(new RegExp(`Only ${other} can complete`));
  });
});
