// The risk engine's verdicts in the popup: a tracked staker's positions carry a grade in words, and
// "Why?" opens the reasons. Expected facts come from the manifest: operator-1 (staker-1's operator)
// is a member of avs-2's redistributing operator set, so the redistribution rule must be high there.
import { readFileSync } from 'node:fs';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { expect, test } from './support/fixtures.js';

test('positions show their risk grade and reasons, with the redistributing set graded high', async ({ popup, ctx }) => {
  const m = JSON.parse(readFileSync(ctx.manifestPath, 'utf8')) as DevnetManifest;
  const actor = (n: string) => m.actors.find((a) => a.name === n)!.address;
  const staker = actor('staker-1');
  const operator = actor('operator-1');
  const redistributing = m.scenario.operatorSets.filter((s) => s.redistributing && s.members.some((x) => x.toLowerCase() === operator.toLowerCase()));
  expect(redistributing.length).toBeGreaterThan(0);

  await popup.getByTestId('address-input').fill(staker);
  await popup.getByTestId('address-submit').click();
  const row = popup.getByTestId(`address-${staker}`).locator(`[data-testid="position"][data-protocol="eigenlayer"][data-operator="${operator}"]`).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const risk = row.getByTestId('position-risk');
  // Entities are assessed a few per refresh, so the grade may read "unknown" first; a redistributing
  // set makes the position's overall grade high (worst of its entities) once it is assessed.
  await expect(risk).toHaveAttribute('data-grade', 'high', { timeout: 45_000 });
  await expect(risk).toContainText('high');

  const why = risk.getByTestId('risk-why');
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const details = risk.getByTestId('risk-details');
  await expect(details).toBeVisible();
  const reasons = details.locator('[data-testid="risk-reason"][data-rule="slashing-redistribution"][data-grade="high"]');
  await expect(reasons.first()).toBeVisible();
  await expect(reasons.first()).toContainText('Funds can be lost if');
});
