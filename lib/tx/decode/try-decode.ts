// decodeFunctionData throws on an unknown selector or malformed calldata; for the guard both mean
// "not ours, pass through", so decoders get null instead of an exception.
import { decodeFunctionData, getAddress, slice, type Abi, type DecodeFunctionDataReturnType, type Hex } from 'viem';
import type { CallBase, TxLike } from '../types.js';

export function tryDecode<const abi extends Abi>(abi: abi, data: Hex): DecodeFunctionDataReturnType<abi> | null {
  try {
    return decodeFunctionData({ abi, data });
  } catch {
    return null;
  }
}

/** The fields every decoded call shares; `to` is non-null here (creation was filtered out before). */
export function callBase(tx: TxLike, functionName: string): CallBase {
  const base: CallBase = {
    chainId: tx.chainId,
    target: getAddress(tx.to!),
    selector: slice(tx.data, 0, 4),
    functionName,
    value: tx.value ?? 0n,
  };
  if (tx.from) base.sender = getAddress(tx.from);
  return base;
}

/** Deduplicated union of address lists, first-seen order (for "strategies/vaults involved"). */
export function uniqueAddresses(lists: readonly (readonly `0x${string}`[])[]): `0x${string}`[] {
  const seen = new Set<string>();
  const out: `0x${string}`[] = [];
  for (const list of lists) for (const a of list) if (!seen.has(a.toLowerCase())) { seen.add(a.toLowerCase()); out.push(a); }
  return out;
}
