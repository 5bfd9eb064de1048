// EigenLayer write paths (§6.1): DelegationManager and StrategyManager. The ABIs are the project's
// conformance-tested ones (lib/protocols/eigenlayer/abi.ts holds the §6.1 fragments verbatim);
// view functions in them decode to names we do not map, hence null.
import { delegationManagerAbi, strategyManagerAbi } from '../../protocols/eigenlayer/abi.js';
import type { DecodedRestakingCall, TxLike } from '../types.js';
import { callBase, tryDecode, uniqueAddresses } from './try-decode.js';

export function decodeDelegationManager(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(delegationManagerAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  switch (d.functionName) {
    case 'delegateTo':
    case 'redelegate': {
      const [operator, sig, salt] = d.args;
      return {
        ...base, protocol: 'eigenlayer', action: d.functionName === 'delegateTo' ? 'delegate' : 'redelegate',
        operator, approverSignature: sig.signature, approverExpiry: sig.expiry, approverSalt: salt,
      };
    }
    case 'undelegate':
      return { ...base, protocol: 'eigenlayer', action: 'undelegate', staker: d.args[0] };
    case 'queueWithdrawals': {
      const withdrawals = d.args[0].map((p) => ({ strategies: [...p.strategies], depositShares: [...p.depositShares] }));
      return { ...base, protocol: 'eigenlayer', action: 'queue-withdrawal', withdrawals, strategies: uniqueAddresses(withdrawals.map((w) => w.strategies)) };
    }
    case 'completeQueuedWithdrawal': {
      const [w, tokens, receiveAsTokens] = d.args;
      const withdrawals = [{ ...w, strategies: [...w.strategies], scaledShares: [...w.scaledShares], tokens: [...tokens], receiveAsTokens }];
      return { ...base, protocol: 'eigenlayer', action: 'complete-withdrawal', withdrawals, strategies: uniqueAddresses(withdrawals.map((x) => x.strategies)) };
    }
    case 'completeQueuedWithdrawals': {
      const [ws, tokens, receive] = d.args;
      // Mismatched array lengths revert on chain; show what can be paired rather than guess.
      if (tokens.length !== ws.length || receive.length !== ws.length) return null;
      const withdrawals = ws.map((w, i) => ({
        ...w, strategies: [...w.strategies], scaledShares: [...w.scaledShares], tokens: [...tokens[i]!], receiveAsTokens: receive[i]!,
      }));
      return { ...base, protocol: 'eigenlayer', action: 'complete-withdrawal', withdrawals, strategies: uniqueAddresses(withdrawals.map((x) => x.strategies)) };
    }
    default:
      return null;
  }
}

export function decodeStrategyManager(tx: TxLike): DecodedRestakingCall | null {
  const d = tryDecode(strategyManagerAbi, tx.data);
  if (!d) return null;
  const base = callBase(tx, d.functionName);
  switch (d.functionName) {
    case 'depositIntoStrategy': {
      const [strategy, token, amount] = d.args;
      return { ...base, protocol: 'eigenlayer', action: 'deposit', strategy, token, amount };
    }
    case 'depositIntoStrategyWithSignature': {
      const [strategy, token, amount, staker, expiry, signature] = d.args;
      return { ...base, protocol: 'eigenlayer', action: 'deposit', strategy, token, amount, withSignature: { staker, expiry, signature } };
    }
    default:
      return null;
  }
}
