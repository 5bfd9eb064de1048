// Karak write paths (§6.3): V2 per-operator ERC-4626 vaults (dynamic lookup), V1 VaultSupervisor
// deposits (deployed 3-argument ABI plus the original 2-argument one) and V1 DelegationSupervisor
// withdrawals. ERC-4626 withdraw/redeem revert NotImplemented on Karak V2, so they are not mapped.
import { delegationSupervisorAbi, vaultAbi, vaultSupervisorAbi } from '../../protocols/karak/abi.js';
import { vaultSupervisorLegacyAbi } from '../abi/karak-v1-legacy.js';
import type { DecodedRestakingCall, TxLike } from '../types.js';
import { callBase, tryDecode, uniqueAddresses } from './try-decode.js';

export function decodeKarakV2Vault(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(vaultAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  const vault = base.target;
  switch (d.functionName) {
    case 'deposit': {
      const [assets, to, minSharesOut] = d.args;
      return {
        ...base, protocol: 'karak', version: 2, action: 'deposit', vault, to, amount: assets, amountIs: 'assets',
        ...(minSharesOut !== undefined ? { minSharesOut } : {}),
      };
    }
    case 'mint':
      return { ...base, protocol: 'karak', version: 2, action: 'deposit', vault, to: d.args[1], amount: d.args[0], amountIs: 'shares' };
    case 'startRedeem':
      return { ...base, protocol: 'karak', version: 2, action: 'start-redeem', vault, shares: d.args[0], beneficiary: d.args[1] };
    default:
      return null;
  }
}

const supervisorAbi = [...vaultSupervisorAbi, ...vaultSupervisorLegacyAbi] as const;

export function decodeKarakVaultSupervisor(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(supervisorAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  const common = { ...base, protocol: 'karak', version: 1, action: 'deposit', supervisor: base.target } as const;
  switch (d.functionName) {
    case 'deposit': {
      const [vault, amount, minSharesOut] = d.args;
      return minSharesOut === undefined
        ? { ...common, vault, amount, variant: 'legacy-deposit' }
        : { ...common, vault, amount, minSharesOut, variant: 'deposit' };
    }
    case 'depositAndGimmie':
      return { ...common, vault: d.args[0], amount: d.args[1], minSharesOut: d.args[2], variant: 'depositAndGimmie' };
    case 'depositWithSignature': {
      const [vault, user, value, minSharesOut] = d.args;
      return { ...common, vault, user, amount: value, minSharesOut, variant: 'depositWithSignature' };
    }
    default:
      return null;
  }
}

export function decodeKarakDelegationSupervisor(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(delegationSupervisorAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  switch (d.functionName) {
    case 'startWithdraw': {
      const requests = d.args[0].map((r) => ({ vaults: [...r.vaults], shares: [...r.shares], withdrawer: r.withdrawer }));
      return { ...base, protocol: 'karak', version: 1, action: 'queue-withdrawal', requests, vaults: uniqueAddresses(requests.map((r) => r.vaults)) };
    }
    case 'finishWithdraw': {
      const withdrawals = d.args[0].map((q) => ({
        staker: q.staker, delegatedTo: q.delegatedTo, nonce: q.nonce, start: q.start,
        vaults: [...q.request.vaults], shares: [...q.request.shares], withdrawer: q.request.withdrawer,
      }));
      return { ...base, protocol: 'karak', version: 1, action: 'complete-withdrawal', withdrawals, vaults: uniqueAddresses(withdrawals.map((w) => w.vaults)) };
    }
    default:
      return null;
  }
}
