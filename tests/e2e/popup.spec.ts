import { expectedPositions, expectedVaultAmounts, readManifest } from './support/expected.js';
import { expect, test } from './support/fixtures.js';

test.describe('popup with the devnet', () => {
  test('adding a seeded staker shows its exact amounts at the block shown', async ({ popup, ctx }) => {
    const manifest = readManifest(ctx.manifestPath);
    const staker = manifest.actors.find((a) => a.role === 'staker')!;
    await popup.getByTestId('address-input').fill(staker.address.toLowerCase());
    await popup.getByTestId('address-submit').click();
    const section = popup.getByTestId(`address-${staker.address}`);
    await expect(section).toBeVisible();
    // The independent expectations below are EigenLayer's (DelegationManager reads); the same staker
    // may also hold Symbiotic / Karak positions on the devnet, shown in their own protocol sections.
    const rows = section.locator('[data-testid="position"][data-protocol="eigenlayer"]');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });

    // The block the popup shows is the block the expected figures are read at.
    const freshness = await popup.getByTestId('freshness').innerText();
    const block = BigInt(/block\s*([\d,]+)/i.exec(freshness)![1]!.replace(/,/g, ''));
    const expected = await expectedPositions(ctx.rpcUrl, manifest, staker.address, block);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await rows.evaluateAll((els) => els.map((e) => ({ symbol: e.getAttribute('data-symbol'), amount: e.getAttribute('data-amount') })));
    expect(shown.map((r) => `${r.symbol}:${r.amount}`).sort()).toEqual(expected.map((r) => `${r.symbol}:${r.amount}`).sort());
    // The formatted text is shown too, not only the attribute.
    await expect(rows.first()).toContainText(/\d/);
  });

  test('one address shows EigenLayer, Symbiotic and Karak side by side, with totals', async ({ popup, ctx }) => {
    const manifest = readManifest(ctx.manifestPath);
    const staker = manifest.actors.find((a) => a.name === 'staker-1')!;
    await popup.getByTestId('address-input').fill(staker.address);
    await popup.getByTestId('address-submit').click();
    const section = popup.getByTestId(`address-${staker.address}`);
    for (const protocol of ['eigenlayer', 'symbiotic', 'karak']) {
      await expect(section.locator(`[data-testid="position"][data-protocol="${protocol}"]`).first()).toBeVisible({ timeout: 30_000 });
    }
    const freshness = await popup.getByTestId('freshness').innerText();
    const block = BigInt(/block\s*([\d,]+)/i.exec(freshness)![1]!.replace(/,/g, ''));
    const shownVaults = await section
      .locator('[data-testid="position"]:not([data-protocol="eigenlayer"])')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-protocol')}:${e.getAttribute('data-amount')}`));
    expect(shownVaults.sort()).toEqual(await expectedVaultAmounts(ctx.rpcUrl, manifest, staker.address, block));
    // Totals add every protocol's rows of the same asset.
    const rows = await section.getByTestId('position').evaluateAll((els) => els.map((e) => [e.getAttribute('data-symbol')!, BigInt(e.getAttribute('data-amount')!)] as const));
    const totals = await section.getByTestId('total').evaluateAll((els) => els.map((e) => [e.getAttribute('data-symbol')!, e.getAttribute('data-amount')!] as const));
    for (const [symbol, amount] of totals) {
      expect(BigInt(amount)).toBe(rows.filter(([s]) => s === symbol).reduce((n, [, a]) => n + a, 0n));
    }
    expect(totals.length).toBeGreaterThan(0);
  });

  test('an unreachable RPC keeps the values and marks them stale', async ({ popup, ctx }) => {
    const manifest = readManifest(ctx.manifestPath);
    const staker = manifest.actors.filter((a) => a.role === 'staker')[1]!;
    await popup.getByTestId('address-input').fill(staker.address);
    await popup.getByTestId('address-submit').click();
    const rows = popup.getByTestId(`address-${staker.address}`).getByTestId('position');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const before = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-amount')));

    await fetch(`${ctx.proxyUrl}/__proxy/down`);
    try {
      await popup.getByTestId('refresh').click();
      await expect(popup.getByTestId('stale-banner')).toBeVisible({ timeout: 30_000 });
      const after = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-amount')));
      expect(after).toEqual(before);
    } finally {
      await fetch(`${ctx.proxyUrl}/__proxy/up`);
    }
    // Back up: the next refresh clears the stale mark.
    await popup.getByTestId('refresh').click();
    await expect(popup.getByTestId('stale-banner')).toBeHidden({ timeout: 30_000 });
  });

  test('an invalid address is refused with the reason and nothing is added', async ({ popup }) => {
    await popup.getByTestId('address-input').fill('0x1234');
    await popup.getByTestId('address-submit').click();
    await expect(popup.getByTestId('address-error')).toContainText(/40 hex/i);
    await expect(popup.locator('[data-testid^="address-0x"]')).toHaveCount(0);
  });

  test('a duplicate address is refused', async ({ popup, ctx }) => {
    const staker = readManifest(ctx.manifestPath).actors.find((a) => a.role === 'staker')!;
    await popup.getByTestId('address-input').fill(staker.address);
    await popup.getByTestId('address-submit').click();
    await expect(popup.getByTestId(`address-${staker.address}`)).toBeVisible();
    await popup.getByTestId('address-input').fill(staker.address.toLowerCase());
    await popup.getByTestId('address-submit').click();
    await expect(popup.getByTestId('address-error')).toContainText(/already/i);
    await expect(popup.getByTestId(`address-${staker.address}`)).toHaveCount(1);
  });
});
