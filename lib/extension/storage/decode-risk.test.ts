import { describe, expect, it } from 'vitest';
import { verdict } from '../../risk/verdict.js';
import { factsWith, k } from '../../risk/testing/facts-fixture.js';
import { decodeRisk } from './decode-risk.js';
import { MAX_EVIDENCE } from './risk.js';
import { verdictToStored } from './risk-verdict.js';

const OP = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const key = `eigenlayer-operator:${OP.toLowerCase()}`;
const status = { state: 'fresh', lastAttemptAt: 1, lastSuccessAt: 1 };
const stored = (entity: unknown) => ({ chains: { '1': { status, block: '1000', entities: { [key]: entity } } } });
const good = () => ({ entity: { kind: 'eigenlayer-operator', address: OP }, block: '100', assessedAt: 5, stale: false, verdict: verdictToStored(verdict(factsWith({ sharedStake: k({ services: 2, where: 'v' }) }))) });

describe('decodeRisk', () => {
  it('round-trips a stored verdict unchanged', () => {
    const raw = stored(good());
    const { value, problems } = decodeRisk(JSON.parse(JSON.stringify(raw)));
    expect(problems).toEqual([]);
    expect(value).toEqual(raw);
  });

  it('empty or missing storage is an empty store, not an error', () => {
    expect(decodeRisk(undefined)).toEqual({ value: { chains: {} }, problems: [] });
    expect(decodeRisk('x').problems).toEqual(['risk: malformed, reset']);
  });

  it('a grade it does not know becomes unknown, never low; a dropped "incomplete" is incomplete', () => {
    const e = good();
    (e.verdict as unknown as Record<string, unknown>).overall = 'safe';
    (e.verdict.results[0] as unknown as Record<string, unknown>).grade = 'LOW';
    (e.verdict.dimensions as Record<string, unknown>).leverage = 7;
    delete (e.verdict as Partial<typeof e.verdict>).incomplete;
    const v = decodeRisk(stored(e)).value.chains['1']!.entities[key]!.verdict!;
    expect(v.overall).toBe('unknown');
    expect(v.results[0]!.grade).toBe('unknown');
    expect(v.dimensions.leverage).toBe('unknown');
    expect(v.incomplete).toBe(true);
  });

  it('drops a malformed entity with the reason and keeps the others and the chain status', () => {
    const raw = stored(good());
    raw.chains['1'].entities['karak-vault:0x12'] = { entity: { kind: 'karak-vault', address: '0x12' } } as never;
    raw.chains['1'].entities[`symbiotic-vault:${OP.toLowerCase()}`] = { ...good(), entity: { kind: 'nope', address: OP } } as never;
    const { value, problems } = decodeRisk(raw);
    expect(Object.keys(value.chains['1']!.entities)).toEqual([key]);
    expect(value.chains['1']!.status.state).toBe('fresh');
    expect(problems).toEqual([expect.stringMatching(/karak-vault:0x12\]: bad address, dropped/), expect.stringMatching(/unknown entity kind, dropped/)]);
  });

  it('refuses an entity filed under another key, and drops bad evidence items', () => {
    const e = good();
    e.verdict.results[0]!.evidence = [{ kind: 'parameter', contract: 'evil', block: '1', value: 'x' }, { kind: 'log', contract: OP, block: '9', value: 'ok', txHash: 'not-a-hash' }] as never;
    const raw = stored(e);
    raw.chains['1'].entities[`karak-vault:${OP.toLowerCase()}`] = good() as never;
    const { value, problems } = decodeRisk(raw);
    expect(problems).toEqual([expect.stringMatching(/key does not match/)]);
    expect(value.chains['1']!.entities[key]!.verdict!.results[0]!.evidence).toEqual([{ kind: 'log', contract: OP, block: '9', value: 'ok' }]);
  });

  it('verdictToStored bounds evidence and keeps the count', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ kind: 'log' as const, contract: OP as `0x${string}`, event: 'OperatorSlashed', block: BigInt(i), value: String(i) }));
    const v = verdictToStored(verdict(factsWith({ slashHistory: { status: 'known', value: { count: 9, atLeast: false }, evidence: many } })));
    const r = v.results.find((x) => x.ruleId === 'slashing-history')!;
    expect(r.evidence).toHaveLength(MAX_EVIDENCE);
    expect(r.evidenceCount).toBe(9);
    expect(r.evidence[0]!.block).toBe('0');
  });
});
