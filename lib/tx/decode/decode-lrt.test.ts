// LRT deposit calls (§6.4): each entry point of each registry LRT contract, encoded from the §6.4
// fragments, with the selector the reference tables.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, type Abi, type Address, type Hex } from 'viem';
import {
  etherfiLiquidityPoolAbi, etherfiLiquifierAbi, kelpDepositPoolAbi, pufferDepositorAbi, pufferVaultAbi,
  renzoRestakeManagerAbi, swellRswethAbi,
} from '../abi/lrt.js';
import { decodeRestakingTx } from '../decode-restaking-tx.js';
import { MAINNET_LRT_TARGETS, type LrtContractKind } from '../lrt-targets.js';
import { TOKEN, USER, mainnetKnown } from '../testing/fixtures.js';

const known = mainnetKnown();
const at = (kind: LrtContractKind): Address => MAINNET_LRT_TARGETS.find((t) => t.contract === kind)!.address;
const ETH = 10n ** 18n;
const permit = { deadline: 1n, amount: 3n * ETH, v: 27, r: `0x${'aa'.repeat(32)}` as Hex, s: `0x${'bb'.repeat(32)}` as Hex };

interface Case { name: string; kind: LrtContractKind; abi: Abi; fn: string; args: readonly unknown[]; selector: Hex; value?: bigint; expected: Record<string, unknown> }

const cases: Case[] = [
  { name: 'ether.fi LiquidityPool deposit()', kind: 'etherfi-liquidity-pool', abi: etherfiLiquidityPoolAbi, fn: 'deposit', args: [], selector: '0xd0e30db0', value: 2n * ETH,
    expected: { lrtProtocol: 'ether.fi', lrt: { symbol: 'eETH' }, asset: 'native', amount: 2n * ETH, amountIs: 'assets' } },
  { name: 'ether.fi LiquidityPool deposit(referral)', kind: 'etherfi-liquidity-pool', abi: etherfiLiquidityPoolAbi, fn: 'deposit', args: [USER], selector: '0xf340fa01', value: ETH,
    expected: { asset: 'native', amount: ETH } },
  { name: 'ether.fi Liquifier depositWithERC20 (3 args)', kind: 'etherfi-liquifier', abi: etherfiLiquifierAbi, fn: 'depositWithERC20', args: [TOKEN, 5n, USER], selector: '0xb6f086f4',
    expected: { lrt: { symbol: 'eETH' }, asset: TOKEN, amount: 5n } },
  { name: 'ether.fi Liquifier depositWithERC20 (4 args, minOut)', kind: 'etherfi-liquifier', abi: etherfiLiquifierAbi, fn: 'depositWithERC20', args: [TOKEN, 5n, 4n, USER], selector: '0x2990b9ef',
    expected: { asset: TOKEN, amount: 5n, minOut: 4n } },
  { name: 'Renzo deposit(token, amount)', kind: 'renzo-restake-manager', abi: renzoRestakeManagerAbi, fn: 'deposit', args: [TOKEN, 6n], selector: '0x47e7ef24',
    expected: { lrtProtocol: 'Renzo', lrt: { symbol: 'ezETH' }, asset: TOKEN, amount: 6n } },
  { name: 'Renzo deposit(token, amount, referralId)', kind: 'renzo-restake-manager', abi: renzoRestakeManagerAbi, fn: 'deposit', args: [TOKEN, 6n, 1n], selector: '0x0efe6a8b',
    expected: { asset: TOKEN, amount: 6n } },
  { name: 'Renzo depositETH()', kind: 'renzo-restake-manager', abi: renzoRestakeManagerAbi, fn: 'depositETH', args: [], selector: '0xf6326fb3', value: ETH,
    expected: { asset: 'native', amount: ETH } },
  { name: 'Renzo depositETH(referralId)', kind: 'renzo-restake-manager', abi: renzoRestakeManagerAbi, fn: 'depositETH', args: [3n], selector: '0x5358fbda', value: ETH,
    expected: { asset: 'native', amount: ETH } },
  { name: 'Kelp depositETH', kind: 'kelp-deposit-pool', abi: kelpDepositPoolAbi, fn: 'depositETH', args: [9n, 'ref'], selector: '0x72c51c0b', value: ETH,
    expected: { lrtProtocol: 'Kelp DAO', lrt: { symbol: 'rsETH' }, asset: 'native', amount: ETH, minOut: 9n } },
  { name: 'Kelp depositAsset', kind: 'kelp-deposit-pool', abi: kelpDepositPoolAbi, fn: 'depositAsset', args: [TOKEN, 7n, 6n, ''], selector: '0xc3ae1766',
    expected: { asset: TOKEN, amount: 7n, minOut: 6n } },
  { name: 'PufferVault depositETH', kind: 'puffer-vault', abi: pufferVaultAbi, fn: 'depositETH', args: [USER], selector: '0x2d2da806', value: ETH,
    expected: { lrtProtocol: 'Puffer', lrt: { symbol: 'pufETH' }, asset: 'native', amount: ETH, recipient: USER } },
  { name: 'PufferVault depositStETH (stETH shares)', kind: 'puffer-vault', abi: pufferVaultAbi, fn: 'depositStETH', args: [8n, USER], selector: '0xf6dbd16f',
    expected: { asset: 'stETH', amount: 8n, amountIs: 'steth-shares', recipient: USER } },
  { name: 'PufferVault ERC-4626 deposit', kind: 'puffer-vault', abi: pufferVaultAbi, fn: 'deposit', args: [8n, USER], selector: '0x6e553f65',
    expected: { asset: 'WETH', amount: 8n, amountIs: 'assets' } },
  { name: 'PufferVault ERC-4626 mint', kind: 'puffer-vault', abi: pufferVaultAbi, fn: 'mint', args: [8n, USER], selector: '0x94bf804d',
    expected: { asset: 'WETH', amount: 8n, amountIs: 'lrt-shares' } },
  { name: 'PufferDepositor depositStETH (permit)', kind: 'puffer-depositor', abi: pufferDepositorAbi, fn: 'depositStETH', args: [permit, USER], selector: '0x205943be',
    expected: { lrt: { symbol: 'pufETH' }, asset: 'stETH', amount: 3n * ETH, recipient: USER } },
  { name: 'PufferDepositor depositWstETH (permit)', kind: 'puffer-depositor', abi: pufferDepositorAbi, fn: 'depositWstETH', args: [permit, USER], selector: '0x31b4a693',
    expected: { asset: 'wstETH', amount: 3n * ETH } },
  { name: 'Swell rswETH deposit()', kind: 'swell-rsweth', abi: swellRswethAbi, fn: 'deposit', args: [], selector: '0xd0e30db0', value: 4n * ETH,
    expected: { lrtProtocol: 'Swell', lrt: { symbol: 'rswETH' }, asset: 'native', amount: 4n * ETH } },
  { name: 'Swell rswETH depositWithReferral', kind: 'swell-rsweth', abi: swellRswethAbi, fn: 'depositWithReferral', args: [USER], selector: '0xc18d7cb7', value: ETH,
    expected: { asset: 'native', amount: ETH } },
];

describe('decodeRestakingTx: LRT deposits', () => {
  for (const c of cases) {
    it(c.name, () => {
      const data = encodeFunctionData({ abi: c.abi, functionName: c.fn, args: c.args } as never);
      expect(data.slice(0, 10)).toBe(c.selector);
      const decoded = decodeRestakingTx({ chainId: 1, to: at(c.kind), data, value: c.value ?? 0n, from: USER }, known);
      expect(decoded).toMatchObject({ protocol: 'lrt', action: 'lrt-deposit', target: at(c.kind), functionName: c.fn, selector: c.selector, ...c.expected });
    });
  }

  it('a non-deposit function of an LRT contract is not decoded', () => {
    // WETH9-style withdraw(uint256) on rswETH is not a §6.4 entry point.
    expect(decodeRestakingTx({ chainId: 1, to: at('swell-rsweth'), data: '0x2e1a7d4d0000000000000000000000000000000000000000000000000000000000000001' }, known)).toBeNull();
  });

  it('LRT contracts are mainnet-only: the same address on another chain passes through', () => {
    const data = encodeFunctionData({ abi: swellRswethAbi, functionName: 'deposit' });
    expect(decodeRestakingTx({ chainId: 560048, to: at('swell-rsweth'), data, value: ETH }, known)).toBeNull();
  });
});
