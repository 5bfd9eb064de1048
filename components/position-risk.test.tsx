// The risk line under each position, rendered with the popup (static HTML): the grade in words,
// reasons behind a disclosure button wired for screen readers, per-dimension grades, and plain
// wording for stale, incomplete and not-yet-read verdicts. Unknown never reads as low.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyAlertStore } from '../lib/extension/alerts/alert-store.js';
import type { PopupState } from '../lib/extension/popup-store.js';
import { riskEntityKey } from '../lib/extension/storage/risk-entities.js';
import type { ChainRisk, EntityRisk } from '../lib/extension/storage/risk.js';
import { verdictToStored } from '../lib/extension/storage/risk-verdict.js';
import { defaultSettings } from '../lib/extension/storage/settings.js';
import { ALICE, AVS, OPERATOR, sampleSnapshot, threeProtocolSnapshot } from '../lib/extension/testing/sample-snapshot.js';
import type { Snapshot } from '../lib/portfolio/types.js';
import { factsWith, k, u } from '../lib/risk/testing/facts-fixture.js';
import { verdict } from '../lib/risk/verdict.js';
import { PopupView, type PopupViewProps } from './popup-view.js';
import { summarizePositionRisk } from './summarize-position-risk.js';

const ok = async () => ({ ok: true }) as const;
const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 };
const tracked = { ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] };

function render(snapshot: Snapshot, risk: ChainRisk): string {
  const props: PopupViewProps = {
    loaded: true, settings: tracked, portfolio: { chains: { '1': { snapshot, status: fresh } } }, refreshing: false, notice: null,
    addAddress: ok, removeAddress: ok, setLabel: ok, refresh: async () => undefined, alerts: emptyAlertStore(), acknowledgeAlert: ok, snoozeAlert: ok, muteOperator: ok,
    rewards: { chains: {} }, history: {}, risk: { chains: { '1': risk } },
  } satisfies Partial<PopupState> as PopupViewProps;
  return renderToStaticMarkup(<PopupView {...props} />);
}

const entity = (kind: EntityRisk['entity']['kind'], address: string, v: ReturnType<typeof verdict> | null, extra: Partial<EntityRisk> = {}, operatorSetId?: number): [string, EntityRisk] => {
  const ref = { kind, address, ...(operatorSetId !== undefined ? { operatorSetId } : {}) };
  return [riskEntityKey(ref), { entity: ref, block: '990', assessedAt: 1, verdict: v && verdictToStored(v), stale: false, ...extra }];
};
const high = verdict(factsWith({ slashing: k([{ service: 'AVS 0xab set 7', serviceAddress: AVS, slasher: AVS, slasherCode: 'eoa' }]) }));
const low = verdict(factsWith({ sharedStake: k({ services: 1, where: 'vault' }) }));
const unread = verdict(factsWith({ sharedStake: u('logs refused by the RPC') }));

/** The first EigenLayer position (ALICE -> OPERATOR, exposed to AVS set 7). */
const firstRisk = (html: string) => {
  const from = html.indexOf('data-testid="position-risk"');
  return html.slice(from, html.indexOf('data-testid="position"', from));
};

describe('position risk in the popup', () => {
  it('shows the worst grade of the operator and its operator set in words, with reasons behind a disclosure', () => {
    const html = firstRisk(render(sampleSnapshot(), { status: fresh, block: '1000', entities: Object.fromEntries([entity('eigenlayer-operator', OPERATOR, low), entity('eigenlayer-operator-set', AVS, high, {}, 7)]) }));
    expect(html).toMatch(/data-testid="position-risk" data-grade="high">Risk <span class="tag warn risk-high" data-testid="risk-grade" data-grade="high">high<\/span>/);
    const button = /<button type="button" class="link" aria-expanded="false" aria-controls="([^"]+)" data-testid="risk-why">Why\?<\/button>/.exec(html);
    expect(button).not.toBeNull();
    expect(html).toContain(`<div id="${button![1]}" hidden="" data-testid="risk-details">`);
    expect(html).toMatch(/data-testid="risk-dimensions"><span data-dimension="slashing" data-grade="high">slashing: high<\/span><span data-dimension="leverage" data-grade="low"> · leverage: low/);
    expect(html).toMatch(/data-testid="risk-reason" data-rule="slashing-authority" data-grade="high"><strong>high<\/strong> \(slashing\): Funds can be lost if a single key signs a slash/);
    expect(html).toContain('as of block 990');
    expect(html).toMatch(/parameter f\(\) on 0x000000… at block 100 = /);
  });

  it('an entity not read yet makes the position unknown (not low) and says so', () => {
    const html = firstRisk(render(sampleSnapshot(), { status: fresh, block: '1000', entities: Object.fromEntries([entity('eigenlayer-operator', OPERATOR, low)]) }));
    expect(html).toMatch(/data-testid="position-risk" data-grade="unknown">Risk <span class="tag risk-unknown" data-testid="risk-grade" data-grade="unknown">unknown/);
    expect(html).toContain('incomplete: 1 of 2 not assessed yet');
    expect(html).toContain('Not assessed yet: it is read on the next refresh.');
    expect(html).toMatch(/leverage: unknown/);
  });

  it('an unknown rule result keeps the grade unknown and shows why; a stale verdict says stale and why', () => {
    const html = firstRisk(render(sampleSnapshot(), {
      status: { state: 'stale', lastAttemptAt: 2, lastSuccessAt: 1, error: { name: 'RiskReadError', message: 'Risk could not be read: timeout' } },
      block: '1000',
      entities: Object.fromEntries([entity('eigenlayer-operator', OPERATOR, unread, { stale: true, error: 'timeout' }), entity('eigenlayer-operator-set', AVS, low, {}, 7)]),
    }));
    expect(html).toContain('data-grade="unknown">unknown</span>');
    expect(html).toContain('incomplete: some rules could not be checked');
    expect(html).toContain('data-testid="risk-stale">stale</span>');
    expect(html).toContain('Last risk read failed: Risk could not be read: timeout. Showing the previous verdicts.');
    expect(html).toContain('stale: timeout');
    expect(html).toMatch(/<strong>unknown<\/strong> \(leverage\): Funds can be lost if .*not checked: logs refused by the RPC/);
  });

  it('undelegated stake and Karak V1 deposits are "not slashable", without a grade', () => {
    const html = render(threeProtocolSnapshot(), { status: fresh, block: '1000', entities: {} });
    expect(html.match(/data-grade="none">Risk: not slashable/g)).toHaveLength(2);
  });

  it('summarizePositionRisk: Karak position depends on its vault, DSSs and operator', () => {
    const snap = threeProtocolSnapshot();
    const alice = snap.addresses[0]!;
    const karak = alice.positions.find((p) => p.karak?.version === 2)!;
    const s = summarizePositionRisk(karak, alice.exposures, { status: fresh, block: '1000', entities: {} });
    expect(s.entities.map((e) => e.ref.kind)).toEqual(['karak-vault', 'karak-dss', 'karak-operator']);
    expect(s).toMatchObject({ grade: 'unknown', missing: 3, incomplete: true });
  });
});
