// Conformance of our EigenLayer ABIs with the reference (../shared/reference/protocols.md, copied
// into tests/fixtures by scripts/extract-reference.mjs): every item's selector/topic0 must equal
// the one computed from the reference fragment, and the reference's own selector tables.
import { describe, expect, it } from 'vitest';
import { parseAbi, toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { formatAbiItem } from 'viem/utils';
import reference from '../../../tests/fixtures/reference-eigenlayer.json' with { type: 'json' };
import * as abis from './abi.js';

const ours: Record<string, readonly unknown[]> = {
  DelegationManager: abis.delegationManagerAbi,
  StrategyManager: abis.strategyManagerAbi,
  Strategy: abis.strategyAbi,
  StrategyFactory: abis.strategyFactoryAbi,
  EigenPodManager: abis.eigenPodManagerAbi,
  EigenPod: abis.eigenPodAbi,
  AllocationManager: abis.allocationManagerAbi,
  AVSDirectory: abis.avsDirectoryAbi,
  RewardsCoordinator: abis.rewardsCoordinatorAbi,
  AVSRegistrar: abis.avsRegistrarAbi,
};

const fragments = reference.fragments as Record<string, string[]>;
const tables = reference.selectors as Record<string, string>;
const selectorOf = (item: AbiFunction | AbiEvent) => (item.type === 'event' ? toEventSelector(item) : toFunctionSelector(item));
const items = (abi: readonly unknown[]) => (abi as (AbiFunction | AbiEvent | { type: string })[]).filter((i): i is AbiFunction | AbiEvent => i.type === 'function' || i.type === 'event');

describe('EigenLayer ABI conformance with the reference', () => {
  for (const [contract, abi] of Object.entries(ours)) {
    it(`${contract}: every function and event matches the reference fragment`, () => {
      const refLines = fragments[contract];
      expect(refLines, `reference has fragments for ${contract}`).toBeDefined();
      // Parse the reference per contract, event AND our ABI independently; compare by signature.
      const refItems = items(parseAbi(refLines as string[]));
      const refBySig = new Map(refItems.map((i) => [formatAbiItem(i), i]));
      const mine = items(abi);
      expect(mine.length).toBe(refItems.length);
      for (const item of mine) {
        const sig = formatAbiItem(item);
        const ref = refBySig.get(sig);
        expect(ref, `${contract}.${sig} is in the reference`).toBeDefined();
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
      for (const item of items(abi)) {
        const canonical = formatAbiItem(item).replace(/^(function|event) /, '');
        const tabled = tables[canonical];
        if (!tabled) continue;
        expect(selectorOf(item), canonical).toBe(tabled);
        compared++;
      }
    }
    // The reference tables every event topic of §1.9 and every write-path selector of §6.1.
    expect(compared).toBeGreaterThan(100);
  });

  it('pins well-known values', () => {
    expect(toEventSelector(abis.allocationManagerAbi.find((i) => i.type === 'event' && i.name === 'OperatorSlashed') as AbiEvent)).toBe(
      '0x80969ad29428d6797ee7aad084f9e4a42a82fc506dcd2ca3b6fb431f85ccebe5',
    );
    expect(toFunctionSelector(abis.delegationManagerAbi.find((i) => i.type === 'function' && i.name === 'delegateTo') as AbiFunction)).toBe('0xeea9064b');
  });
});
