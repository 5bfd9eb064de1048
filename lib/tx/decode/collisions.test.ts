// Selector collisions from §6 ("Decoding rules"): the same 4 bytes mean different things on
// different contracts, and the target alone decides. Also: what passes through untouched.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, type Hex } from 'viem';
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { vaultWriteAbi } from '../../protocols/symbiotic/write-abi.js';
import { etherfiLiquidityPoolAbi } from '../abi/lrt.js';
import { decodeRestakingTx } from '../decode-restaking-tx.js';
import { buildKnownTargets } from '../known-targets.js';
import { MAINNET_LRT_TARGETS } from '../lrt-targets.js';
import { EL, KARAK, KARAK_VAULT, OPERATOR, SYMBIOTIC_VAULT, TOKEN, USER, mainnetKnown } from '../testing/fixtures.js';

const known = mainnetKnown();
const RENZO = MAINNET_LRT_TARGETS.find((t) => t.contract === 'renzo-restake-manager')!.address;
const PUFFER_VAULT = MAINNET_LRT_TARGETS.find((t) => t.contract === 'puffer-vault')!.address;
const ETHERFI_POOL = MAINNET_LRT_TARGETS.find((t) => t.contract === 'etherfi-liquidity-pool')!.address;
const SWELL = MAINNET_LRT_TARGETS.find((t) => t.contract === 'swell-rsweth')!.address;
const UNKNOWN = '0x5555555555555555555555555555555555555555';

describe('selector collisions are resolved by the target', () => {
  it('0x47e7ef24 deposit(address,uint256): Symbiotic vault, Renzo RestakeManager, Karak V1 VaultSupervisor', () => {
    const data = encodeFunctionData({ abi: vaultWriteAbi, functionName: 'deposit', args: [TOKEN, 10n] });
    expect(data.slice(0, 10)).toBe('0x47e7ef24');
    const sym = decodeRestakingTx({ chainId: 1, to: SYMBIOTIC_VAULT, data }, known);
    const renzo = decodeRestakingTx({ chainId: 1, to: RENZO, data }, known);
    const karak = decodeRestakingTx({ chainId: 1, to: KARAK.vaultSupervisor!, data }, known);
    expect(sym).toMatchObject({ protocol: 'symbiotic', action: 'deposit', vault: SYMBIOTIC_VAULT, onBehalfOf: TOKEN, amount: 10n });
    expect(renzo).toMatchObject({ protocol: 'lrt', lrtProtocol: 'Renzo', asset: TOKEN, amount: 10n });
    expect(karak).toMatchObject({ protocol: 'karak', version: 1, variant: 'legacy-deposit', vault: TOKEN, amount: 10n });
    expect(decodeRestakingTx({ chainId: 1, to: UNKNOWN, data }, known)).toBeNull();
  });

  it('0x0efe6a8b deposit(address,uint256,uint256): Karak V1 VaultSupervisor vs Renzo with referral', () => {
    const data = `0x0efe6a8b${TOKEN.slice(2).toLowerCase().padStart(64, '0')}${'0'.repeat(63)}5${'0'.repeat(63)}1` as Hex;
    expect(decodeRestakingTx({ chainId: 1, to: KARAK.vaultSupervisor!, data }, known)).toMatchObject({ protocol: 'karak', vault: TOKEN, amount: 5n, minSharesOut: 1n });
    expect(decodeRestakingTx({ chainId: 1, to: RENZO, data }, known)).toMatchObject({ protocol: 'lrt', lrtProtocol: 'Renzo', asset: TOKEN, amount: 5n });
  });

  it('0x6e553f65 ERC-4626 deposit(uint256,address): Karak V2 vault vs PufferVault', () => {
    const data = `0x6e553f65${'0'.repeat(63)}7${USER.slice(2).toLowerCase().padStart(64, '0')}` as Hex;
    expect(decodeRestakingTx({ chainId: 1, to: KARAK_VAULT, data }, known)).toMatchObject({ protocol: 'karak', version: 2, vault: KARAK_VAULT, amount: 7n, to: USER });
    expect(decodeRestakingTx({ chainId: 1, to: PUFFER_VAULT, data }, known)).toMatchObject({ protocol: 'lrt', lrtProtocol: 'Puffer', amount: 7n, recipient: USER });
  });

  it('0xd0e30db0 deposit(): ether.fi LiquidityPool vs rswETH vs anything else (WETH9)', () => {
    const data = encodeFunctionData({ abi: etherfiLiquidityPoolAbi, functionName: 'deposit', args: [] });
    expect(decodeRestakingTx({ chainId: 1, to: ETHERFI_POOL, data, value: 1n }, known)).toMatchObject({ lrtProtocol: 'ether.fi', amount: 1n });
    expect(decodeRestakingTx({ chainId: 1, to: SWELL, data, value: 1n }, known)).toMatchObject({ lrtProtocol: 'Swell', amount: 1n });
    expect(decodeRestakingTx({ chainId: 1, to: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', data, value: 1n }, known)).toBeNull();
  });

  it('a static contract is never asked to the vault lookups (a lookup that says yes to everything)', () => {
    const greedy = buildKnownTargets({ deployments: MAINNET_DEPLOYMENTS, isSymbioticVault: () => true });
    const data = encodeFunctionData({ abi: vaultWriteAbi, functionName: 'deposit', args: [TOKEN, 10n] });
    expect(decodeRestakingTx({ chainId: 1, to: RENZO, data }, greedy)).toMatchObject({ protocol: 'lrt' });
  });
});

describe('pass-through (null)', () => {
  const delegate = encodeFunctionData({ abi: delegationManagerAbi, functionName: 'delegateTo', args: [OPERATOR, { signature: '0x', expiry: 0n }, `0x${'00'.repeat(32)}`] });

  it('unknown target', () => expect(decodeRestakingTx({ chainId: 1, to: UNKNOWN, data: delegate }, known)).toBeNull());
  it('unknown selector on a known target', () => expect(decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data: '0xdeadbeef' }, known)).toBeNull());
  it('a view function of a known target', () => {
    const data = encodeFunctionData({ abi: delegationManagerAbi, functionName: 'delegatedTo', args: [USER] });
    expect(decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data }, known)).toBeNull();
  });
  it('known selector, truncated arguments', () => expect(decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data: delegate.slice(0, 74) as Hex }, known)).toBeNull());
  it('contract creation', () => expect(decodeRestakingTx({ chainId: 1, to: null, data: delegate }, known)).toBeNull());
  it('empty calldata (plain transfer)', () => expect(decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data: '0x', value: 1n }, known)).toBeNull());
  it('another chain than the table', () => expect(decodeRestakingTx({ chainId: 10, to: EL.delegationManager, data: delegate }, known)).toBeNull());
  it('not hex / not an address (page-supplied garbage)', () => {
    expect(decodeRestakingTx({ chainId: 1, to: EL.delegationManager, data: 'hello' as Hex }, known)).toBeNull();
    expect(decodeRestakingTx({ chainId: 1, to: 'nope' as Hex, data: delegate }, known)).toBeNull();
  });
  it('a vault lookup that throws is a "no", not a crash', () => {
    const broken = buildKnownTargets({ deployments: MAINNET_DEPLOYMENTS, isSymbioticVault: () => { throw new Error('boom'); } });
    const data = encodeFunctionData({ abi: vaultWriteAbi, functionName: 'deposit', args: [TOKEN, 10n] });
    expect(decodeRestakingTx({ chainId: 1, to: SYMBIOTIC_VAULT, data }, broken)).toBeNull();
  });
});
