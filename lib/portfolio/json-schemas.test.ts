// The published JSON schemas (docs/*.schema.json) accept what the codecs write and refuse a
// tampered document: they cannot drift from the code without this test failing.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot, threeProtocolSnapshot } from '../extension/testing/sample-snapshot.js';
import { rewardsToPlain } from '../rewards/codec.js';
import { sampleRewards } from '../rewards/testing/sample-rewards.js';
import { snapshotToPlain } from './codec.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });

describe('docs/snapshot.schema.json', () => {
  const validate = ajv.compile(load('snapshot.schema.json'));
  it('accepts snapshots as the codec writes them', () => {
    for (const s of [sampleSnapshot(), threeProtocolSnapshot()]) expect(validate(snapshotToPlain(s)), JSON.stringify(validate.errors)).toBe(true);
  });
  it('refuses a number where an amount string belongs', () => {
    const plain = snapshotToPlain(sampleSnapshot()) as any;
    plain.blockNumber = 12;
    expect(validate(plain)).toBe(false);
  });
});

describe('docs/rewards.schema.json', () => {
  const validate = ajv.compile(load('rewards.schema.json'));
  it('accepts a rewards snapshot with every variant as the codec writes it', () => {
    expect(validate(rewardsToPlain(sampleRewards())), JSON.stringify(validate.errors)).toBe(true);
  });
  it('refuses an unknown claimable status and a bigint written as a number', () => {
    const a = rewardsToPlain(sampleRewards()) as any;
    a.addresses[0].eigenlayer.claimable = { status: 'trust-me' };
    expect(validate(a)).toBe(false);
    const b = rewardsToPlain(sampleRewards()) as any;
    b.addresses[0].nativeEth.restakedWei = 32;
    expect(validate(b)).toBe(false);
  });
});
