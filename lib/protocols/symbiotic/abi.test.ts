// Conformance of our Symbiotic ABIs with the reference (../shared/reference/protocols.md §2.11 and
// §6.2, copied into tests/fixtures by scripts/extract-reference-symbiotic.mjs): every item must equal
// the reference fragment of its block (signature, mutability, outputs, indexed flags), and every
// selector/topic0 the reference tables.
import { describe, expect, it } from 'vitest';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { abiConformanceTests, abiItems } from '../testing/abi-conformance.js';
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
const items = abiItems;

describe('Symbiotic ABI conformance with the reference', () => {
  abiConformanceTests(ours, reference, 61);

  it('init-params struct layouts equal the reference', () => {
    expect([...write.initParamsStructs]).toEqual(fragments['write:InitParams']);
  });

  it('pins well-known values', () => {
    const ev = (abi: readonly unknown[], name: string) => items(abi).find((i) => i.type === 'event' && i.name === name) as AbiEvent;
    expect(toEventSelector(ev(read.registryAbi, 'AddEntity'))).toBe('0xb919910dcefbf753bfd926ab3b1d3f85d877190c3d01ba1bd585047b99b99f0b');
    expect(toEventSelector(ev(read.vaultAbi, 'OnSlash'))).toBe('0xf9d090c096f71cd1659861a9ce5b6f384bceb4e2fa4e4a19edf6489a9b8d56c7');
    expect(toFunctionSelector(items(write.vaultConfiguratorAbi).find((i) => i.name === 'create') as AbiFunction)).toBe('0xc48927e4');
  });
});
