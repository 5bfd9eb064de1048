// Conformance of our Karak ABIs with the reference (../shared/reference/protocols.md §3.8, §6.3,
// copied into tests/fixtures by scripts/extract-karak-reference.mjs): every item's selector/topic0,
// mutability, outputs and indexed flags equal the reference fragment's, and the reference tables.
import { describe, expect, it } from 'vitest';
import { parseAbi, toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { formatAbiItem } from 'viem/utils';
import reference from '../../../tests/fixtures/reference-karak.json' with { type: 'json' };
import * as abis from './abi.js';

const ours: Record<string, readonly unknown[]> = {
  Core: abis.coreAbi,
  Vault: abis.vaultAbi,
  VaultSupervisor: abis.vaultSupervisorAbi,
  DelegationSupervisor: abis.delegationSupervisorAbi,
};

const fragments = reference.fragments as Record<string, string[]>;
const tables = reference.selectors as Record<string, string>;
const selectorOf = (item: AbiFunction | AbiEvent) => (item.type === 'event' ? toEventSelector(item) : toFunctionSelector(item));
const items = (abi: readonly unknown[]) =>
  (abi as (AbiFunction | AbiEvent | { type: string })[]).filter((i): i is AbiFunction | AbiEvent => i.type === 'function' || i.type === 'event');

describe('Karak ABI conformance with the reference', () => {
  for (const [contract, abi] of Object.entries(ours)) {
    it(`${contract}: every function and event matches the reference fragment`, () => {
      const refLines = fragments[contract];
      expect(refLines, `reference has fragments for ${contract}`).toBeDefined();
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
    // §3.8 tables 21 event topics, §6.3 tables 19 write selectors and 2 V1 events (GaveShares/ReturnedShares).
    expect(compared).toBeGreaterThanOrEqual(40);
  });

  it('every V2 Core and vault custom event is non-indexed, as documented', () => {
    const custom = [...items(abis.coreAbi), ...items(abis.vaultAbi)].filter(
      (i): i is AbiEvent => i.type === 'event' && i.name !== 'Deposit' && i.name !== 'Transfer',
    );
    expect(custom.length).toBe(16);
    for (const e of custom) expect(e.inputs.some((i) => i.indexed), e.name).toBe(false);
  });

  it('pins well-known values', () => {
    const ev = (abi: readonly unknown[], name: string) => items(abi).find((i) => i.type === 'event' && i.name === name) as AbiEvent;
    const fn = (abi: readonly unknown[], name: string) => items(abi).find((i) => i.type === 'function' && i.name === name) as AbiFunction;
    expect(toEventSelector(ev(abis.coreAbi, 'DeployedVault'))).toBe('0x754c0ba87ea068d6b27ef93ca2981913e3a5d0d09ac8fa485b7691e0dd55f180');
    expect(toEventSelector(ev(abis.coreAbi, 'RequestedStakeUpdate'))).toBe('0x99ab4bc821948baa1992232b3a58cab9734f396ddffc80ebfded08e3df62110a');
    expect(toFunctionSelector(fn(abis.coreAbi, 'requestSlashing'))).toBe('0x39443b81');
    expect(toFunctionSelector(fn(abis.vaultAbi, 'startRedeem'))).toBe('0xecb9ddc2');
    expect(toFunctionSelector(fn(abis.vaultSupervisorAbi, 'deposit'))).toBe('0x0efe6a8b');
  });
});
