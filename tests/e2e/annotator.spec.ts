// The in-page annotator against the devnet: site fixtures served at their real URLs, chips read
// through the DevTools protocol (it pierces closed shadow roots; page scripts cannot), grades
// compared with the same engine run here in Node against anvil, plus hand-derived facts of the
// seeded scenario; then exposure notice, SPA navigation, per-site off and a hostile page.
import type { Page, Worker } from '@playwright/test';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import type { EntityRef } from '../../lib/risk/entity.js';
import type { RiskContext } from '../../lib/risk/gather/context.js';
import { expect, test } from './support/fixtures.js';
import { chipsWhen, expectedVerdict, startAnnotatorEngine } from './support/annotator-engine.js';
import { serveSites } from './fixtures/sites/serve-sites.js';
import { focusBadge, readShadowUi, type ChipView } from './fixtures/sites/read-shadow-ui.js';

// Only inside worker.evaluate (the extension's service worker).
declare const chrome: { storage: { local: { get(k: string): Promise<Record<string, any>>; set(v: Record<string, unknown>): Promise<void> } } };

const EIGENDA = '0x870679e138bcdf293b7ff14dd44b70fc97e12fc0';
let m: DevnetManifest;
let values: Record<string, string>;
let engine: RiskContext;
const lc = (name: string) => values[name]!.toLowerCase();

test.beforeAll(async () => {
  ({ m, values, engine } = await startAnnotatorEngine());
});

const expected = (ref: EntityRef) => expectedVerdict(engine, ref);


async function expectEngineGrade(chip: ChipView | undefined, ref: EntityRef) {
  expect(chip, `chip for ${ref.kind} ${ref.address}`).toBeDefined();
  const want = await expected(ref);
  expect(chip!.kind).toBe(ref.kind);
  expect(chip!.grade).toBe(want.grade);
  expect(chip!.rules).toEqual(want.rules);
  expect(chip!.text).toBe(`Risk: ${want.grade}`);
}

async function trackStaker1(popup: Page) {
  await popup.getByTestId('address-input').fill(values['staker-1']!);
  await popup.getByTestId('address-submit').click();
  await expect(popup.getByTestId(`address-${values['staker-1']}`).getByTestId('position').first()).toBeVisible({ timeout: 30_000 });
}

async function setSite(worker: Worker, host: string, on: boolean) {
  await worker.evaluate(
    async ([h, v]) => {
      const { settings } = await chrome.storage.local.get('settings');
      if (!settings) throw new Error('no stored settings yet');
      settings.risk.sites[h as string] = v as boolean;
      await chrome.storage.local.set({ settings });
    },
    [host, on] as const,
  );
}

const EL = 'https://app.eigenlayer.xyz';

test.describe('annotator', () => {
  test('EigenLayer operator and AVS pages: chips on the right addresses with the engine grades, reasons and evidence', async ({ context }) => {
    await serveSites(context, { [`${EL}/operator/${lc('operator-1')}`]: 'eigenlayer-operator.html', [`${EL}/avs/${lc('avs-2')}`]: 'eigenlayer-avs.html' }, values);
    const page = await context.newPage();
    await page.goto(`${EL}/operator/${lc('operator-1')}`);
    // operator-1 (text), avs-1 (link), avs-2 set 1 (link); staker-3 is not an entity.
    const chips = await chipsWhen(page, 3);
    const op1 = chips.find((c) => c.address === lc('operator-1'));
    await expectEngineGrade(op1, { kind: 'eigenlayer-operator', address: values['operator-1'] as `0x${string}` });
    expect(op1!.before).toContain(lc('operator-1'));
    await expectEngineGrade(chips.find((c) => c.address === lc('avs-1')), { kind: 'eigenlayer-avs', address: values['avs-1'] as `0x${string}` });
    const set1 = chips.find((c) => c.address === lc('avs-2'));
    await expectEngineGrade(set1, { kind: 'eigenlayer-operator-set', address: values['avs-2'] as `0x${string}`, operatorSetId: 1 });
    expect(set1!.before).toContain(`/avs/${lc('avs-2')}/operator-set/1`);
    // Hand-derived from the scenario: set 1 redistributes to a recipient; its slasher is an EOA.
    expect(set1!.rules['slashing-redistribution']).toBe('high');
    expect(set1!.rules['slashing-authority']).toBe('high');
    // operator-1 was slashed once (manifest): history is medium and the tooltip cites the slash tx.
    expect(op1!.rules['slashing-history']).toBe('medium');
    expect(chips.some((c) => c.address === lc('staker-3'))).toBe(false);

    await focusBadge(page, op1!.badgeBackendId);
    await expect.poll(async () => (await readShadowUi(page)).chips.find((c) => c.address === lc('operator-1'))?.tip?.text ?? '').toContain('Funds can be lost if');
    const tip = (await readShadowUi(page)).chips.find((c) => c.address === lc('operator-1'))!.tip!;
    const slash = m.scenario.slashes.find((s) => s.operator === values['operator-1'])!;
    expect(tip.text).toContain(slash.txHash.slice(0, 10));
    // The devnet has no public explorer: evidence is cited as text, never linked to another chain's explorer.
    expect(tip.links).toEqual([]);

    await page.goto(`${EL}/avs/${lc('avs-2')}`);
    const avsChips = await chipsWhen(page, 3);
    const avs2 = avsChips.find((c) => c.address === lc('avs-2'));
    await expectEngineGrade(avs2, { kind: 'eigenlayer-avs', address: values['avs-2'] as `0x${string}` });
    expect(avs2!.rules['slashing-redistribution']).toBe('high');
    expect(avs2!.before).toContain(values['avs-2']);
    // The link's own text is the address: one chip (after the link), not two.
    expect(avsChips.filter((c) => c.address === lc('operator-1'))).toHaveLength(1);
    expect(avsChips.find((c) => c.address === lc('operator-1'))!.before).toContain(`/operator/${values['operator-1']}`);
    await expectEngineGrade(avsChips.find((c) => c.address === lc('operator-2')), { kind: 'eigenlayer-operator', address: values['operator-2'] as `0x${string}` });
  });

  test('Symbiotic vault, Karak pool, liquid-restaking app and Etherscan pages', async ({ context }) => {
    const pages = {
      [`https://app.symbiotic.fi/vault/${values.vaultB}`]: 'symbiotic-vault.html',
      'https://app.karak.network/pool/ethereum/stETH': 'karak-pool.html',
      'https://app.ether.fi/restaking': 'lrt-app.html',
      [`https://etherscan.io/address/${lc('vaultA')}`]: 'etherscan-address.html',
    };
    await serveSites(context, pages, values);
    const page = await context.newPage();

    await page.goto(Object.keys(pages)[0]!);
    // vault B (text), network-1 and network-2 (links), operator-1 (text; a Symbiotic operator on this site); the curator EOA gets none.
    let chips = await chipsWhen(page, 4);
    const vaultB = chips.find((c) => c.address === lc('vaultB'));
    await expectEngineGrade(vaultB, { kind: 'symbiotic-vault', address: values.vaultB as `0x${string}` });
    // Hand-derived from the manifest: vault B has a veto slasher, but a network of it set no resolver, so
    // nobody can veto that network's slashes: high.
    const B = m.scenario.symbiotic!.vaults.find((v) => v.name === 'B')!;
    const withResolver = m.scenario.symbiotic!.networks.flatMap((n) => n.resolvers.filter((r) => r.vault === B.address).map((r) => `${n.address}/${r.identifier}`));
    expect(B.slasherType).toBe('veto');
    expect(B.networks.some((n) => !withResolver.includes(`${n.network}/${n.identifier}`))).toBe(true);
    expect(vaultB!.rules['slashing-veto']).toBe('high');
    await expectEngineGrade(chips.find((c) => c.address === lc('network-1')), { kind: 'symbiotic-network', address: values['network-1'] as `0x${string}` });
    await expectEngineGrade(chips.find((c) => c.address === lc('network-2')), { kind: 'symbiotic-network', address: values['network-2'] as `0x${string}` });
    await expectEngineGrade(chips.find((c) => c.address === lc('operator-1')), { kind: 'symbiotic-operator', address: values['operator-1'] as `0x${string}` });
    expect(chips.some((c) => c.address === lc('curator'))).toBe(false);

    await page.goto(Object.keys(pages)[1]!);
    chips = await chipsWhen(page, 3);
    await expectEngineGrade(chips.find((c) => c.address === lc('karakVault1')), { kind: 'karak-vault', address: values.karakVault1 as `0x${string}` });
    await expectEngineGrade(chips.find((c) => c.address === lc('karakDss1')), { kind: 'karak-dss', address: values.karakDss1 as `0x${string}` });
    await expectEngineGrade(chips.find((c) => c.address === lc('karakDss2')), { kind: 'karak-dss', address: values.karakDss2 as `0x${string}` });

    await page.goto(Object.keys(pages)[2]!);
    chips = await chipsWhen(page, 2);
    await expectEngineGrade(chips.find((c) => c.address === lc('operator-2')), { kind: 'eigenlayer-operator', address: values['operator-2'] as `0x${string}` });
    // EigenDA is a mainnet registry entry; mainnet is not enabled in the e2e build: registry-only, unknown, with the reason.
    const eigenda = chips.find((c) => c.address === EIGENDA)!;
    expect(eigenda).toMatchObject({ kind: 'eigenlayer-avs', grade: 'unknown', text: 'Risk: unknown' });
    await focusBadge(page, eigenda.badgeBackendId);
    await expect.poll(async () => (await readShadowUi(page)).chips.find((c) => c.address === EIGENDA)?.tip?.links ?? []).toEqual([`https://etherscan.io/address/0x870679E138bCdf293b7Ff14dD44b70FC97e12fc0`]);
    expect((await readShadowUi(page)).chips.find((c) => c.address === EIGENDA)!.tip!.text).toMatch(/EigenDA[\s\S]*not enabled/);

    await page.goto(Object.keys(pages)[3]!);
    chips = await chipsWhen(page, 1);
    const vaultA = chips[0]!;
    await expectEngineGrade(vaultA, { kind: 'symbiotic-vault', address: values.vaultA as `0x${string}` });
    // Hand-derived: vault A's slasher is instant, so nobody can veto a slash.
    expect(vaultA.rules['slashing-veto']).toBe('high');
  });

  test('the page notice appears for an entity a tracked address is exposed to, and names no tracked address', async ({ context, popup }) => {
    const avs2 = `${EL}/avs/${lc('avs-2')}`;
    const op2 = `${EL}/operator/${lc('operator-2')}`;
    await serveSites(context, { [avs2]: 'eigenlayer-avs.html', [op2]: 'eigenlayer-operator.html' }, values);
    const page = await context.newPage();
    await page.goto(avs2);
    await chipsWhen(page, 3);
    expect((await readShadowUi(page)).notices).toEqual([]);

    // staker-1 is delegated to operator-1, which avs-2's redistributing set 1 can slash.
    await trackStaker1(popup);
    await expect.poll(async () => (await readShadowUi(page)).notices.length, { timeout: 30_000 }).toBe(1);
    const [notice] = (await readShadowUi(page)).notices;
    expect(notice).toMatch(/addresses you track have stake exposed to this EigenLayer AVS/);
    for (const a of m.actors.filter((x) => x.role === 'staker')) {
      expect(notice!.toLowerCase()).not.toContain(a.address.toLowerCase());
      expect(notice!.toLowerCase()).not.toContain(a.address.slice(2, 8).toLowerCase());
    }
    expect(notice).not.toMatch(/\d+(\.\d+)?\s*(ETH|stETH|rETH)/);

    // operator-2 is not staker-1's EigenLayer operator: no notice there.
    await page.goto(op2);
    await chipsWhen(page, 3);
    await page.waitForTimeout(1_500);
    expect((await readShadowUi(page)).notices).toEqual([]);
  });

  test('SPA navigation annotates the new content; per-site off removes every chip and on brings them back', async ({ context, popup, worker }) => {
    await trackStaker1(popup);
    await serveSites(context, { [`${EL}/operators`]: 'spa.html' }, values);
    const page = await context.newPage();
    await page.goto(`${EL}/operators`);
    let chips = await chipsWhen(page, 1);
    expect(chips[0]!.address).toBe(lc('operator-1'));
    expect((await readShadowUi(page)).notices).toEqual([]);

    await page.click('#go');
    // New URL (pushState, no load) and late content: operator-2's chip, operator-1's chip gone with its node,
    // and the notice for the AVS page staker-1 is exposed to.
    await expect.poll(async () => (await readShadowUi(page)).chips.map((c) => c.address), { timeout: 30_000 }).toEqual([lc('operator-2')]);
    expect(page.url()).toBe(`${EL}/avs/${lc('avs-2')}`);
    await expect.poll(async () => (await readShadowUi(page)).notices.length, { timeout: 30_000 }).toBe(1);

    await setSite(worker, 'app.eigenlayer.xyz', false);
    await expect.poll(async () => {
      const ui = await readShadowUi(page);
      return ui.chips.length + ui.notices.length;
    }, { timeout: 15_000 }).toBe(0);
    // Late content while off stays bare.
    await page.evaluate((a) => document.body.append(Object.assign(document.createElement('p'), { textContent: a })), values['avs-1']!);
    await page.waitForTimeout(1_000);
    expect((await readShadowUi(page)).chips).toEqual([]);

    await setSite(worker, 'app.eigenlayer.xyz', true);
    chips = await chipsWhen(page, 2);
    expect(chips.map((c) => c.address).sort()).toEqual([lc('avs-1'), lc('operator-2')].sort());
  });

  test('a hostile page reads nothing, spoofs nothing and runs nothing', async ({ context, popup }) => {
    await trackStaker1(popup);
    const url = `https://app.symbiotic.fi/network/${values['network-1']}`;
    const extensionId = new URL(popup.url()).host;
    await serveSites(context, { [url]: 'hostile.html' }, { ...values, extensionId });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    // operator-1 (text), vault A (text of a javascript: link, whose href is ignored), vault B (text).
    const chips = await chipsWhen(page, 3);
    expect(chips.map((c) => c.address).sort()).toEqual([lc('operator-1'), lc('vaultA'), lc('vaultB')].sort());
    // staker-1 is exposed to network-1 through vault A: the notice is shown to the user.
    await expect.poll(async () => (await readShadowUi(page)).notices.length, { timeout: 30_000 }).toBe(1);
    // Open a tooltip so reasons and evidence are in the shadow DOM while the page probes.
    await focusBadge(page, chips.find((c) => c.address === lc('vaultA'))!.badgeBackendId);
    await page.waitForTimeout(1_000);

    const probe = await page.evaluate(() => (window as unknown as { __probe(): Record<string, unknown> }).__probe());
    const text = String(probe.text);
    for (const secret of ['Risk:', 'Funds can be lost', 'exposed', 'Restake Companion', 'high', 'medium']) expect(text).not.toContain(secret);
    for (const s of m.actors.filter((a) => a.role === 'staker')) expect(text.toLowerCase()).not.toContain(s.address.toLowerCase());
    expect(probe.readableRoots).toBe(0);
    expect(probe.capturedRoots).toBe(0);
    expect(probe.capturedText).toBe('');
    expect(probe.pwned).toBe(0);
    expect(dialogs).toEqual([]);
    // Only the page's own spoofs were posted; the annotator never speaks on window messaging.
    const messages = probe.messages as string[];
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((x) => !/answers|exposed|Risk|Funds|"on":true/.test(x))).toBe(true);
    expect(probe.sendMessage === null || typeof probe.sendMessage === 'string').toBe(true);
    // The spoofed {t:'site', on:false} did not switch the annotator off.
    const ui = await readShadowUi(page);
    expect(ui.chips).toHaveLength(3);
    expect(ui.openRoots).toBe(0);
    expect(ui.closedRoots).toBe(4);
  });
});
