// Every decoded call kind: encode with viem from the reference fragments (the project ABIs are
// conformance-tested against §6; the selector each case expects is copied from the §6 tables, so a
// wrong fragment fails here too), decode, compare.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, getAddress, type Abi, type Address, type Hex } from 'viem';
import { delegationManagerAbi, strategyManagerAbi } from '../protocols/eigenlayer/abi.js';
import { delegationSupervisorAbi, vaultAbi as karakVaultAbi, vaultSupervisorAbi } from '../protocols/karak/abi.js';
import { vaultWriteAbi } from '../protocols/symbiotic/write-abi.js';
import { vaultSupervisorLegacyAbi } from './abi/karak-v1-legacy.js';
import { decodeRestakingTx } from './decode-restaking-tx.js';
import { EL, KARAK, KARAK_VAULT, OPERATOR, STRATEGY, STRATEGY_2, SYMBIOTIC_VAULT, TOKEN, USER, mainnetKnown } from './testing/fixtures.js';

const known = mainnetKnown();
const SIG = '0xabcdef' as Hex;
const SALT = `0x${'11'.repeat(32)}` as Hex;

interface Case { name: string; to: Address; abi: Abi; functionName: string; args: readonly unknown[]; selector: Hex; value?: bigint; expected: Record<string, unknown> }

const withdrawal = {
  staker: USER, delegatedTo: OPERATOR, withdrawer: USER, nonce: 7n, startBlock: 123,
  strategies: [STRATEGY, STRATEGY_2], scaledShares: [10n ** 18n, 5n],
};

const cases: Case[] = [
  { name: 'EigenLayer delegateTo', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'delegateTo', selector: '0xeea9064b',
    args: [OPERATOR, { signature: SIG, expiry: 99n }, SALT],
    expected: { protocol: 'eigenlayer', action: 'delegate', operator: OPERATOR, approverSignature: SIG, approverExpiry: 99n, approverSalt: SALT } },
  { name: 'EigenLayer redelegate', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'redelegate', selector: '0xa33a3433',
    args: [OPERATOR, { signature: '0x', expiry: 0n }, SALT],
    expected: { protocol: 'eigenlayer', action: 'redelegate', operator: OPERATOR, approverSignature: '0x' } },
  { name: 'EigenLayer undelegate', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'undelegate', selector: '0xda8be864',
    args: [USER], expected: { protocol: 'eigenlayer', action: 'undelegate', staker: USER } },
  { name: 'EigenLayer queueWithdrawals', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'queueWithdrawals', selector: '0x0dd8dd02',
    args: [[{ strategies: [STRATEGY], depositShares: [3n], __deprecated_withdrawer: USER }, { strategies: [STRATEGY_2, STRATEGY], depositShares: [1n, 2n], __deprecated_withdrawer: USER }]],
    expected: { protocol: 'eigenlayer', action: 'queue-withdrawal',
      withdrawals: [{ strategies: [STRATEGY], depositShares: [3n] }, { strategies: [STRATEGY_2, STRATEGY], depositShares: [1n, 2n] }],
      strategies: [STRATEGY, STRATEGY_2] } },
  { name: 'EigenLayer completeQueuedWithdrawal', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'completeQueuedWithdrawal', selector: '0xe4cc3f90',
    args: [withdrawal, [TOKEN, TOKEN], true],
    expected: { protocol: 'eigenlayer', action: 'complete-withdrawal', withdrawals: [{ ...withdrawal, tokens: [TOKEN, TOKEN], receiveAsTokens: true }], strategies: [STRATEGY, STRATEGY_2] } },
  { name: 'EigenLayer completeQueuedWithdrawals', to: EL.delegationManager, abi: delegationManagerAbi, functionName: 'completeQueuedWithdrawals', selector: '0x9435bb43',
    args: [[withdrawal, { ...withdrawal, nonce: 8n, strategies: [STRATEGY], scaledShares: [1n] }], [[TOKEN, TOKEN], [TOKEN]], [false, true]],
    expected: { protocol: 'eigenlayer', action: 'complete-withdrawal', strategies: [STRATEGY, STRATEGY_2],
      withdrawals: [{ ...withdrawal, tokens: [TOKEN, TOKEN], receiveAsTokens: false }, { ...withdrawal, nonce: 8n, strategies: [STRATEGY], scaledShares: [1n], tokens: [TOKEN], receiveAsTokens: true }] } },
  { name: 'EigenLayer depositIntoStrategy', to: EL.strategyManager, abi: strategyManagerAbi, functionName: 'depositIntoStrategy', selector: '0xe7a050aa',
    args: [STRATEGY, TOKEN, 5n * 10n ** 18n], expected: { protocol: 'eigenlayer', action: 'deposit', strategy: STRATEGY, token: TOKEN, amount: 5n * 10n ** 18n } },
  { name: 'EigenLayer depositIntoStrategyWithSignature', to: EL.strategyManager, abi: strategyManagerAbi, functionName: 'depositIntoStrategyWithSignature', selector: '0x32e89ace',
    args: [STRATEGY, TOKEN, 1n, OPERATOR, 1000n, SIG],
    expected: { protocol: 'eigenlayer', action: 'deposit', strategy: STRATEGY, amount: 1n, withSignature: { staker: OPERATOR, expiry: 1000n, signature: SIG } } },
  { name: 'Symbiotic vault deposit', to: SYMBIOTIC_VAULT, abi: vaultWriteAbi, functionName: 'deposit', selector: '0x47e7ef24',
    args: [USER, 42n], expected: { protocol: 'symbiotic', action: 'deposit', vault: SYMBIOTIC_VAULT, onBehalfOf: USER, amount: 42n } },
  { name: 'Symbiotic vault withdraw', to: SYMBIOTIC_VAULT, abi: vaultWriteAbi, functionName: 'withdraw', selector: '0xf3fef3a3',
    args: [USER, 41n], expected: { protocol: 'symbiotic', action: 'withdraw', vault: SYMBIOTIC_VAULT, claimer: USER, amount: 41n } },
  { name: 'Symbiotic vault redeem', to: SYMBIOTIC_VAULT, abi: vaultWriteAbi, functionName: 'redeem', selector: '0x1e9a6950',
    args: [USER, 40n], expected: { protocol: 'symbiotic', action: 'redeem', vault: SYMBIOTIC_VAULT, claimer: USER, shares: 40n } },
  { name: 'Karak V2 vault ERC-4626 deposit', to: KARAK_VAULT, abi: karakVaultAbi, functionName: 'deposit', selector: '0x6e553f65',
    args: [9n, USER], expected: { protocol: 'karak', version: 2, action: 'deposit', vault: KARAK_VAULT, to: USER, amount: 9n, amountIs: 'assets' } },
  { name: 'Karak V2 vault deposit with minSharesOut', to: KARAK_VAULT, abi: karakVaultAbi, functionName: 'deposit', selector: '0xbc157ac1',
    args: [9n, USER, 8n], expected: { protocol: 'karak', version: 2, action: 'deposit', amount: 9n, minSharesOut: 8n } },
  { name: 'Karak V2 vault mint', to: KARAK_VAULT, abi: karakVaultAbi, functionName: 'mint', selector: '0x94bf804d',
    args: [7n, USER], expected: { protocol: 'karak', version: 2, action: 'deposit', amount: 7n, amountIs: 'shares' } },
  { name: 'Karak V2 vault startRedeem', to: KARAK_VAULT, abi: karakVaultAbi, functionName: 'startRedeem', selector: '0xecb9ddc2',
    args: [6n, USER], expected: { protocol: 'karak', version: 2, action: 'start-redeem', vault: KARAK_VAULT, shares: 6n, beneficiary: USER } },
  { name: 'Karak V1 VaultSupervisor deposit', to: KARAK.vaultSupervisor!, abi: vaultSupervisorAbi, functionName: 'deposit', selector: '0x0efe6a8b',
    args: [KARAK_VAULT, 5n, 4n], expected: { protocol: 'karak', version: 1, action: 'deposit', supervisor: KARAK.vaultSupervisor, vault: KARAK_VAULT, amount: 5n, minSharesOut: 4n, variant: 'deposit' } },
  { name: 'Karak V1 VaultSupervisor depositAndGimmie', to: KARAK.vaultSupervisor!, abi: vaultSupervisorAbi, functionName: 'depositAndGimmie', selector: '0x17070f02',
    args: [KARAK_VAULT, 5n, 4n], expected: { protocol: 'karak', version: 1, action: 'deposit', variant: 'depositAndGimmie', amount: 5n } },
  { name: 'Karak V1 VaultSupervisor depositWithSignature', to: KARAK.vaultSupervisor!, abi: vaultSupervisorAbi, functionName: 'depositWithSignature', selector: '0x2b93e0a2',
    args: [KARAK_VAULT, OPERATOR, 5n, 4n, 100n, { v: 27, r: SALT, s: SALT }, { v: 28, r: SALT, s: SALT }],
    expected: { protocol: 'karak', version: 1, action: 'deposit', variant: 'depositWithSignature', user: OPERATOR, amount: 5n } },
  { name: 'Karak V1 VaultSupervisor original 2-argument deposit', to: KARAK.vaultSupervisor!, abi: vaultSupervisorLegacyAbi, functionName: 'deposit', selector: '0x47e7ef24',
    args: [KARAK_VAULT, 3n], expected: { protocol: 'karak', version: 1, action: 'deposit', variant: 'legacy-deposit', vault: KARAK_VAULT, amount: 3n } },
  { name: 'Karak V1 DelegationSupervisor startWithdraw', to: KARAK.delegationSupervisor!, abi: delegationSupervisorAbi, functionName: 'startWithdraw', selector: '0x92dca407',
    args: [[{ vaults: [KARAK_VAULT], shares: [2n], withdrawer: USER }]],
    expected: { protocol: 'karak', version: 1, action: 'queue-withdrawal', requests: [{ vaults: [KARAK_VAULT], shares: [2n], withdrawer: USER }], vaults: [KARAK_VAULT] } },
  { name: 'Karak V1 DelegationSupervisor finishWithdraw', to: KARAK.delegationSupervisor!, abi: delegationSupervisorAbi, functionName: 'finishWithdraw', selector: '0x86e9a1f7',
    args: [[{ staker: USER, delegatedTo: OPERATOR, nonce: 1n, start: 2n, request: { vaults: [KARAK_VAULT], shares: [2n], withdrawer: USER } }]],
    expected: { protocol: 'karak', version: 1, action: 'complete-withdrawal', vaults: [KARAK_VAULT],
      withdrawals: [{ staker: USER, delegatedTo: OPERATOR, nonce: 1n, start: 2n, vaults: [KARAK_VAULT], shares: [2n], withdrawer: USER }] } },
];

describe('decodeRestakingTx: every call kind', () => {
  for (const c of cases) {
    it(c.name, () => {
      const data = encodeFunctionData({ abi: c.abi, functionName: c.functionName, args: c.args } as never);
      expect(data.slice(0, 10)).toBe(c.selector);
      const decoded = decodeRestakingTx({ chainId: 1, to: c.to, data, value: c.value ?? 0n, from: USER }, known);
      expect(decoded).toMatchObject({ chainId: 1, target: getAddress(c.to), selector: c.selector, functionName: c.functionName, sender: USER, ...c.expected });
    });
  }

  it('returns checksummed addresses even when the calldata and `to` are lower-case', () => {
    const data = encodeFunctionData({ abi: delegationManagerAbi, functionName: 'delegateTo', args: [OPERATOR, { signature: '0x', expiry: 0n }, SALT] });
    const decoded = decodeRestakingTx({ chainId: 1, to: EL.delegationManager.toLowerCase() as Address, data: data.toLowerCase() as Hex, from: USER.toLowerCase() as Address }, known);
    expect(decoded).toMatchObject({ target: EL.delegationManager, operator: OPERATOR, sender: USER, value: 0n });
  });
});
