// One round of batched reads with a callback per result, so each round is a single readCalls()
// (Multicall3 when batched) whatever the number of addresses.
import { readCalls, type Call, type CallResult } from '../../chains/read-calls.js';
import type { ReadContext } from '../adapter.js';

export class Round {
  private calls: Call[] = [];
  private handlers: ((r: CallResult) => void)[] = [];
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
export const why = (r: CallResult): string => (r.status === 'failure' ? `: ${r.error.message.split('\n')[0]}` : '');

/** Token symbols come from arbitrary contracts: keep them short and printable. */
export function sanitizeSymbol(symbol: string | undefined, token: string): string {
  const clean = (symbol ?? '').replace(/[^\p{L}\p{N}._-]/gu, '').slice(0, 16);
  return clean || `${token.slice(0, 6)}…`;
}
