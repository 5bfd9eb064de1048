import { describe, expect, it } from 'vitest';
import { InvalidRewardsSnapshotError, rewardsFromJson, rewardsFromPlain, rewardsToJson, rewardsToPlain } from './codec.js';
import { sampleRewards } from './testing/sample-rewards.js';

describe('rewards codec', () => {
  it('round-trips every variant with bigints intact', () => {
    const s = sampleRewards();
    expect(rewardsFromJson(rewardsToJson(s))).toEqual(s);
  });

  it('keeps amounts as decimal strings in JSON', () => {
    const plain = rewardsToPlain(sampleRewards()) as { addresses: { nativeEth: { restakedWei: unknown } }[] };
    expect(plain.addresses[0]!.nativeEth.restakedWei).toBe('32000000000000000000');
  });

  it('names the bad field of a tampered stored snapshot', () => {
    const plain = rewardsToPlain(sampleRewards()) as any;
    plain.addresses[0].eigenlayer.claimable.tokens[0].claimable = 'lots';
    expect(() => rewardsFromPlain(plain)).toThrow(InvalidRewardsSnapshotError);
    expect(() => rewardsFromPlain(plain)).toThrow(/claimable/);
  });

  it('refuses an unknown claimable status instead of guessing', () => {
    const plain = rewardsToPlain(sampleRewards()) as any;
    plain.addresses[0].eigenlayer.claimable = { status: 'trust-me', tokens: [] };
    expect(() => rewardsFromPlain(plain)).toThrow(/matches no variant/);
  });
});
