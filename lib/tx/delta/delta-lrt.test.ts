import { encodeFunctionData, getAddress, parseAbi, parseEther, zeroAddress, type Address } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import lrtFile from '../../registry/data/lrt-tokens.json' with { type: 'json' };
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { createRegistry } from '../../registry/registry.js';
import { decodeRestakingTx } from '../decode-restaking-tx.js';
import { mainnetKnown, USER } from '../testing/fixtures.js';
import type { LrtDeposit } from '../types.js';
import { lrtDepositDelta } from './delta-lrt.js';
import { toDialogView } from './dialog-view.js';
import { at, fakeContext, type FakeReads } from './testing-fake-chain.js';
import type { DeltaGrade } from './types.js';

const DM = MAINNET_DEPLOYMENTS.eigenlayer!.delegationManager;
const OP_A = getAddress('0xa0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0');
const OP_B = getAddress('0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0');
type Rec = { symbol: string | null; address: string; restakes_into: string[] | null; protocol_contracts: Record<string, string> };
const record = (symbol: string) => (lrtFile as unknown as { tokens: Rec[] }).tokens.find((t) => t.symbol === symbol)!;
const grade = (overall: DeltaGrade['overall'], address: Address): DeltaGrade => ({ entity: { kind: 'eigenlayer-operator', address }, overall, reasons: overall === 'low' ? [] : ['Funds can be lost if X.'], incomplete: false });

function decodeLrt(to: Address, data: `0x${string}`, value = 0n): LrtDeposit {
  const d = decodeRestakingTx({ chainId: 1, to, data, value, from: USER }, mainnetKnown());
  expect(d?.protocol).toBe('lrt');
  return d as LrtDeposit;
}
const tokenReads = (token: string, symbol: string): FakeReads => ({ [at('symbol', token)]: () => symbol, [at('decimals', token)]: () => 18 });
const input = (call: LrtDeposit, reads: FakeReads, deployments = MAINNET_DEPLOYMENTS) => {
  const ctx = fakeContext(reads, { deployments });
  return { ctx, input: { ctx, call, sender: USER, reading: { address: USER, positions: [], withdrawals: [], exposures: [], failures: [] } } };
};

describe('LRT deposit look-through', () => {
  const renzo = parseAbi(['function depositETH()']);
  const ezETH = record('ezETH');
  // The test's own reading of the registry: Renzo's delegating contracts are its OperatorDelegators.
  const delegators = Object.entries(ezETH.protocol_contracts).filter(([role]) => role.startsWith('OperatorDelegator')).map(([, a]) => getAddress(a));

  it('Renzo depositETH: ETH in, ezETH out, EigenLayer, each OperatorDelegator\'s operator with its grade, an unreadable one said plainly', async () => {
    expect(delegators.length).toBeGreaterThan(2);
    const call = decodeLrt(getAddress(ezETH.protocol_contracts.RestakeManager!), encodeFunctionData({ abi: renzo, functionName: 'depositETH' }), parseEther('2'));
    const operatorOf = new Map<Address, Address | null>(delegators.map((d, i) => [d, i === 0 ? OP_B : i === delegators.length - 1 ? null : OP_A]));
    // The second delegator's delegatedTo reverts: it must be reported, not dropped or guessed.
    const reads: FakeReads = {
      ...tokenReads(ezETH.address, 'ezETH'),
      [at('delegatedTo', DM)]: (args) => {
        const who = getAddress(args[0] as Address);
        if (who === delegators[1]) throw new Error('execution reverted');
        return operatorOf.get(who) ?? zeroAddress;
      },
    };
    const gradeOperator = vi.fn(async (op: Address) => grade(op === OP_A ? 'low' : 'high', op));
    const registry = createRegistry({ entries: [{ chainId: 1, address: OP_A, kind: 'eigenlayer-operator', name: 'Operator A', category: null, website: null, description: null, sources: [], confidence: 'high', origin: 'test' }] });
    const { input: i } = input(call, reads);
    const d = await lrtDepositDelta(i, { lrtFile, registry, chainId: 1, gradeOperator });

    expect(d.moving).toEqual([{ asset: { address: null, symbol: 'ETH', decimals: 18 }, amount: parseEther('2'), direction: 'in' }]);
    expect(d.before).toEqual([]);
    expect(d.after).toEqual([]);
    expect(d.gradeOf).toBeNull();
    const p = d.pooled!;
    expect(p.lrt).toEqual({ symbol: 'ezETH', address: getAddress(ezETH.address), name: 'Renzo Restaked ETH' });
    expect(p.restakesInto).toEqual(ezETH.restakes_into);
    expect(p.delegations.map((x) => x.contract)).toEqual(delegators);
    expect(p.delegations.map((x) => x.operator)).toEqual(delegators.map((c, i) => (i === 1 ? undefined : operatorOf.get(c))));
    expect(p.delegations.find((x) => x.operator === OP_A)).toMatchObject({ operatorName: 'Operator A', grade: { overall: 'low' } });
    expect(p.delegations[0]).toMatchObject({ operator: OP_B, grade: { overall: 'high' } });
    expect(p.delegations.at(-1)).toMatchObject({ operator: null, grade: null });
    // One grade per distinct operator, however many contracts delegate to it.
    expect(gradeOperator.mock.calls.map((c) => c[0]).sort()).toEqual([OP_A, OP_B].sort());
    expect(p.unknowns.join(' ')).toContain(`delegatedTo(${delegators[1]})`);
    expect(d.notes[0]).toMatch(/Losses are pooled.*every ezETH pro rata/);

    const view = toDialogView({ chainId: 1, blockNumber: 100n, sender: USER, call, target: { ...d.target, name: null }, moving: d.moving, before: [], after: [], exitDelay: null, notes: d.notes, grade: null, pooled: p });
    expect(view.pooled?.restakesInto).toBe('EigenLayer');
    expect(view.pooled?.delegations[1]).toMatchObject({ readable: false, operator: null });
    expect(view.moving[0]?.text).toBe('2 ETH');
  });

  it('Kelp depositETH: the registry lists no delegating contract, so no operator is read and the gap is said', async () => {
    const rsETH = record('rsETH');
    const kelp = parseAbi(['function depositETH(uint256 minRSETHAmountExpected, string referralId) payable']);
    const call = decodeLrt(getAddress(rsETH.protocol_contracts.LRTDepositPool!), encodeFunctionData({ abi: kelp, functionName: 'depositETH', args: [0n, ''] }), parseEther('1'));
    const { ctx, input: i } = input(call, tokenReads(rsETH.address, 'rsETH'));
    const gradeOperator = vi.fn();
    const d = await lrtDepositDelta(i, { lrtFile, registry: createRegistry(), chainId: 1, gradeOperator });
    expect(d.pooled!.delegations).toEqual([]);
    expect(d.pooled!.unknowns.join(' ')).toMatch(/lists no contract through which rsETH delegates on EigenLayer/);
    expect(ctx.calls.some((c) => c.startsWith('delegatedTo'))).toBe(false);
    expect(gradeOperator).not.toHaveBeenCalled();
  });

  it('ether.fi Liquifier with stETH: the token is read; EtherFiRestaker\'s operator is graded; a grading error is an unknown, not a hidden row', async () => {
    const eETH = record('eETH');
    const restaker = getAddress(eETH.protocol_contracts.EtherFiRestaker!);
    const stETH = getAddress('0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84');
    const liquifier = parseAbi(['function depositWithERC20(address _token, uint256 _amount, address _referral) returns (uint256)']);
    const call = decodeLrt(getAddress(eETH.protocol_contracts.Liquifier!), encodeFunctionData({ abi: liquifier, functionName: 'depositWithERC20', args: [stETH, parseEther('3'), zeroAddress] }));
    const reads = { ...tokenReads(eETH.address, 'eETH'), ...tokenReads(stETH, 'stETH'), [at('delegatedTo', DM)]: (a: readonly unknown[]) => (getAddress(a[0] as Address) === restaker ? OP_A : zeroAddress) };
    const { input: i } = input(call, reads);
    const d = await lrtDepositDelta(i, { lrtFile, registry: createRegistry(), chainId: 1, gradeOperator: async () => { throw new Error('rpc down'); } });
    expect(d.moving).toEqual([{ asset: { address: stETH, symbol: 'stETH', decimals: 18 }, amount: parseEther('3'), direction: 'in' }]);
    expect(d.pooled!.delegations).toEqual([{ contract: restaker, role: 'EtherFiRestaker', operator: OP_A, operatorName: null, grade: null }]);
    expect(d.pooled!.unknowns.join(' ')).toMatch(/grade of operator .* could not be computed \(rpc down\)/);
  });

  it('a chain without EigenLayer: the operators could not be read, and nothing is invented', async () => {
    const ezETHRec = record('ezETH');
    const call = decodeLrt(getAddress(ezETHRec.protocol_contracts.RestakeManager!), encodeFunctionData({ abi: renzo, functionName: 'depositETH' }), 1n);
    const { ctx, input: i } = input(call, tokenReads(ezETHRec.address, 'ezETH'), { ...MAINNET_DEPLOYMENTS, eigenlayer: undefined });
    const d = await lrtDepositDelta(i, { lrtFile, registry: createRegistry(), chainId: 1, gradeOperator: vi.fn() });
    expect(d.pooled!.delegations).toEqual([]);
    expect(d.pooled!.unknowns.join(' ')).toMatch(/EigenLayer is not deployed/);
    expect(ctx.calls.some((c) => c.startsWith('delegatedTo'))).toBe(false);
  });

  it('an LRT the registry file does not know: pooling is still said, venues are "not established"', async () => {
    const call = decodeLrt(getAddress(record('ezETH').protocol_contracts.RestakeManager!), encodeFunctionData({ abi: renzo, functionName: 'depositETH' }), 1n);
    const { input: i } = input(call, tokenReads(record('ezETH').address, 'ezETH'));
    const d = await lrtDepositDelta(i, { lrtFile: { tokens: [] }, registry: createRegistry(), chainId: 1, gradeOperator: vi.fn() });
    expect(d.pooled!.restakesInto).toBeNull();
    expect(d.pooled!.unknowns).toEqual(['The registry has no record of ezETH: where its pool is restaked is not established.']);
    expect(d.notes[0]).toMatch(/Losses are pooled/);
  });
});
