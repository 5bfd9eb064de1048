import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { factsWith, k, u } from '../risk/testing/facts-fixture.js';
import { defaultThresholds } from '../risk/thresholds.js';
import { verdict } from '../risk/verdict.js';
import { renderRisk, riskToJson } from './render-risk.js';
import { parseTargetInput, parseThresholdFlags, type RiskReport } from './risk-command.js';

const OP = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address;
const TX = `0x${'ab'.repeat(32)}` as const;
const facts = factsWith({
  slashHistory: { status: 'known', value: { count: 1, atLeast: false }, evidence: [{ kind: 'log', contract: OP, event: 'OperatorSlashed', block: 283n, txHash: TX, value: 'operator slashed' }] },
  sharedStake: u('logs refused by the RPC'),
});
const report = (): RiskReport => ({
  chainId: 31337,
  block: 289n,
  thresholds: { ...defaultThresholds(), 'shared-stake': { mediumAtServices: 3, highAtServices: 4 } },
  targets: [{ input: OP.toLowerCase(), address: OP, as: 'entity', block: 289n, entities: [{ entity: { kind: 'eigenlayer-operator', address: OP }, via: 'chain', name: null, facts, verdict: verdict(facts) }], positions: [] }],
});

describe('render risk', () => {
  it('prints grades in words, each rule with its sentence and evidence, and unknown facts with the reason', () => {
    const text = renderRisk(report());
    expect(text).toContain('Devnet (chain 31337) · block 289');
    expect(text).toContain('thresholds: shared-stake.mediumAtServices=3 (others default)');
    // A known medium is not hidden by an unread fact; the unread one is flagged.
    expect(text).toContain('overall: MEDIUM (incomplete: some rules could not be checked)');
    expect(text).toContain('[UNKNOWN] shared-stake v1 (leverage): Funds can be lost if');
    expect(text).toContain('dimensions: leverage UNKNOWN · history MEDIUM');
    expect(text).toContain('[MEDIUM] slashing-history v1 (history): Funds can be lost if it is slashed again: 1 executed slash on record');
    expect(text).toContain(`evidence: log OperatorSlashed on ${OP} at block 283 tx ${TX}: operator slashed`);
    expect(text).toContain('sharedStake: unknown (logs refused by the RPC)');
    expect(text).toContain('slashHistory: {"count":1,"atLeast":false}');
  });

  it('--json keeps everything with bigints as decimal strings', () => {
    const j = JSON.parse(riskToJson(report()));
    expect(j.block).toBe('289');
    expect(j.targets[0].entities[0].facts.block).toBe('100');
    expect(j.targets[0].entities[0].verdict.results.find((r: any) => r.ruleId === 'slashing-history').evidence[0]).toEqual({ kind: 'log', contract: OP, event: 'OperatorSlashed', block: '283', txHash: TX, value: 'operator slashed' });
  });

  it('a staker shows each position with the worst grade of its entities; an address with nothing says so', () => {
    const r = report();
    const position = { protocol: 'eigenlayer' as const, operator: OP, asset: { address: null, symbol: 'ETH', decimals: 18 }, amount: 32n * 10n ** 18n };
    r.targets = [
      { ...r.targets[0]!, as: 'staker', positions: [{ position, entities: [`eigenlayer-operator:${OP.toLowerCase()}`], overall: 'medium' }, { position: { ...position, operator: null }, entities: [], overall: null }] },
      { input: '0xdead', address: OP, as: 'none', block: 289n, entities: [], positions: [] },
    ];
    const text = renderRisk(r);
    expect(text).toContain(`eigenlayer 32 ETH (operator ${OP}): MEDIUM`);
    expect(text).toContain(`    eigenlayer-operator ${OP}: MEDIUM`);
    expect(text).toContain('eigenlayer 32 ETH (not delegated): not slashable');
    expect(text).toContain('0xdead: not a known operator, AVS, vault, network or DSS, and no restaked positions at block 289');
  });
});

describe('risk arguments', () => {
  it('targets: plain address, KIND:ADDRESS, AVS/SET', () => {
    expect(parseTargetInput(OP.toLowerCase())).toEqual({ input: OP.toLowerCase(), address: OP, entity: null });
    expect(parseTargetInput(`karak-vault:${OP}`).entity).toEqual({ kind: 'karak-vault', address: OP });
    expect(parseTargetInput(`${OP}/3`).entity).toEqual({ kind: 'eigenlayer-operator-set', address: OP, operatorSetId: 3 });
    expect(() => parseTargetInput(`karak-vault:${OP}/3`)).toThrow(/only goes with an EigenLayer operator set/);
    expect(() => parseTargetInput(`eigenlayer-operator-set:${OP}`)).toThrow(/needs its id/);
    expect(() => parseTargetInput(`vault:${OP}`)).toThrow(/unknown entity kind/);
    expect(() => parseTargetInput('0x12')).toThrow(/Not an address/);
  });

  it('--threshold values: merged onto defaults, every bad one listed', () => {
    expect(parseThresholdFlags(['shared-stake.mediumAtServices=3'])['shared-stake']).toEqual({ mediumAtServices: 3, highAtServices: 4 });
    expect(() => parseThresholdFlags(['shared-stake=3'])).toThrow(/expected rule\.name=value/);
    expect(() => parseThresholdFlags(['shared-stake.mediumAtServices=x', 'exit-delay.minHeadroomPercent=-5'])).toThrow(/shared-stake\.mediumAtServices: must be a number.*exit-delay\.minHeadroomPercent: must be between/);
  });
});
