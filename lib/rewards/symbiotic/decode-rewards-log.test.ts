// v1 coverage without a v1 contract: real-shaped v1 and v2 logs (testing/fake-logs.ts, built with
// viem from the reference fragments) decoded by the emitting contract's version.
import { describe, expect, it } from 'vitest';
import { formatLog, getAddress, type Log } from 'viem';
import { decodeClaimLog, decodeDistributionLog } from './decode-rewards-log.js';
import { v1ClaimLog, v1DistributeLog, v2ClaimLog, v2DistributeLog, type RawLog } from './testing/fake-logs.js';

const contract = getAddress('0x1111111111111111111111111111111111111111');
const network = getAddress('0x2222222222222222222222222222222222222222');
const token = getAddress('0x3333333333333333333333333333333333333333');
const claimer = getAddress('0x4444444444444444444444444444444444444444');
const recipient = getAddress('0x5555555555555555555555555555555555555555');
const log = (r: RawLog) => formatLog(r as never) as Log;

describe('decodeClaimLog', () => {
  it('decodes a v1 ClaimRewards (token in topic1, network in topic2) without swapping them', () => {
    const c = decodeClaimLog(log(v1ClaimLog({ contract, network, token, claimer, recipient, amount: 7n, block: 10, logIndex: 3 })), 1);
    expect(c).toEqual({ contract, network, token, claimer, recipient, amount: '7', blockNumber: '10', txHash: expect.stringMatching(/^0x/), logIndex: 3 });
  });

  it('decodes a v2 ClaimRewards (network in topic1, token in topic2)', () => {
    const c = decodeClaimLog(log(v2ClaimLog({ contract, network, token, claimer, recipient, amount: 9n, block: 11 })), 2);
    expect(c).toMatchObject({ network, token, claimer, recipient, amount: '9', blockNumber: '11' });
  });

  it('rejects a log that is not the contract version’s event instead of guessing', () => {
    expect(decodeClaimLog(log(v1ClaimLog({ contract, network, token, claimer, recipient, amount: 1n, block: 1 })), 2)).toBeNull();
    expect(decodeClaimLog(log(v2ClaimLog({ contract, network, token, claimer, recipient, amount: 1n, block: 1 })), 1)).toBeNull();
  });
});

describe('decodeDistributionLog', () => {
  it('reads the paying network and token of both versions', () => {
    expect(decodeDistributionLog(log(v1DistributeLog({ contract, network, token, amount: 5n, timestamp: 100, block: 2 })), 1)).toEqual({ network, token });
    expect(decodeDistributionLog(log(v2DistributeLog({ contract, network, token, amount: 5n, fee: 1n, timestamp: 100, block: 2 })), 2)).toEqual({ network, token });
  });

  it('rejects the other version’s DistributeRewards', () => {
    expect(decodeDistributionLog(log(v1DistributeLog({ contract, network, token, amount: 5n, timestamp: 100, block: 2 })), 2)).toBeNull();
    expect(decodeDistributionLog(log(v2DistributeLog({ contract, network, token, amount: 5n, fee: 1n, timestamp: 100, block: 2 })), 1)).toBeNull();
  });
});
