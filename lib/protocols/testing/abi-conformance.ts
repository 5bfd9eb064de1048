// Shared by the protocols' abi.test.ts: our ABI per reference block must equal the reference
// fragments item by item (signature, selector/topic0, mutability, outputs, indexed flags), and every
// selector the reference tables must equal ours. Test-only; imports vitest.
import { expect, it } from 'vitest';
import { parseAbi, toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { formatAbiItem } from 'viem/utils';

export interface ReferenceFixture {
  fragments: Record<string, string[]>;
  selectors: Record<string, string>;
}

export const selectorOf = (item: AbiFunction | AbiEvent) => (item.type === 'event' ? toEventSelector(item) : toFunctionSelector(item));
export const abiItems = (abi: readonly unknown[]) =>
  (abi as (AbiFunction | AbiEvent | { type: string })[]).filter((i): i is AbiFunction | AbiEvent => i.type === 'function' || i.type === 'event');

/** Registers one test per reference block plus one for the tabled selectors (at least `minTabled`). */
export function abiConformanceTests(ours: Record<string, readonly unknown[]>, reference: ReferenceFixture, minTabled: number): void {
  for (const [block, abi] of Object.entries(ours)) {
    it(`${block}: every function and event matches the reference fragment`, () => {
      const refLines = reference.fragments[block];
      expect(refLines, `reference has fragments for ${block}`).toBeDefined();
      const refItems = abiItems(parseAbi(refLines as string[]));
      const refBySig = new Map(refItems.map((i) => [formatAbiItem(i), i]));
      const mine = abiItems(abi);
      expect(mine.length).toBe(refItems.length);
      for (const item of mine) {
        const sig = formatAbiItem(item);
        const ref = refBySig.get(sig);
        expect(ref, `${block}.${sig} is in the reference`).toBeDefined();
        expect(selectorOf(item)).toBe(selectorOf(ref!));
        if (item.type === 'function') {
          expect(item.stateMutability).toBe((ref as AbiFunction).stateMutability);
          expect(item.outputs.map((o) => o.type)).toEqual((ref as AbiFunction).outputs.map((o) => o.type));
        } else {
          expect(item.inputs.map((i) => i.indexed ?? false)).toEqual((ref as AbiEvent).inputs.map((i) => i.indexed ?? false));
        }
      }
    });
  }

  it('selectors and topics equal the values tabled in the reference', () => {
    let compared = 0;
    for (const abi of Object.values(ours)) {
      for (const item of abiItems(abi)) {
        const canonical = formatAbiItem(item).replace(/^(function|event) /, '');
        const tabled = reference.selectors[canonical];
        if (!tabled) continue;
        expect(selectorOf(item), canonical).toBe(tabled);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(minTabled);
  });
}
