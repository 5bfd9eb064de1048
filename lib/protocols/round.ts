// One round of batched reads, shared by every adapter: calls are collected with a callback per
// result and sent with a single readCalls() (Multicall3 + JSON-RPC batch), so the number of HTTP
// requests per refresh depends on the number of rounds, not on the number of vaults or addresses.
import { readCalls, type Call, type CallResult } from '../chains/read-calls.js';
import type { ReadContext } from './adapter.js';

export class Round {
  private calls: Call[] = [];
  private handlers: ((r: CallResult) => void)[] = [];
  get size(): number {
    return this.calls.length;
  }
  add(call: Call, onResult: (r: CallResult) => void): void {
    this.calls.push(call);
    this.handlers.push(onResult);
  }
  async run(ctx: ReadContext): Promise<void> {
    const results = await readCalls(ctx.client, this.calls, { blockNumber: ctx.blockNumber, batch: ctx.batch });
    results.forEach((r, i) => this.handlers[i]!(r));
  }
}

export const ok = <T>(r: CallResult): T | undefined => (r.status === 'success' ? (r.result as T) : undefined);
/** ": <first line of the revert reason>" for failure messages, empty on success. */
export const why = (r: CallResult): string => (r.status === 'failure' ? `: ${r.error.message.split('\n')[0]}` : '');

/** Token symbols come from arbitrary contracts: keep them short and printable. */
export function sanitizeSymbol(symbol: string | undefined, token: string): string {
  const clean = (symbol ?? '').replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 16);
  return clean || `${token.slice(0, 6)}…`;
}
