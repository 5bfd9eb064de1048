// Small pieces shared by the Symbiotic and Karak detectors: memoized reads at a block, "this call
// reverted" (an arbitrary contract that does not implement a view) told apart from "the RPC failed"
// (which must reject the scan), ERC-20 metadata, and the fields every alert of a log carries.
import {
  AbiDecodingDataSizeTooSmallError,
  AbiDecodingZeroDataError,
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  erc20Abi,
  getAddress,
  type Abi,
  type Address,
  type Log,
  type PublicClient,
} from 'viem';
import type { Asset, ProtocolId } from '../portfolio/types.js';
import type { DetectContext } from './detector.js';
import { alertIdOf, eventIdOf } from './types.js';

/** The call reached the chain and the contract did not answer it (revert, no code, undecodable data). */
export function isCallRefused(e: unknown): boolean {
  if (!(e instanceof BaseError)) return false;
  return e.walk((x) =>
    x instanceof ContractFunctionRevertedError || x instanceof ContractFunctionZeroDataError || x instanceof AbiDecodingZeroDataError || x instanceof AbiDecodingDataSizeTooSmallError
    || (typeof (x as { code?: unknown }).code === 'number' && (x as { code: number }).code === 3)
    || /execution reverted/i.test((x as Error).message ?? '')
    // A contract answering with data that is not what the ABI says (e.g. a non-address "vault()").
    || /^AbiDecoding|^InvalidAddressError$|^PositionOutOfBoundsError$/.test((x as Error).name ?? '')) !== null;
}

const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** Reads memoized per (contract, function, args, block) for one detect() run; a failed read is not cached. */
export class BlockReads {
  private memo = new Map<string, Promise<unknown>>();
  constructor(readonly client: PublicClient) {}

  read<T>(address: Address, abi: Abi | readonly unknown[], functionName: string, args: readonly unknown[], block: bigint): Promise<T> {
    const key = `${address.toLowerCase()}:${functionName}:${JSON.stringify(args, big)}@${block}`;
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = this.client.readContract({ address, abi: abi as Abi, functionName, args, blockNumber: block } as never) as Promise<T>;
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }

  /** Like read, but null when the contract refuses the call (not the contract we think it is). */
  async tryRead<T>(address: Address, abi: Abi | readonly unknown[], functionName: string, args: readonly unknown[], block: bigint): Promise<T | null> {
    try {
      return await this.read<T>(address, abi, functionName, args, block);
    } catch (e) {
      if (isCallRefused(e)) return null;
      throw e;
    }
  }

  /** ERC-20 metadata (does not change: latest block). */
  asset(token: Address): Promise<Asset> {
    const key = `asset:${token.toLowerCase()}`;
    let p = this.memo.get(key) as Promise<Asset> | undefined;
    if (!p) {
      p = (async () => {
        const [symbol, decimals] = await Promise.all([
          this.client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }).catch(() => ''),
          this.client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
        ]);
        const clean = symbol.replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 16);
        return { address: getAddress(token), symbol: clean || `${token.slice(0, 6)}…`, decimals };
      })();
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }
}

/** Fields every alert raised from `log` for `address` carries. */
export async function logBase(ctx: DetectContext, protocol: ProtocolId, log: Log, address: Address) {
  const eventId = eventIdOf(ctx.chainId, log.transactionHash!, log.logIndex!);
  return {
    id: alertIdOf(eventId, address),
    eventId,
    chainId: ctx.chainId,
    protocol,
    address,
    blockNumber: log.blockNumber!,
    blockHash: log.blockHash!,
    txHash: log.transactionHash!,
    logIndex: log.logIndex!,
    timestamp: await ctx.blockTimestamp(log.blockNumber!),
  };
}

export const complete = (l: Log) => l.blockNumber != null && l.transactionHash != null && l.logIndex != null && l.blockHash != null;
