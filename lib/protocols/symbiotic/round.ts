// One round of batched reads: calls are collected with a callback per result and sent with a single
// readCalls() (Multicall3 + JSON-RPC batch), so the number of HTTP requests per refresh depends on
// the number of rounds, not on the number of vaults or addresses.
import { readCalls, type Call, type CallResult } from '../../chains/read-calls.js';
import type { ReadContext } from '../adapter.js';

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
