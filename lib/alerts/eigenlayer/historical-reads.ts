// Reads of EigenLayer state AT a given block (the block before an event and the event's block), as
// the impact of an event is only exact against the state it changed. Memoized per run; calls made
// in the same tick share one JSON-RPC batch. Needs an archive-capable RPC for old blocks (anvil and
// most providers within ~128 blocks are fine); a failed read rejects, it never turns into a zero.
import { erc20Abi, getAddress, zeroAddress, type Address, type PublicClient } from 'viem';
import { BEACON_CHAIN_ETH_STRATEGY, type EigenLayerAddresses } from '../../chains/deployments.js';
import type { Asset } from '../../portfolio/types.js';
import { allocationManagerAbi, delegationManagerAbi, strategyAbi } from '../../protocols/eigenlayer/abi.js';

export const isBeacon = (s: Address) => s.toLowerCase() === BEACON_CHAIN_ETH_STRATEGY.toLowerCase();
const ETH: Asset = { address: null, symbol: 'ETH', decimals: 18 };

export interface OperatorSet {
  avs: Address;
  id: number;
}

export interface QueuedWithdrawal {
  nonce: bigint;
  delegatedTo: Address;
  startBlock: number;
  strategies: Address[];
  /** Withdrawable shares with every slash so far applied. */
  shares: bigint[];
}

export interface Allocation {
  currentMagnitude: bigint;
  pendingDiff: bigint;
  effectBlock: number;
}

export class HistoricalReads {
  private memo = new Map<string, Promise<unknown>>();
  constructor(
    private client: PublicClient,
    private el: EigenLayerAddresses,
  ) {}

  private once<T>(key: string, f: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = f();
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }

  private dm<T>(functionName: string, args: readonly unknown[], block: bigint): Promise<T> {
    return this.once(`dm:${functionName}:${JSON.stringify(args, big)}@${block}`, () =>
      this.client.readContract({ address: this.el.delegationManager, abi: delegationManagerAbi, functionName: functionName as never, args: args as never, blockNumber: block }) as Promise<T>,
    );
  }

  private am<T>(functionName: string, args: readonly unknown[], block: bigint): Promise<T> {
    return this.once(`am:${functionName}:${JSON.stringify(args, big)}@${block}`, () =>
      this.client.readContract({ address: this.el.allocationManager, abi: allocationManagerAbi, functionName: functionName as never, args: args as never, blockNumber: block }) as Promise<T>,
    );
  }

  async delegatedTo(staker: Address, block: bigint): Promise<Address | null> {
    const op = await this.dm<Address>('delegatedTo', [staker], block);
    return op === zeroAddress ? null : getAddress(op);
  }

  async depositedStrategies(staker: Address, block: bigint): Promise<Address[]> {
    const [strategies] = await this.dm<[readonly Address[], readonly bigint[]]>('getDepositedShares', [staker], block);
    return strategies.map((s) => getAddress(s));
  }

  async withdrawable(staker: Address, strategies: readonly Address[], block: bigint): Promise<bigint[]> {
    if (strategies.length === 0) return [];
    const [w] = await this.dm<[readonly bigint[], readonly bigint[]]>('getWithdrawableShares', [staker, strategies], block);
    return [...w];
  }

  async queued(staker: Address, block: bigint): Promise<QueuedWithdrawal[]> {
    const [ws, shares] = await this.dm<[readonly { delegatedTo: Address; nonce: bigint; startBlock: number; strategies: readonly Address[] }[], readonly (readonly bigint[])[]]>(
      'getQueuedWithdrawals', [staker], block,
    );
    return ws.map((w, i) => ({ nonce: w.nonce, delegatedTo: getAddress(w.delegatedTo), startBlock: w.startBlock, strategies: w.strategies.map((s) => getAddress(s)), shares: [...shares[i]!] }));
  }

  minWithdrawalDelay(block: bigint): Promise<number> {
    return this.dm<number>('minWithdrawalDelayBlocks', [], block);
  }

  allocation(operator: Address, set: OperatorSet, strategy: Address, block: bigint): Promise<Allocation> {
    return this.am<Allocation>('getAllocation', [operator, set, strategy], block);
  }

  async maxMagnitude(operator: Address, strategy: Address, block: bigint): Promise<bigint> {
    const [m] = await this.am<readonly bigint[]>('getMaxMagnitudes', [operator, [strategy]], block);
    return m!;
  }

  isMember(operator: Address, set: OperatorSet, block: bigint): Promise<boolean> {
    return this.am<boolean>('isMemberOfOperatorSet', [operator, set], block);
  }

  async strategiesInSet(set: OperatorSet, block: bigint): Promise<Address[]> {
    return (await this.am<readonly Address[]>('getStrategiesInOperatorSet', [set], block)).map((s) => getAddress(s));
  }

  isRedistributing(set: OperatorSet, block: bigint): Promise<boolean> {
    return this.am<boolean>('isRedistributingOperatorSet', [set], block);
  }

  async redistributionRecipient(set: OperatorSet, block: bigint): Promise<Address> {
    return getAddress(await this.am<Address>('getRedistributionRecipient', [set], block));
  }

  /** Underlying of `shares` at `block` (beacon-chain shares are wei). */
  toUnderlying(strategy: Address, shares: bigint, block: bigint): Promise<bigint> {
    if (isBeacon(strategy) || shares === 0n) return Promise.resolve(shares);
    return this.once(`u:${strategy}:${shares}@${block}`, () =>
      this.client.readContract({ address: strategy, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [shares], blockNumber: block }),
    );
  }

  /** Token metadata does not change: read at the latest block. */
  asset(strategy: Address): Promise<Asset> {
    if (isBeacon(strategy)) return Promise.resolve(ETH);
    return this.once(`asset:${strategy}`, async () => {
      const token = getAddress(await this.client.readContract({ address: strategy, abi: strategyAbi, functionName: 'underlyingToken' }));
      const [symbol, decimals] = await Promise.all([
        this.client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }).catch(() => ''),
        this.client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
      ]);
      const clean = symbol.replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 16);
      return { address: token, symbol: clean || `${token.slice(0, 6)}…`, decimals };
    });
  }
}

const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
