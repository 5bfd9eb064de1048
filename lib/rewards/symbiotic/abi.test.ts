// Conformance of the staker-rewards ABIs with the reference §2.11/§6.2 (fixture extracted from
// ../shared/reference/protocols.md), plus the two facts the reader relies on: the v1 and v2 events
// have different topic0 values, and the claimer is topic3 in both versions.
import { describe, expect, it } from 'vitest';
import { toEventSelector, type AbiEvent } from 'viem';
import { abiConformanceTests } from '../../protocols/testing/abi-conformance.js';
import reference from '../../../tests/fixtures/reference-symbiotic.json' with { type: 'json' };
import { stakerRewardsV1EventsAbi, stakerRewardsV2Abi, stakerRewardsWriteAbi } from './abi.js';

const ev = (abi: readonly unknown[], name: string) => (abi as AbiEvent[]).find((i) => i.type === 'event' && i.name === name)!;

describe('Symbiotic staker-rewards ABI conformance with the reference', () => {
  abiConformanceTests(
    { StakerRewardsV2: stakerRewardsV2Abi, StakerRewardsV1: stakerRewardsV1EventsAbi, 'write:DefaultStakerRewards': stakerRewardsWriteAbi },
    reference,
    11,
  );

  it('v1 and v2 events are told apart by topic0', () => {
    expect(toEventSelector(ev(stakerRewardsV2Abi, 'ClaimRewards'))).toBe('0x88744b3615a11586336358f196290c37189c924b0ce7f612d07789041af7cde4');
    expect(toEventSelector(ev(stakerRewardsV1EventsAbi, 'ClaimRewards'))).toBe('0x376215be8cf5117776ebc282116cf6e99075dc479274a0ab44bf5856bb3919d7');
    expect(toEventSelector(ev(stakerRewardsV1EventsAbi, 'DistributeRewards'))).not.toBe(toEventSelector(ev(stakerRewardsV2Abi, 'DistributeRewards')));
  });

  it('the claimer is the third indexed input in both versions (one topic3 filter covers both)', () => {
    for (const abi of [stakerRewardsV2Abi, stakerRewardsV1EventsAbi]) {
      const indexed = ev(abi, 'ClaimRewards').inputs.filter((i) => i.indexed).map((i) => i.name);
      expect(indexed[2]).toBe('claimer');
    }
  });
});
