// Conformance of our EigenLayer ABIs with the reference (../shared/reference/protocols.md, copied
// into tests/fixtures by scripts/extract-reference.mjs): every item's selector/topic0 must equal
// the one computed from the reference fragment, and the reference's own selector tables.
import { describe, expect, it } from 'vitest';
import { toEventSelector, toFunctionSelector, type AbiEvent, type AbiFunction } from 'viem';
import { abiConformanceTests } from '../testing/abi-conformance.js';
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

describe('EigenLayer ABI conformance with the reference', () => {
  // The reference tables every event topic of §1.9 and every write-path selector of §6.1.
  abiConformanceTests(ours, reference, 101);

  it('pins well-known values', () => {
    expect(toEventSelector(abis.allocationManagerAbi.find((i) => i.type === 'event' && i.name === 'OperatorSlashed') as AbiEvent)).toBe(
      '0x80969ad29428d6797ee7aad084f9e4a42a82fc506dcd2ca3b6fb431f85ccebe5',
    );
    expect(toFunctionSelector(abis.delegationManagerAbi.find((i) => i.type === 'function' && i.name === 'delegateTo') as AbiFunction)).toBe('0xeea9064b');
  });
});
