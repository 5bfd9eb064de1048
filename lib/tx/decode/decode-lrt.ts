// LRT deposit entry points (§6.4), one typed decoder per contract kind. The contract kind comes from
// the static table, which is how Renzo's deposit(address,uint256) is told apart from a Symbiotic
// vault's and PufferVault's ERC-4626 deposit from a Karak vault's.
import type { Hex } from 'viem';
import {
  etherfiLiquidityPoolAbi, etherfiLiquifierAbi, kelpDepositPoolAbi, pufferDepositorAbi, pufferVaultAbi,
  renzoRestakeManagerAbi, swellRswethAbi,
} from '../abi/lrt.js';
import type { LrtContractKind, LrtTarget } from '../lrt-targets.js';
import type { LrtDeposit, TxLike } from '../types.js';
import { callBase, tryDecode } from './try-decode.js';

type Fields = Pick<LrtDeposit, 'asset' | 'amount' | 'amountIs'> & Partial<Pick<LrtDeposit, 'recipient' | 'minOut'>>;
type Decoded = { functionName: string; fields: Fields } | null;

const native = (value: bigint): Fields => ({ asset: 'native', amount: value, amountIs: 'assets' });

const DECODERS: Record<LrtContractKind, (data: Hex, value: bigint) => Decoded> = {
  // deposit() and deposit(referral): payable, eETH minted for msg.value.
  'etherfi-liquidity-pool': (data, value) => {
    const d = tryDecode(etherfiLiquidityPoolAbi, data);
    return d ? { functionName: d.functionName, fields: native(value) } : null;
  },
  'etherfi-liquifier': (data) => {
    const d = tryDecode(etherfiLiquifierAbi, data);
    if (!d) return null;
    const [token, amount] = d.args;
    // 4-argument form (token, amount, minOut, referral) vs 3-argument (token, amount, referral).
    const minOut = d.args.length === 4 ? { minOut: d.args[2] } : {};
    return { functionName: d.functionName, fields: { asset: token, amount, amountIs: 'assets', ...minOut } };
  },
  'renzo-restake-manager': (data, value) => {
    const d = tryDecode(renzoRestakeManagerAbi, data);
    if (!d) return null;
    if (d.functionName === 'depositETH') return { functionName: d.functionName, fields: native(value) };
    return { functionName: d.functionName, fields: { asset: d.args[0], amount: d.args[1], amountIs: 'assets' } };
  },
  'kelp-deposit-pool': (data, value) => {
    const d = tryDecode(kelpDepositPoolAbi, data);
    if (!d) return null;
    if (d.functionName === 'depositETH') return { functionName: d.functionName, fields: { ...native(value), minOut: d.args[0] } };
    return { functionName: d.functionName, fields: { asset: d.args[0], amount: d.args[1], amountIs: 'assets', minOut: d.args[2] } };
  },
  'puffer-vault': (data, value) => {
    const d = tryDecode(pufferVaultAbi, data);
    if (!d) return null;
    switch (d.functionName) {
      case 'depositETH': return { functionName: d.functionName, fields: { ...native(value), recipient: d.args[0] } };
      // stETH *shares*, pulled with transferSharesFrom (§6.4).
      case 'depositStETH': return { functionName: d.functionName, fields: { asset: 'stETH', amount: d.args[0], amountIs: 'steth-shares', recipient: d.args[1] } };
      // ERC-4626 entry points; the V5 vault's asset is WETH (§6.4).
      case 'deposit': return { functionName: d.functionName, fields: { asset: 'WETH', amount: d.args[0], amountIs: 'assets', recipient: d.args[1] } };
      case 'mint': return { functionName: d.functionName, fields: { asset: 'WETH', amount: d.args[0], amountIs: 'lrt-shares', recipient: d.args[1] } };
    }
  },
  'puffer-depositor': (data) => {
    const d = tryDecode(pufferDepositorAbi, data);
    if (!d) return null;
    const [permit, recipient] = d.args;
    return { functionName: d.functionName, fields: { asset: d.functionName === 'depositStETH' ? 'stETH' : 'wstETH', amount: permit.amount, amountIs: 'assets', recipient } };
  },
  'swell-rsweth': (data, value) => {
    const d = tryDecode(swellRswethAbi, data);
    return d ? { functionName: d.functionName, fields: native(value) } : null;
  },
};

export function decodeLrt(target: Omit<LrtTarget, 'address'>, tx: TxLike): LrtDeposit | null {
  const d = DECODERS[target.contract](tx.data, tx.value ?? 0n);
  if (!d) return null;
  return { ...callBase(tx, d.functionName), protocol: 'lrt', action: 'lrt-deposit', lrtProtocol: target.lrtProtocol, lrt: target.lrt, ...d.fields };
}
