// Table tests, one table per rule: facts, thresholds, expected grade and a fragment of the sentence.
// Every table has an unknown-fact row and an erroring-fact row.
import { describe, expect, it } from 'vitest';
import { A, k, runRow, throwing, u, type Row } from '../testing/facts-fixture.js';
import { RULES } from './index.js';
import type { RiskRule } from './rule.js';
import type { ExitDelay, PendingChange, SlashDestination, SlashingPath, VetoPath } from '../facts/signals.js';

const path = (n: number, code: SlashingPath['slasherCode'], slasher: number | null = n): SlashingPath => ({ service: `AVS ${n}`, serviceAddress: A(n), slasher: slasher === null ? null : A(slasher), slasherCode: code });
const veto = (mode: VetoPath['mode'], resolver: number | null, windowSeconds: number | null, service = 'net'): VetoPath => ({ service, mode, resolver: resolver === null ? null : A(resolver), windowSeconds });
const dest = (mode: SlashDestination['mode'], recipient: number | null = null): SlashDestination => ({ service: 'set 1', mode, recipient: recipient === null ? null : A(recipient) });
const exit = (exposure: number, exitV: number, slashable = true): ExitDelay => ({ slashable, exit: exitV, exposure, unit: 'blocks', exitLabel: 'a withdrawal', exposureLabel: 'an allocation' });
const pend = (kind: PendingChange['kind']): PendingChange => ({ kind, service: 'AVS 2 set 0', effective: 'block 200' });

const tables: Record<string, Row[]> = {
  'slashing-authority': [
    { name: 'no slasher', signals: { slashing: k([path(1, null, null)]) }, grade: 'low', fragment: 'no service can slash' },
    { name: 'contract slashers', signals: { slashing: k([path(1, 'contract'), path(2, 'contract')]) }, grade: 'medium', fragment: 'slashing contract of AVS 1 and AVS 2' },
    { name: 'one EOA slasher', signals: { slashing: k([path(1, 'contract'), path(2, 'eoa')]) }, grade: 'high', fragment: 'a single key signs a slash: AVS 2' },
    { name: 'EOA below a raised threshold', signals: { slashing: k([path(2, 'eoa')]) }, thresholds: { highAtSingleKeySlashers: 2 }, grade: 'medium', fragment: '1 of them a single key' },
    { name: 'code unread and could change the grade', signals: { slashing: k([path(1, 'contract'), path(2, null)]) }, grade: 'unknown', fragment: 'not checked' },
    { name: 'code unread but an EOA already decides', signals: { slashing: k([path(1, 'eoa'), path(2, null)]) }, grade: 'high' },
    { name: 'unknown fact', signals: { slashing: u('getSlasher reverted') }, grade: 'unknown', fragment: 'getSlasher reverted' },
    { name: 'erroring fact', signals: { slashing: throwing() }, grade: 'unknown', fragment: 'the rule failed' },
    { name: 'not applicable', signals: {}, grade: null },
  ],
  'slashing-veto': [
    { name: 'nothing can slash', signals: { veto: k([]) }, grade: 'low', fragment: 'no veto is needed' },
    { name: 'instant slasher', signals: { veto: k([veto('instant', null, null)]) }, grade: 'high', fragment: 'instant and nobody can veto' },
    { name: 'veto slasher without resolver', signals: { veto: k([veto('veto', null, 1800)]) }, grade: 'high', fragment: 'no resolver is set' },
    { name: 'short veto window', signals: { veto: k([veto('veto', 14, 1800)]) }, grade: 'medium', fragment: 'veto window 30 min' },
    { name: 'short window accepted by a lowered threshold', signals: { veto: k([veto('veto', 14, 1800)]) }, thresholds: { minVetoWindowSeconds: 1800 }, grade: 'low', fragment: 'within 30 min' },
    { name: 'committee with 2 days', signals: { veto: k([veto('committee', null, 172_800)]) }, grade: 'low', fragment: 'veto committee' },
    { name: 'window not read', signals: { veto: k([veto('veto', 14, null)]) }, grade: 'unknown' },
    { name: 'unknown fact', signals: { veto: u() }, grade: 'unknown', fragment: 'eth_call reverted' },
    { name: 'erroring fact', signals: { veto: throwing() }, grade: 'unknown', fragment: 'the rule failed' },
  ],
  'slashing-redistribution': [
    { name: 'burned', signals: { destination: k([dest('burn')]) }, grade: 'low', fragment: 'burned' },
    { name: 'handler', signals: { destination: k([dest('handler', 9)]) }, grade: 'medium', fragment: 'handler contract' },
    { name: 'redistributed', signals: { destination: k([dest('burn'), dest('redistribute', 0xabc)]) }, grade: 'high', fragment: 'instead of being burned' },
    { name: 'unknown burner', signals: { destination: k([dest('unknown')]) }, grade: 'unknown', fragment: 'not a known burner' },
    { name: 'unknown fact', signals: { destination: u() }, grade: 'unknown' },
    { name: 'erroring fact', signals: { destination: throwing() }, grade: 'unknown', fragment: 'the rule failed' },
  ],
  'exit-delay': [
    { name: 'exposure faster than exit', signals: { exitDelay: k(exit(0, 50)) }, grade: 'high', fragment: 'an allocation takes 0 blocks while a withdrawal takes 50 blocks' },
    { name: 'equal delays: no headroom', signals: { exitDelay: k(exit(50, 50)) }, grade: 'medium', fragment: 'almost no margin' },
    { name: 'equal delays with headroom 0', signals: { exitDelay: k(exit(50, 50)) }, thresholds: { minHeadroomPercent: 0 }, grade: 'low' },
    { name: 'exposure slower than exit', signals: { exitDelay: k(exit(100, 50)) }, grade: 'low' },
    { name: 'not slashable', signals: { exitDelay: k(exit(0, 50, false)) }, grade: 'low', fragment: 'nothing can slash' },
    { name: 'unknown fact', signals: { exitDelay: u('minWithdrawalDelayBlocks reverted') }, grade: 'unknown', fragment: 'minWithdrawalDelayBlocks' },
    { name: 'erroring fact', signals: { exitDelay: throwing() }, grade: 'unknown' },
  ],
  'shared-stake': [
    { name: 'one service', signals: { sharedStake: k({ services: 1, where: 'stETH' }) }, grade: 'low', fragment: '1 service can slash' },
    { name: 'two services (Karak leverage 2)', signals: { sharedStake: k({ services: 2, where: 'vault' }) }, grade: 'medium', fragment: '2 services' },
    { name: 'four services', signals: { sharedStake: k({ services: 4, where: 'vault' }) }, grade: 'high' },
    { name: 'custom thresholds', signals: { sharedStake: k({ services: 2, where: 'vault' }) }, thresholds: { mediumAtServices: 3, highAtServices: 5 }, grade: 'low' },
    { name: 'unknown fact', signals: { sharedStake: u() }, grade: 'unknown' },
    { name: 'erroring fact', signals: { sharedStake: throwing() }, grade: 'unknown' },
  ],
  'slashing-history': [
    { name: 'never slashed', signals: { slashHistory: k({ count: 0, atLeast: false }) }, grade: 'low', fragment: 'first time' },
    { name: 'slashed once', signals: { slashHistory: k({ count: 1, atLeast: false }) }, grade: 'medium', fragment: '1 executed slash on record' },
    { name: 'lower bound', signals: { slashHistory: k({ count: 1, atLeast: true }) }, grade: 'medium', fragment: 'at least 1' },
    { name: 'three slashes', signals: { slashHistory: k({ count: 3, atLeast: false }) }, grade: 'high' },
    { name: 'unknown fact', signals: { slashHistory: u('logs unavailable') }, grade: 'unknown', fragment: 'logs unavailable' },
    { name: 'erroring fact', signals: { slashHistory: throwing() }, grade: 'unknown' },
  ],
  'operator-concentration': [
    { name: 'small share', signals: { concentration: k({ shareBps: 1000, of: 'the stETH strategy' }) }, grade: 'low', fragment: 'only 10 %' },
    { name: 'a third', signals: { concentration: k({ shareBps: 4000, of: 'the stETH strategy' }) }, grade: 'medium', fragment: '40 % of the stETH strategy' },
    { name: 'most of it', signals: { concentration: k({ shareBps: 10_000, of: 'vault V' }) }, grade: 'high' },
    { name: 'unknown fact', signals: { concentration: u() }, grade: 'unknown' },
    { name: 'erroring fact', signals: { concentration: throwing() }, grade: 'unknown' },
  ],
  'operator-tenure': [
    { name: 'new', signals: { tenure: k({ registeredAtBlock: 5n, registeredAt: 0, ageSeconds: 3600 }) }, grade: 'high', fragment: 'registered 60 min ago (block 5)' },
    { name: 'young', signals: { tenure: k({ registeredAtBlock: 5n, registeredAt: 0, ageSeconds: 60 * 86_400 }) }, grade: 'medium' },
    { name: 'old', signals: { tenure: k({ registeredAtBlock: 5n, registeredAt: 0, ageSeconds: 400 * 86_400 }) }, grade: 'low', fragment: 'track record' },
    { name: 'unknown fact', signals: { tenure: u('no OperatorRegistered log') }, grade: 'unknown', fragment: 'no OperatorRegistered log' },
    { name: 'erroring fact', signals: { tenure: throwing() }, grade: 'unknown' },
  ],
  'pending-changes': [
    { name: 'nothing pending', signals: { pending: k([]) }, grade: 'low', fragment: 'no change is pending' },
    { name: 'deallocation only', signals: { pending: k([pend('allocation-decrease')]) }, grade: 'low', fragment: 'risk-reducing' },
    { name: 'allocation increase', signals: { pending: k([pend('allocation-increase')]) }, grade: 'medium', fragment: 'more stake allocated to AVS 2 set 0 (block 200)' },
    { name: 'stake added to a DSS', signals: { pending: k([pend('stake-remove'), pend('stake-add')]) }, grade: 'medium' },
    { name: 'slash request', signals: { pending: k([pend('allocation-increase'), pend('slash-request')]) }, grade: 'high', fragment: 'a pending slash executes' },
    { name: 'unknown fact', signals: { pending: u() }, grade: 'unknown' },
    { name: 'erroring fact', signals: { pending: throwing() }, grade: 'unknown' },
  ],
};

describe.each(RULES.map((r) => [r.id, r] as [string, RiskRule]))('rule %s', (id, rule) => {
  const rows = tables[id];
  it('has a table with an unknown-fact and an erroring-fact row', () => {
    expect(rows?.some((r) => r.name === 'unknown fact')).toBe(true);
    expect(rows?.some((r) => r.name === 'erroring fact')).toBe(true);
  });
  it.each((rows ?? []).map((r) => [r.name, r] as [string, Row]))('%s', (_, row) => {
    const result = runRow(rule, row);
    if (row.grade === null) return void expect(result).toBeNull();
    expect(result?.grade).toBe(row.grade);
    expect(result!.sentence.startsWith('Funds can be lost if ')).toBe(true);
    if (row.fragment) expect(result!.sentence).toMatch(row.fragment);
    // Known facts carry their evidence into the result.
    const fact = Object.values(row.signals)[0] as { status: string; evidence: unknown[] } | undefined;
    if (fact?.status === 'known' && row.grade !== 'unknown' && fact.evidence.length > 0) expect(result!.evidence.length).toBeGreaterThan(0);
  });
});

describe('rule list', () => {
  it('ids are unique, versions positive, every rule has a table', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.every((r) => Number.isInteger(r.version) && r.version > 0)).toBe(true);
    expect(Object.keys(tables).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});
