import { describe, expect, it } from 'vitest';
import { claimableAlerts, rootsToLookUp, type RootSubmission } from './claimable-alerts.js';
import { sampleRewards } from './testing/sample-rewards.js';

const sub: RootSubmission = { txHash: `0x${'ab'.repeat(32)}`, blockHash: `0x${'cd'.repeat(32)}`, blockNumber: 1200n, logIndex: 2, timestamp: 1_759_000_000 };
const A = sampleRewards().addresses[0]!.address.toLowerCase();

describe('claimableAlerts', () => {
  it('sets a baseline on the first verified root without alerting', () => {
    const r = claimableAlerts(sampleRewards(), {}, new Map());
    expect(r.alerts).toEqual([]);
    expect(r.seen[A]).toBe(1);
    expect(rootsToLookUp(sampleRewards(), {})).toEqual([]);
  });

  it('alerts once for a newer root that verified, tied to its submission log', () => {
    expect(rootsToLookUp(sampleRewards(), { [A]: 0 })).toEqual([1]);
    const r = claimableAlerts(sampleRewards(), { [A]: 0 }, new Map([[1, sub]]));
    expect(r.alerts).toHaveLength(1);
    const alert = r.alerts[0]!;
    expect(alert).toMatchObject({ kind: 'rewards-claimable', severity: 'info', txHash: sub.txHash, logIndex: 2, status: 'confirmed' });
    expect(alert.assets[0]!.amountClaimable).toBe(12n * 10n ** 18n);
    expect(alert.title).toBe('Rewards claimable: 12 EIGEN');
    expect(r.seen[A]).toBe(1);
    expect(claimableAlerts(sampleRewards(), r.seen, new Map([[1, sub]])).alerts).toEqual([]);
  });

  it('waits for the submission log instead of alerting without a chain event', () => {
    const r = claimableAlerts(sampleRewards(), { [A]: 0 }, new Map());
    expect(r.alerts).toEqual([]);
    expect(r.seen[A]).toBe(0);
  });

  it('never alerts on a rejected proof', () => {
    const s = sampleRewards();
    const el = s.addresses[0]!.eigenlayer as any;
    el.claimable = { status: 'rejected', reason: 'bad proof', rootIndex: 1 };
    expect(claimableAlerts(s, { [A]: 0 }, new Map([[1, sub]])).alerts).toEqual([]);
  });
});
