// Intercepted requests -> calls -> decoded list: eth_sendTransaction, EIP-5792 wallet_sendCalls,
// a Safe execTransaction wrapper, and the vault-lookup candidate for undiscovered vaults.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, numberToHex, toFunctionSelector, type Hex } from 'viem';
import { delegationManagerAbi, strategyManagerAbi } from '../protocols/eigenlayer/abi.js';
import { vaultWriteAbi } from '../protocols/symbiotic/write-abi.js';
import { safeExecTransactionAbi } from './abi/safe.js';
import { decodeRestakingTx } from './decode-restaking-tx.js';
import { decodeWalletRequest, decodeWalletSendCalls } from './decode-wallet-request.js';
import { parseWalletRequest } from './parse-wallet-request.js';
import { EL, OPERATOR, STRATEGY, SYMBIOTIC_VAULT, TOKEN, USER, mainnetKnown } from './testing/fixtures.js';
import { vaultLookupCandidate } from './vault-lookup-candidate.js';

const known = mainnetKnown();
const ZERO32 = `0x${'00'.repeat(32)}` as Hex;
const delegate = encodeFunctionData({ abi: delegationManagerAbi, functionName: 'delegateTo', args: [OPERATOR, { signature: '0x', expiry: 0n }, ZERO32] });
const deposit = encodeFunctionData({ abi: strategyManagerAbi, functionName: 'depositIntoStrategy', args: [STRATEGY, TOKEN, 5n] });
const SAFE = '0x6666666666666666666666666666666666666666';

describe('decodeWalletSendCalls (EIP-5792)', () => {
  const params = [{
    version: '2.0.0', chainId: '0x1', from: USER, atomicRequired: true,
    calls: [
      { to: TOKEN, data: '0x095ea7b3' + '00'.repeat(64) }, // approve: not a restaking call
      { to: EL.strategyManager, data: deposit },
      { to: EL.delegationManager, data: delegate, value: '0x0' },
    ],
  }];

  it('decodes every call in order, keeping the ones that are not restaking calls as null', () => {
    const out = decodeWalletSendCalls(params, known)!;
    expect(out.method).toBe('wallet_sendCalls');
    expect(out.chainId).toBe(1);
    expect(out.restaking).toBe(true);
    expect(out.calls.map((c) => c.decoded?.action ?? null)).toEqual([null, 'deposit', 'delegate']);
    // The batch's `from` is each call's sender.
    expect(out.calls[2]!.decoded).toMatchObject({ sender: USER, operator: OPERATOR });
  });

  it('a batch of non-restaking calls is marked as such', () => {
    const out = decodeWalletSendCalls([{ version: '2.0.0', chainId: '0x1', calls: [{ to: TOKEN, data: '0x' }] }], known)!;
    expect(out.restaking).toBe(false);
  });

  it('malformed batches are not analysed', () => {
    expect(decodeWalletSendCalls([{ version: '2.0.0', chainId: '0x1', calls: [] }], known)).toBeNull();
    expect(decodeWalletSendCalls([{ version: '2.0.0', chainId: '0x1', calls: [{ to: 'x', data: '0x' }] }], known)).toBeNull();
    expect(decodeWalletSendCalls([{ version: '2.0.0', chainId: 'one', calls: [{ to: TOKEN }] }], known)).toBeNull();
    expect(decodeWalletSendCalls([{ version: '2.0.0', chainId: '0x1', calls: Array(65).fill({ to: TOKEN }) }], known)).toBeNull();
    expect(decodeWalletSendCalls('nope', known)).toBeNull();
  });
});

describe('decodeWalletRequest (eth_sendTransaction)', () => {
  it('uses the provider chain id when the transaction names none', () => {
    const request = { method: 'eth_sendTransaction', params: [{ from: USER, to: EL.delegationManager, data: delegate }] };
    expect(decodeWalletRequest(request, known)).toBeNull();
    expect(decodeWalletRequest(request, known, 1)!.calls[0]!.decoded).toMatchObject({ action: 'delegate', sender: USER });
  });

  it('reads `input` when `data` is absent, and the value as a hex quantity', () => {
    const request = { method: 'eth_sendTransaction', params: [{ from: USER, to: SYMBIOTIC_VAULT, input: encodeFunctionData({ abi: vaultWriteAbi, functionName: 'deposit', args: [USER, 3n] }), value: numberToHex(7), chainId: '0x1' }] };
    expect(decodeWalletRequest(request, known)!.calls[0]!.decoded).toMatchObject({ protocol: 'symbiotic', amount: 3n, value: 7n });
  });

  it('other methods are not parsed', () => {
    expect(parseWalletRequest({ method: 'eth_call', params: [{ to: EL.delegationManager, data: delegate }] })).toBeNull();
    expect(parseWalletRequest({ method: 'eth_sendTransaction', params: [{ to: EL.delegationManager, data: delegate, value: '-1' }] })).toBeNull();
  });
});

describe('outer wrappers', () => {
  const exec = (operation: number) => encodeFunctionData({
    abi: safeExecTransactionAbi, functionName: 'execTransaction',
    args: [EL.delegationManager, 0n, delegate, operation, 0n, 0n, 0n, TOKEN, TOKEN, '0x'],
  });

  it('pins the Safe execTransaction selector', () => {
    expect(toFunctionSelector(safeExecTransactionAbi[0])).toBe('0x6a761202');
  });

  it('a Safe execTransaction (CALL) is unwrapped: the Safe is the sender', () => {
    const decoded = decodeRestakingTx({ chainId: 1, to: SAFE, data: exec(0), from: USER }, known);
    expect(decoded).toMatchObject({ action: 'delegate', operator: OPERATOR, sender: '0x6666666666666666666666666666666666666666', via: { kind: 'safe-exec-transaction' } });
  });

  it('a Safe DELEGATECALL is not unwrapped', () => {
    expect(decodeRestakingTx({ chainId: 1, to: SAFE, data: exec(1), from: USER }, known)).toBeNull();
  });
});

describe('vaultLookupCandidate', () => {
  const vaultDeposit = encodeFunctionData({ abi: vaultWriteAbi, functionName: 'deposit', args: [USER, 3n] });
  const NEW_VAULT = '0x7777777777777777777777777777777777777777';

  it('names an unknown address called with a vault-write selector', () => {
    expect(vaultLookupCandidate({ chainId: 1, to: NEW_VAULT, data: vaultDeposit }, known)).toBe(NEW_VAULT);
  });
  it('is null for a known vault, a static contract, or another selector', () => {
    expect(vaultLookupCandidate({ chainId: 1, to: SYMBIOTIC_VAULT, data: vaultDeposit }, known)).toBeNull();
    expect(vaultLookupCandidate({ chainId: 1, to: EL.delegationManager, data: vaultDeposit }, known)).toBeNull();
    expect(vaultLookupCandidate({ chainId: 1, to: NEW_VAULT, data: delegate }, known)).toBeNull();
  });
});
