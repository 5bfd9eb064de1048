// Conformance of our Karak ABIs with the reference (../shared/reference/protocols.md §3.8, §6.3,
// copied into tests/fixtures by scripts/extract-karak-reference.mjs): every item's selector/topic0,
// mutability, outputs and indexed flags equal the reference fragment's, and the reference tables.
import { describe, expect, it } from 'vitest';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { abiConformanceTests, abiItems } from '../testing/abi-conformance.js';
import reference from '../../../tests/fixtures/reference-karak.json' with { type: 'json' };
import * as abis from './abi.js';

const ours: Record<string, readonly unknown[]> = {
  Core: abis.coreAbi,
  Vault: abis.vaultAbi,
  VaultSupervisor: abis.vaultSupervisorAbi,
  DelegationSupervisor: abis.delegationSupervisorAbi,
};

const items = abiItems;

describe('Karak ABI conformance with the reference', () => {
  // §3.8 tables 21 event topics, §6.3 tables 19 write selectors and 2 V1 events (GaveShares/ReturnedShares).
  abiConformanceTests(ours, reference, 40);

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
