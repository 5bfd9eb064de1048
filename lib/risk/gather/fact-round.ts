// A batched round of view calls whose results become Facts with evidence: each read() returns a
// getter that, after run(), yields known(value, [parameter evidence]) or unknown(reason).
import type { Abi, Address } from 'viem';
import { Round, why } from '../../protocols/round.js';
import { known, unknown, type Fact } from '../facts/fact.js';
import type { RiskContext } from './context.js';

const show = (v: unknown): string => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x))?.slice(0, 300) ?? String(v);

export class FactRound {
  private round = new Round();
  constructor(private ctx: RiskContext) {}
  get size(): number {
    return this.round.size;
  }
  /** `label` names the call in evidence, e.g. "getSlasher((0xab…,1))". */
  read<T, R = unknown>(address: Address, abi: Abi | readonly unknown[], functionName: string, args: readonly unknown[] | undefined, label: string, map: (raw: R) => T = (x) => x as unknown as T): () => Fact<T> {
    let fact: Fact<T> = unknown(`${label} was not read`);
    this.round.add({ address, abi: abi as Abi, functionName, ...(args ? { args } : {}) } as never, (r) => {
      if (r.status === 'failure') {
        fact = unknown(`${label} on ${address} failed${why(r)}`);
        return;
      }
      try {
        const value = map(r.result as R);
        fact = known(value, [{ kind: 'parameter', contract: address, function: label, block: this.ctx.blockNumber, value: show(r.result) }]);
      } catch (e) {
        fact = unknown(`${label} on ${address} returned an unexpected value: ${(e as Error).message}`);
      }
    });
    return () => fact;
  }
  run(): Promise<void> {
    return this.round.run(this.ctx);
  }
}
