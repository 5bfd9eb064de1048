// The in-page annotator on the sites the first spec does not cover: Symbiotic network, Blockscout,
// Mellow, Cap, Renzo, Kelp, Puffer, Swell, and EigenLayer's operator-set and slug AVS pages. Each
// fixture follows the site's URL template in the registry's sites.json. Page entities are devnet
// actors (grades compared with the same engine run here in Node against anvil) or, where the site
// speaks of mainnet entities (slug mappings, LRT apps), the bundled registry's entries (then the
// annotator can only say "unknown" with the registry name and reason: mainnet is not enabled here).
import type { Page } from '@playwright/test';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import type { EntityKind, EntityRef } from '../../lib/risk/entity.js';
import type { RiskContext } from '../../lib/risk/gather/context.js';
import { expect, test } from './support/fixtures.js';
import { chipsWhen, expectedVerdict, startAnnotatorEngine } from './support/annotator-engine.js';
import { serveSites } from './fixtures/sites/serve-sites.js';
import { focusBadge, readShadowUi, type ChipView } from './fixtures/sites/read-shadow-ui.js';

let m: DevnetManifest;
let values: Record<string, string>;
let engine: RiskContext;
const lc = (name: string) => values[name]!.toLowerCase();
const addr = (name: string) => values[name] as `0x${string}`;
/** Blockscout's truncated display form. */
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

test.beforeAll(async () => {
  ({ m, values, engine } = await startAnnotatorEngine());
  for (const n of ['network-1', 'vaultB', 'staker-2']) values[`${n}-short`] = short(values[n]!);
  values.rETH = m.scenario.symbiotic!.vaults.find((v) => v.name === 'B')!.collateral;
});

const expected = (ref: EntityRef) => expectedVerdict(engine, ref);


const chipsOf = (chips: ChipView[], address: string) => chips.filter((c) => c.address === address.toLowerCase());

/** Every chip of the address carries the engine's verdict for the entity. */
async function expectEngineGrade(chips: ChipView[], ref: EntityRef, count = 1) {
  // An operator set is told apart from its AVS (and its sibling sets) by the link it annotates.
  const mine = chipsOf(chips, ref.address).filter((c) => ref.kind !== 'eigenlayer-operator-set' || (c.kind === ref.kind && c.before.includes(`/operator-set/${ref.operatorSetId}`)));
  expect(mine, `chips for ${ref.kind} ${ref.address}`).toHaveLength(count);
  const want = await expected(ref);
  for (const chip of mine) {
    expect(chip.kind).toBe(ref.kind);
    expect(chip.grade).toBe(want.grade);
    expect(chip.rules).toEqual(want.rules);
    expect(chip.text).toBe(`Risk: ${want.grade}`);
  }
  return mine[0]!;
}

async function tipOf(page: Page, chip: ChipView, where: (c: ChipView) => boolean = (c) => c.badgeBackendId === chip.badgeBackendId) {
  await focusBadge(page, chip.badgeBackendId);
  await expect.poll(async () => (await readShadowUi(page)).chips.find(where)?.tip?.text ?? '', { timeout: 15_000 }).not.toBe('');
  return (await readShadowUi(page)).chips.find(where)!.tip!;
}

/** Reasons and evidence of a devnet entity: sentences, and evidence cited as text (no devnet explorer). */
async function expectReasonsAndEvidence(page: Page, chip: ChipView) {
  const tip = await tipOf(page, chip);
  expect(tip.text).toContain('Funds can be lost if');
  expect(tip.text).toMatch(/at block \d+/);
  expect(tip.links).toEqual([]);
}

/** A mainnet registry entity with mainnet not enabled: registry name and kind, grade unknown with the reason, an Etherscan link. */
async function expectRegistryOnly(page: Page, chips: ChipView[], kind: EntityKind, checksummed: string, name: RegExp, count = 1) {
  const mine = chipsOf(chips, checksummed);
  expect(mine, `chips for registry ${kind} ${checksummed}`).toHaveLength(count);
  for (const c of mine) expect(c).toMatchObject({ kind, grade: 'unknown', text: 'Risk: unknown', rules: { 'not-checked': 'unknown' } });
  const tip = await tipOf(page, mine[0]!);
  expect(tip.text).toMatch(name);
  expect(tip.text).toMatch(/not enabled/);
  expect(tip.links).toEqual([`https://etherscan.io/address/${checksummed}`]);
}

async function trackStaker1(popup: Page) {
  await popup.getByTestId('address-input').fill(values['staker-1']!);
  await popup.getByTestId('address-submit').click();
  await expect(popup.getByTestId(`address-${values['staker-1']}`).getByTestId('position').first()).toBeVisible({ timeout: 30_000 });
}

const EL = 'https://app.eigenlayer.xyz';
const url = {
  network: () => `https://app.symbiotic.fi/network/${values['network-1']}`,
  blockscout: () => `https://eth.blockscout.com/address/${values['network-1']}`,
  set: () => `${EL}/avs/${lc('avs-2')}/operator-set/1`,
  slug: () => `${EL}/avs/eigenda`,
  mellow: () => 'https://app.mellow.finance/vaults/ethereum-pzeth',
  cap: () => 'https://cap.app/delegators/bedrock',
  renzo: () => 'https://app.renzoprotocol.com/restake',
  kelp: () => 'https://kelpdao.xyz/restake/',
  puffer: () => 'https://app.puffer.fi/vaults',
  swell: () => 'https://app.swellnetwork.io/stake/rsweth',
};
const files: Record<keyof typeof url, string> = {
  network: 'symbiotic-network.html', blockscout: 'blockscout-address.html', set: 'eigenlayer-operator-set.html', slug: 'eigenlayer-avs-slug.html',
  mellow: 'mellow-vault.html', cap: 'cap-delegator.html', renzo: 'renzo-app.html', kelp: 'kelp-app.html', puffer: 'puffer-app.html', swell: 'swell-app.html',
};
const serveAll = (context: Parameters<typeof serveSites>[0]) =>
  serveSites(context, Object.fromEntries((Object.keys(url) as (keyof typeof url)[]).map((k) => [url[k](), files[k]])), values);

test.describe('annotator on every supported site', () => {
  test('Symbiotic network page and Blockscout address page', async ({ context }) => {
    await serveAll(context);
    const page = await context.newPage();

    await page.goto(url.network());
    // network-1 (text), vault A and B (links), operator-1 and operator-2 (text, Symbiotic operators on this site); the middleware gets none.
    let chips = await chipsWhen(page, 5);
    const net1 = await expectEngineGrade(chips, { kind: 'symbiotic-network', address: addr('network-1') });
    await expectEngineGrade(chips, { kind: 'symbiotic-vault', address: addr('vaultA') });
    await expectEngineGrade(chips, { kind: 'symbiotic-vault', address: addr('vaultB') });
    await expectEngineGrade(chips, { kind: 'symbiotic-operator', address: addr('operator-1') });
    await expectEngineGrade(chips, { kind: 'symbiotic-operator', address: addr('operator-2') });
    expect(chipsOf(chips, values['middleware-1']!)).toEqual([]);
    expect(chipsOf(chips, values.vaultA!)[0]!.before).toContain(`/vault/${lc('vaultA')}`);
    // Hand-derived from the manifest: network-1 slashed vault A once (its subnetwork 0): history medium,
    // and the tooltip cites that slash's tx.
    const netSlashes = m.scenario.symbiotic!.slashes.filter((x) => x.subnetwork.startsWith(lc('network-1')));
    expect(netSlashes).toHaveLength(1);
    expect(net1.rules['slashing-history']).toBe('medium');
    await expectReasonsAndEvidence(page, net1);
    expect((await tipOf(page, net1)).text).toContain(netSlashes[0]!.txHash.slice(0, 10));

    await page.goto(url.blockscout());
    // network-1: header text + two truncated links to itself; vault B: a truncated link; staker-2, the tx and the rETH token: none.
    chips = await chipsWhen(page, 4);
    // A neutral site: the address is graded as the entity the engine resolves (network-1 is only a Symbiotic network).
    await expectEngineGrade(chips, { kind: 'symbiotic-network', address: addr('network-1') }, 3);
    const vaultB = await expectEngineGrade(chips, { kind: 'symbiotic-vault', address: addr('vaultB') });
    expect(vaultB.before).toContain(`/address/${lc('vaultB')} ${values['vaultB-short']}`);
    expect(chipsOf(chips, values['staker-2']!)).toEqual([]);
    expect(chipsOf(chips, values.rETH!)).toEqual([]);
    // Hand-derived: vault B's veto slasher, but network-2 set no resolver for it: high.
    expect(vaultB.rules['slashing-veto']).toBe('high');
  });

  test('EigenLayer operator-set page and the eigenda slug page', async ({ context }) => {
    await serveAll(context);
    const page = await context.newPage();

    await page.goto(url.set());
    // set 1 (breadcrumb link), avs-2 (header text: the AVS), set 0 (link), operator-1 (link); the redistribution recipient: none.
    let chips = await chipsWhen(page, 4);
    const set1 = await expectEngineGrade(chips, { kind: 'eigenlayer-operator-set', address: addr('avs-2'), operatorSetId: 1 });
    expect(set1.before).toContain('/operator-set/1');
    const set0 = chips.find((c) => c.kind === 'eigenlayer-operator-set' && c.before.includes('/operator-set/0'))!;
    expect(set0).toBeDefined();
    const want0 = await expected({ kind: 'eigenlayer-operator-set', address: addr('avs-2'), operatorSetId: 0 });
    expect(set0).toMatchObject({ grade: want0.grade, rules: want0.rules });
    expect(chips.filter((c) => c.address === lc('avs-2') && c.kind === 'eigenlayer-avs')).toHaveLength(1);
    const want = await expected({ kind: 'eigenlayer-avs', address: addr('avs-2') });
    expect(chips.find((c) => c.kind === 'eigenlayer-avs')).toMatchObject({ grade: want.grade, rules: want.rules });
    await expectEngineGrade(chips, { kind: 'eigenlayer-operator', address: addr('operator-1') });
    expect(chipsOf(chips, values['redistribution-recipient']!)).toEqual([]);
    // Hand-derived (manifest operatorSets): avs-2's set 1 redistributes, set 0 burns.
    const sets = m.scenario.operatorSets.filter((s) => s.avs === values['avs-2']);
    expect(sets.find((s) => s.id === 1)!.redistributing).toBe(true);
    expect(sets.find((s) => s.id === 0)!.redistributing).toBe(false);
    expect(set1.rules['slashing-redistribution']).toBe('high');
    expect(set0.rules['slashing-redistribution']).not.toBe('high');
    await expectReasonsAndEvidence(page, set1);

    await page.goto(url.slug());
    // EigenDA (text) and the A41 ether.fi operator (link): mainnet registry only; operator-2 (link): the devnet engine.
    chips = await chipsWhen(page, 3);
    await expectRegistryOnly(page, chips, 'eigenlayer-avs', '0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0', /EigenDA/);
    await expectRegistryOnly(page, chips, 'eigenlayer-operator', '0xe0156eF2905c2Ea8B1F7571cAEE85fdF1657Ab38', /ether\.fi operator run by A41/);
    await expectEngineGrade(chips, { kind: 'eigenlayer-operator', address: addr('operator-2') });
  });

  test('Mellow vault and Cap delegator pages (slug -> Symbiotic vault)', async ({ context }) => {
    await serveAll(context);
    const page = await context.newPage();

    await page.goto(url.mellow());
    // The pzETH Symbiotic vault (Etherscan link), operator-1 (text: a Symbiotic operator on Mellow, a Symbiotic site);
    // the LRT token and the visitor's wallet: none.
    let chips = await chipsWhen(page, 2);
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0xa88e91cEF50b792f9449e2D4C699b6B3CcE1D19F', /Renzo Restaked LST/);
    const op1 = await expectEngineGrade(chips, { kind: 'symbiotic-operator', address: addr('operator-1') });
    expect(chipsOf(chips, '0x8c9532a60e0e7c6bbd2b2c1303f63ace1c3e9811')).toEqual([]);
    expect(chipsOf(chips, values['staker-1']!)).toEqual([]);
    // Hand-derived: operator-1 runs in Symbiotic vaults A (instant slasher) and B.
    expect(m.scenario.symbiotic!.vaults.find((v) => v.name === 'A')!.operators).toContain(values['operator-1']);
    expect(op1.rules['slashing-veto']).toBe('high');

    await page.goto(url.cap());
    // The three vaults of the "bedrock" delegator (links, mixed case) and a devnet vault (text); the payout EOA: none.
    chips = await chipsWhen(page, 4);
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0x5AB263160A116DecC6BAb1361fC55A3Be62E2338', /Bedrock-Amber-uniBTC/);
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0x5e278BF93478c842148E7c52be5415f6C1d46538', /Bedrock-Bedrock-uniBTC/);
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0x4b7A4Bae15B049F84f2806eA7297fcD3702aC82B', /Bedrock-Susquehanna Crypto-uniBTC/);
    const vB = await expectEngineGrade(chips, { kind: 'symbiotic-vault', address: addr('vaultB') });
    expect(vB.rules['slashing-veto']).toBe('high');
    expect(chipsOf(chips, values.curator!)).toEqual([]);
    await expectReasonsAndEvidence(page, vB);
  });

  test('Renzo, Kelp DAO, Puffer and Swell app pages', async ({ context }) => {
    await serveAll(context);
    const page = await context.newPage();

    await page.goto(url.renzo());
    // P2P.org (mainnet EigenLayer operator, link), operator-2 (devnet, link), the pzETH Symbiotic vault (text);
    // the ezETH token and the wallet: none.
    let chips = await chipsWhen(page, 3);
    await expectRegistryOnly(page, chips, 'eigenlayer-operator', '0x865caE37b4F44e73eA1e79577C5BFc6207C98f16', /P2P\.org/);
    await expectEngineGrade(chips, { kind: 'eigenlayer-operator', address: addr('operator-2') });
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0xa88e91cEF50b792f9449e2D4C699b6B3CcE1D19F', /Renzo Restaked LST/);
    expect(chipsOf(chips, '0xbf5495Efe5DB9ce00f80364C8B423567e58d2110')).toEqual([]);
    expect(chipsOf(chips, values['staker-2']!)).toEqual([]);

    await page.goto(url.kelp());
    // operator-1 (text; on a neutral site the engine's first entity: the EigenLayer operator), avs-1 (link); rsETH and the holder: none.
    chips = await chipsWhen(page, 2);
    const op1 = await expectEngineGrade(chips, { kind: 'eigenlayer-operator', address: addr('operator-1') });
    await expectEngineGrade(chips, { kind: 'eigenlayer-avs', address: addr('avs-1') });
    expect(chipsOf(chips, '0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7')).toEqual([]);
    expect(chipsOf(chips, values['staker-3']!)).toEqual([]);
    // Hand-derived: operator-1 was slashed once on EigenLayer (manifest): history medium, the slash tx cited.
    expect(m.scenario.slashes.filter((s) => s.operator === values['operator-1'])).toHaveLength(1);
    expect(op1.rules['slashing-history']).toBe('medium');
    const tip = await tipOf(page, op1);
    expect(tip.text).toContain(m.scenario.slashes.find((s) => s.operator === values['operator-1'])!.txHash.slice(0, 10));

    await page.goto(url.puffer());
    // Puffer's restaking operator (text) and UniFi AVS (link): mainnet registry; a devnet Karak DSS (text); the pufETH vault token: none.
    chips = await chipsWhen(page, 3);
    await expectRegistryOnly(page, chips, 'eigenlayer-operator', '0x4d7C3fc856AB52753B91A6c9213aDF013309dD25', /Puffer RestakingOperator/);
    await expectRegistryOnly(page, chips, 'eigenlayer-avs', '0x2d86E90ED40a034C753931eE31b1bD5E1970113d', /UniFi AVS/);
    const dss = await expectEngineGrade(chips, { kind: 'karak-dss', address: addr('karakDss1') });
    expect(chipsOf(chips, '0xD9A442856C234a39a81a089C06451EBAa4306a72')).toEqual([]);
    await expectReasonsAndEvidence(page, dss);

    await page.goto(url.swell());
    // The rSWELL Symbiotic vault (Etherscan link): mainnet registry; vault A (text): devnet; rswETH and the wallet: none.
    chips = await chipsWhen(page, 2);
    await expectRegistryOnly(page, chips, 'symbiotic-vault', '0xfE53Bca0DF7ebe8e43Cd1b976275cCCE7C4A5edA', /Swell rSWELL/);
    const vA = await expectEngineGrade(chips, { kind: 'symbiotic-vault', address: addr('vaultA') });
    expect(vA.rules['slashing-veto']).toBe('high');
    expect(chipsOf(chips, '0xFAe103DC9cf190eD75350761e95403b7b8aFa6c0')).toEqual([]);
    expect(chipsOf(chips, values['staker-3']!)).toEqual([]);
  });

  test('page notices: where a tracked address is exposed to the page entity (network, Blockscout address, operator set), not elsewhere', async ({ context, popup }) => {
    await serveAll(context);
    const page = await context.newPage();
    const counts: [keyof typeof url, number][] = [['network', 5], ['blockscout', 4], ['set', 4], ['mellow', 2], ['cap', 4], ['slug', 3]];
    for (const [k, n] of counts) {
      await page.goto(url[k]());
      await chipsWhen(page, n);
      expect((await readShadowUi(page)).notices, k).toEqual([]);
    }

    // staker-1 deposited in vault A (network-1's) and delegated to operator-1, a member of avs-2's set 1.
    await trackStaker1(popup);
    for (const [k, what] of [['network', 'Symbiotic network'], ['blockscout', 'Symbiotic network'], ['set', 'EigenLayer operator set']] as const) {
      await page.goto(url[k]());
      await expect.poll(async () => (await readShadowUi(page)).notices.length, { timeout: 30_000, message: k }).toBe(1);
      const [notice] = (await readShadowUi(page)).notices;
      expect(notice).toContain(`addresses you track have stake exposed to this ${what}`);
      for (const s of m.actors.filter((a) => a.role === 'staker')) expect(notice!.toLowerCase()).not.toContain(s.address.toLowerCase());
    }
    // Slug pages name mainnet vaults / AVSs (not enabled, not tracked): no notice.
    for (const [k, n] of counts.filter(([k]) => ['mellow', 'cap', 'slug'].includes(k))) {
      await page.goto(url[k]());
      await chipsWhen(page, n);
      await page.waitForTimeout(1_000);
      expect((await readShadowUi(page)).notices, k).toEqual([]);
    }
  });
});
