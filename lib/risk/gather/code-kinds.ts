// Contract or EOA: eth_getCode at the pinned block. All calls go out together (the transport's
// JSON-RPC batching puts them in one HTTP request). EIP-7702 delegated EOAs (code 0xef0100…) are
// still one key, so they count as EOAs.
import type { Address } from 'viem';
import { known, unknown, type Fact } from '../facts/fact.js';
import type { RiskContext } from './context.js';

export type CodeKind = 'contract' | 'eoa';

export async function readCodeKinds(ctx: RiskContext, addresses: readonly Address[]): Promise<Map<Address, Fact<CodeKind>>> {
  const unique = [...new Set(addresses)];
  const out = new Map<Address, Fact<CodeKind>>();
  await Promise.all(unique.map(async (address) => {
    try {
      const code = await ctx.client.getCode({ address, blockNumber: ctx.blockNumber });
      const kind: CodeKind = !code || code === '0x' || code.toLowerCase().startsWith('0xef0100') ? 'eoa' : 'contract';
      out.set(address, known(kind, [{ kind: 'parameter', contract: address, function: 'eth_getCode', block: ctx.blockNumber, value: kind === 'eoa' ? 'no code (EOA)' : `${(code!.length - 2) / 2} bytes of code` }]));
    } catch (e) {
      out.set(address, unknown(`eth_getCode(${address}) failed: ${(e as Error).message.split('\n')[0]}`));
    }
  }));
  return out;
}
