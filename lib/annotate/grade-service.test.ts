import { describe, expect, it, vi } from 'vitest';
import { createRegistry } from '../registry/registry.js';
import type { RegistryEntry } from '../registry/types.js';
import type { Assessment } from '../risk/assess.js';
import type { EntityKind, ResolvedEntity } from '../risk/entity.js';
import type { RiskContext } from '../risk/gather/context.js';
import { createGradeService, type GradeServiceDeps } from './grade-service.js';

const OP = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const EIGENDA = '0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0';
const entry: RegistryEntry = { chainId: 1, address: EIGENDA, kind: 'eigenlayer-avs', name: 'EigenDA <b>', category: null, website: null, description: null, sources: ['x'], confidence: 'high', origin: 'eigenlayer-avs.json' };
const resolved = (kind: EntityKind, address = OP): ResolvedEntity => ({ kind, address: address as `0x${string}`, via: 'chain', registry: null });

function assessment(kind: EntityKind, grade: 'low' | 'high'): Assessment {
  return {
    entity: { kind, address: OP as `0x${string}`, via: 'given' },
    facts: null,
    verdict: {
      overall: grade, dimensions: { slashing: grade }, notApplicable: [], incomplete: false,
      results: [{ ruleId: 'slashing-authority', version: 1, dimension: 'slashing', grade, sentence: 'Funds can be lost if a single key signs a slash', evidence: [{ kind: 'tx', contract: OP as `0x${string}`, event: 'OperatorSlashed', block: 7n, txHash: `0x${'ab'.repeat(32)}`, value: '1' }] }],
    },
  };
}

function deps(over: Partial<GradeServiceDeps> = {}) {
  let t = 0;
  const d = {
    config: vi.fn(async () => ({ chainIds: [31337], thresholds: {} })),
    context: vi.fn(async (chainId: number) => ({ deployments: { chainId } }) as unknown as RiskContext),
    exposure: vi.fn(async (_chainId: number): Promise<ReadonlySet<string>> => new Set([`eigenlayer:${OP}`])),
    registry: () => createRegistry({ entries: [entry] }),
    resolve: vi.fn(async (_: RiskContext, a: string) => (a === OP ? [resolved('eigenlayer-operator'), resolved('symbiotic-operator')] : [])),
    assess: vi.fn(async (_: RiskContext, e: { kind: EntityKind }) => assessment(e.kind, 'high')),
    now: () => t,
    ...over,
  };
  return { d, tick: (ms: number) => (t += ms) };
}

describe('grade service', () => {
  it('grades with the engine on the first enabled chain, with evidence refs and the exposed bit only', async () => {
    const { d } = deps();
    const [a] = await createGradeService(d).answer([{ a: OP }], 'eigenlayer');
    expect(a).toEqual({
      a: OP, kind: 'eigenlayer-operator', chainId: 31337, name: null, grade: 'high', dims: { slashing: 'high' }, exposed: true,
      reasons: [{ rule: 'slashing-authority', dimension: 'slashing', grade: 'high', text: 'Funds can be lost if a single key signs a slash', evidence: [{ label: expect.stringContaining('OperatorSlashed = 1 at block 7 (tx 0xabababab…)'), url: null }] }],
    });
  });

  it('the site protocol chooses among entities one address is; an operator-set link needs an AVS', async () => {
    const { d } = deps();
    const s = createGradeService(d);
    expect((await s.answer([{ a: OP }], 'symbiotic'))[0]!.kind).toBe('symbiotic-operator');
    expect((await s.answer([{ a: OP }], null))[0]!.kind).toBe('eigenlayer-operator');
    expect((await s.answer([{ a: OP, set: 1 }], null))[0]!.kind).toBe('none');
  });

  it('caches per entity for the TTL, then reads again; exposure is fresh on every answer', async () => {
    const { d, tick } = deps();
    const s = createGradeService({ ...d, ttlMs: 1000 });
    await s.answer([{ a: OP }, { a: OP }], 'eigenlayer');
    await s.answer([{ a: OP }], 'eigenlayer');
    expect(d.assess).toHaveBeenCalledTimes(1);
    vi.mocked(d.exposure as (chainId: number) => Promise<ReadonlySet<string>>).mockResolvedValueOnce(new Set());
    expect((await s.answer([{ a: OP }], 'eigenlayer'))[0]!.exposed).toBe(false);
    tick(1001);
    await s.answer([{ a: OP }], 'eigenlayer');
    expect(d.assess).toHaveBeenCalledTimes(2);
    s.clear();
    await s.answer([{ a: OP }], 'eigenlayer');
    expect(d.assess).toHaveBeenCalledTimes(3);
  });

  it('an RPC failure is never low: registry entries and URL kinds get unknown with the reason, briefly cached', async () => {
    const { d, tick } = deps({ context: vi.fn(async () => { throw new Error('fetch failed'); }) });
    const s = createGradeService({ ...d, failureTtlMs: 100 });
    const [eigenda, page, other] = await s.answer([{ a: EIGENDA.toLowerCase() }, { a: OP, kind: 'eigenlayer-operator' }, { a: OP }], null);
    expect(eigenda).toMatchObject({ kind: 'eigenlayer-avs', grade: 'unknown', name: 'EigenDA <b>', chainId: 1 });
    expect(eigenda!.reasons[0]!.text).toContain('chain 31337 could not be read (fetch failed)');
    expect(eigenda!.reasons[0]!.evidence[0]!.url).toBe(`https://etherscan.io/address/${EIGENDA}`);
    expect(page).toMatchObject({ kind: 'eigenlayer-operator', grade: 'unknown' });
    expect(other).toMatchObject({ kind: 'none', grade: 'unknown' });
    tick(101);
    await s.answer([{ a: OP }], null);
    expect(d.context).toHaveBeenCalledTimes(4);
  });

  it('facts that fail to gather give unknown for that entity, with its kind', async () => {
    const { d } = deps({ assess: vi.fn(async () => { throw new Error('execution reverted'); }) });
    const [a] = await createGradeService(d).answer([{ a: OP }], 'eigenlayer');
    expect(a).toMatchObject({ kind: 'eigenlayer-operator', grade: 'unknown', chainId: 31337 });
    expect(a!.reasons[0]!.text).toMatch(/^Not checked: its facts could not be read on chain 31337 \(execution reverted\)/);
  });

  it('a mainnet registry entry not on an enabled chain: registry-only, says mainnet is not enabled', async () => {
    const { d } = deps();
    const [a] = await createGradeService(d).answer([{ a: EIGENDA.toLowerCase() }], 'eigenlayer');
    expect(a).toMatchObject({ kind: 'eigenlayer-avs', grade: 'unknown', exposed: false });
    expect(a!.reasons[0]!.text).toContain('Ethereum mainnet is not enabled');
  });

  it('bounds the cache when a page sprays addresses', async () => {
    const { d } = deps();
    const s = createGradeService({ ...d, maxEntries: 10 });
    const many = Array.from({ length: 30 }, (_, i) => ({ a: `0x${i.toString(16).padStart(40, '0')}` }));
    await s.answer(many, null);
    await s.answer([{ a: OP }], null);
    expect(s.size).toBeLessThanOrEqual(11);
  });
});
