// The block a contract was deployed at, by binary search over eth_getCode (about log2(head) reads,
// ~25 on mainnet), so a log scan can start there instead of at protocol genesis (thousands of
// eth_getLogs chunks saved on a first refresh). Needs historical state; a node without it makes
// this return null and the caller keeps its conservative start. Cached per (chain, address).
import type { Address, PublicClient } from 'viem';
import type { DiscoveryCache } from '../protocols/adapter.js';

const key = (chainId: number, address: Address) => `deploy-block:${chainId}:${address.toLowerCase()}`;

export async function findDeploymentBlock(
  client: PublicClient,
  cache: DiscoveryCache,
  chainId: number,
  address: Address,
  opts: { head: bigint; lowerBound?: number },
): Promise<number | null> {
  const cached = cache.get(key(chainId, address));
  if (typeof cached === 'number' && Number.isSafeInteger(cached) && cached >= 0 && cached <= Number(opts.head)) return cached;
  const hasCode = async (block: number) => {
    const code = await client.getCode({ address, blockNumber: BigInt(block) });
    return code !== undefined && code !== '0x';
  };
  try {
    let lo = opts.lowerBound ?? 0;
    let hi = Number(opts.head);
    if (!(await hasCode(hi))) return null;
    if (await hasCode(lo)) hi = lo;
    // Invariant: no code at lo (or lo === hi), code at hi.
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (await hasCode(mid)) hi = mid;
      else lo = mid;
    }
    cache.set(key(chainId, address), hi);
    return hi;
  } catch {
    return null;
  }
}
