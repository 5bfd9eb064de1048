// Conformance of our Symbiotic ABIs with the reference (../shared/reference/protocols.md §2.11 and
// §6.2, copied into tests/fixtures by scripts/extract-reference-symbiotic.mjs): every item must equal
// the reference fragment of its block (signature, mutability, outputs, indexed flags), and every
// selector/topic0 the reference tables.
import { describe, expect, it } from 'vitest';
import { parseAbi, toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { formatAbiItem } from 'viem/utils';
import reference from '../../../tests/fixtures/reference-symbiotic.json' with { type: 'json' };
import * as read from './abi.js';
import * as write from './write-abi.js';

const ours: Record<string, readonly unknown[]> = {
  VaultFactoryOrRegistry: read.registryAbi,
  VaultFactoryExtra: read.vaultFactoryExtraAbi,
  Vault: read.vaultAbi,
  BaseDelegator: read.baseDelegatorAbi,
  NetworkRestakeDelegator: read.networkRestakeDelegatorAbi,
  FullRestakeDelegator: read.fullRestakeDelegatorAbi,
  OperatorSpecificDelegator: read.operatorSpecificDelegatorAbi,
  OperatorNetworkSpecificDelegator: read.operatorNetworkSpecificDelegatorAbi,
  BaseSlasher: read.baseSlasherAbi,
  Slasher: read.slasherAbi,
  VetoSlasher: read.vetoSlasherAbi,
  OptInService: read.optInServiceAbi,
  NetworkMiddlewareService: read.networkMiddlewareServiceAbi,
  MetadataService: read.metadataServiceAbi,
  BurnerRouter: read.burnerRouterAbi,
  'write:Vault': write.vaultWriteAbi,
  'write:VaultTokenized': write.vaultTokenizedAbi,
  'write:BaseDelegator': write.baseDelegatorWriteAbi,
  'write:NetworkRestakeDelegator': write.networkRestakeDelegatorWriteAbi,
  'write:FullRestakeDelegator': write.fullRestakeDelegatorWriteAbi,
  'write:OperatorSpecificDelegator': write.operatorSpecificDelegatorWriteAbi,
  'write:Slasher': write.slasherWriteAbi,
  'write:VetoSlasher': write.vetoSlasherWriteAbi,
  'write:OperatorRegistry': write.registryWriteAbi,
  'write:NetworkMiddlewareService': write.networkMiddlewareServiceWriteAbi,
  'write:OptInService': write.optInServiceWriteAbi,
  'write:VaultConfigurator': write.vaultConfiguratorAbi,
  'write:VaultFactory': write.factoryCreateAbi,
};

const fragments = reference.fragments as Record<string, string[]>;
const tables = reference.selectors as Record<string, string>;
const selectorOf = (item: AbiFunction | AbiEvent) => (item.type === 'event' ? toEventSelector(item) : toFunctionSelector(item));
const items = (abi: readonly unknown[]) => (abi as (AbiFunction | AbiEvent | { type: string })[]).filter((i): i is AbiFunction | AbiEvent => i.type === 'function' || i.type === 'event');

describe('Symbiotic ABI conformance with the reference', () => {
  for (const [block, abi] of Object.entries(ours)) {
    it(`${block}: every function and event matches the reference fragment`, () => {
      const refLines = fragments[block];
      expect(refLines, `reference has fragments for ${block}`).toBeDefined();
      const refItems = items(parseAbi(refLines as string[]));
      const refBySig = new Map(refItems.map((i) => [formatAbiItem(i), i]));
      const mine = items(abi);
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

  it('init-params struct layouts equal the reference', () => {
    expect([...write.initParamsStructs]).toEqual(fragments['write:InitParams']);
  });

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
    expect(compared).toBeGreaterThan(60);
  });

  it('pins well-known values', () => {
    const ev = (abi: readonly unknown[], name: string) => items(abi).find((i) => i.type === 'event' && i.name === name) as AbiEvent;
    expect(toEventSelector(ev(read.registryAbi, 'AddEntity'))).toBe('0xb919910dcefbf753bfd926ab3b1d3f85d877190c3d01ba1bd585047b99b99f0b');
    expect(toEventSelector(ev(read.vaultAbi, 'OnSlash'))).toBe('0xf9d090c096f71cd1659861a9ce5b6f384bceb4e2fa4e4a19edf6489a9b8d56c7');
    expect(toFunctionSelector(items(write.vaultConfiguratorAbi).find((i) => i.name === 'create') as AbiFunction)).toBe('0xc48927e4');
  });
});
