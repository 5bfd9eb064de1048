// The low-risk skip path in real Chromium. A fresh operator is registered on the devnet with no
// allocation, so (read from the chain by this test) no operator set and hence no slasher can reach
// stake delegated to it; the only rule that is not low for it is tenure (it registered moments ago),
// which the user relaxes in Options -> Risk rules. Then: the dialog grades the delegation low and
// offers "don't ask again for low risk on this site"; ticked + Proceed, the origin shows in Options;
// the next low-risk delegation on that origin goes to the wallet without a dialog, a high-risk one
// (operator-1, allocated to instant slashers) still shows it, and removing the origin restores it.
import { createPublicClient, createTestClient, encodeFunctionData, getAddress, http, parseAbi, parseEther, zeroAddress, zeroHash, type Address } from 'viem';
import type { Page } from '@playwright/test';
import { dappCall, freshAccount, manifestAt, openDapp, ORIGIN, receiptOf, sendRaw } from './fixtures/dapp/dapp-page.js';
import { GuardUi } from './fixtures/dapp/dialog-cdp.js';
import { expect, test } from './support/fixtures.js';

const dm = parseAbi([
  'struct SignatureWithExpiry { bytes signature; uint256 expiry; }',
  'function delegateTo(address operator, SignatureWithExpiry approverSignatureAndExpiry, bytes32 approverSalt)',
  'function registerAsOperator(address initDelegationApprover, uint32 allocationDelay, string metadataURI)',
  'function isOperator(address) view returns (bool)',
  'function delegatedTo(address) view returns (address)',
]);
const am = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'function getAllocatedSets(address operator) view returns (OperatorSet[])',
  'function getSlasher(OperatorSet operatorSet) view returns (address)',
]);
const delegate = (op: Address) => encodeFunctionData({ abi: dm, functionName: 'delegateTo', args: [op, { signature: '0x', expiry: 0n }, zeroHash] });

async function options(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('risk-rules')).toBeVisible();
}

test('a low-risk delegation offers "don\'t ask again" for the site; then low risk passes silently, high risk still asks, and the site is listed and removable in Options', async ({ context, ctx, extensionId }) => {
  test.setTimeout(180_000);
  const manifest = manifestAt(ctx.manifestPath);
  const el = manifest.contracts.eigenlayer;
  const pub = createPublicClient({ transport: http(ctx.rpcUrl), cacheTime: 0 });

  // A new operator, registered straight on the devnet (allocation delay 0, no approver).
  const op = getAddress(`0x${'0'.repeat(30)}0fe5${(Date.now() % 1e6).toString(16).padStart(6, '0')}`);
  const t = createTestClient({ mode: 'anvil', transport: http(ctx.rpcUrl), cacheTime: 0 });
  await t.impersonateAccount({ address: op });
  await t.setBalance({ address: op, value: parseEther('1') });
  await sendRaw(ctx.rpcUrl, op, el.delegationManager, encodeFunctionData({ abi: dm, functionName: 'registerAsOperator', args: [zeroAddress, 0, 'https://fresh-operator.invalid/metadata.json'] }));
  // The facts the low grade rests on, read here: an operator with no allocated set has no slasher.
  expect(await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'isOperator', args: [op] })).toBe(true);
  expect(await pub.readContract({ address: el.allocationManager, abi: am, functionName: 'getAllocatedSets', args: [op] })).toEqual([]);
  // And the high-risk contrast: operator-1 is allocated to sets whose slasher is set.
  const op1 = manifest.actors.find((a) => a.name === 'operator-1')!.address;
  const op1Sets = await pub.readContract({ address: el.allocationManager, abi: am, functionName: 'getAllocatedSets', args: [op1] });
  expect(op1Sets.length).toBeGreaterThan(0);
  for (const s of op1Sets) expect(await pub.readContract({ address: el.allocationManager, abi: am, functionName: 'getSlasher', args: [s] })).not.toBe(zeroAddress);

  // Options -> Risk rules: the operator registered seconds ago; with tenure limits of 0 days its age is no longer graded.
  const opts = await context.newPage();
  await options(opts, extensionId);
  await opts.getByTestId('threshold-operator-tenure.mediumBelowDays').fill('0');
  await opts.getByTestId('threshold-operator-tenure.highBelowDays').fill('0');
  await opts.getByTestId('save-thresholds').click();
  await expect(opts.getByTestId('thresholds-status')).toHaveText(/Thresholds saved/);
  await expect(opts.getByTestId('skip-origins-empty')).toBeVisible();

  const [a, b, c, d] = [await freshAccount(ctx.rpcUrl, manifest, [], 'e2e1'), await freshAccount(ctx.rpcUrl, manifest, [], 'e2e1'), await freshAccount(ctx.rpcUrl, manifest, [], 'e2e1'), await freshAccount(ctx.rpcUrl, manifest, [], 'e2e1')];
  const page = await context.newPage();
  await openDapp(page, ctx.rpcUrl);
  const ui = await GuardUi.attach(page);

  // 1. Low risk: the dialog says so and offers the checkbox; ticked (a real click) and Proceed.
  const first = dappCall(page, 'send', { from: a, to: el.delegationManager, data: delegate(op) });
  const [grade] = await ui.waitFor('tx-grade');
  expect(grade!.attrs['data-grade']).toBe('low');
  expect(await ui.byTestId('tx-no-services')).toHaveLength(1);
  expect(await ui.byTestId('tx-service')).toHaveLength(0);
  await ui.click('tx-remember');
  await ui.click('tx-proceed');
  expect((await receiptOf(ctx.rpcUrl, (await first).hash!)).status).toBe('success');
  expect(await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'delegatedTo', args: [a] })).toBe(op);

  // 2. The site is listed in Options -> Transaction warnings.
  await expect(async () => {
    await options(opts, extensionId);
    await expect(opts.locator(`[data-testid="skip-origin"][data-origin="${ORIGIN}"]`)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // 3. The next low-risk call on this site goes to the wallet without a dialog (and not because the check failed: no notice).
  const second = await dappCall(page, 'send', { from: b, to: el.delegationManager, data: delegate(op) });
  expect((await receiptOf(ctx.rpcUrl, second.hash!)).status).toBe('success');
  expect(await ui.hostCount('rc-tx-guard')).toBe(0);
  expect(await ui.hostCount('rc-tx-guard-notice')).toBe(0);
  expect(await pub.readContract({ address: el.delegationManager, abi: dm, functionName: 'delegatedTo', args: [b] })).toBe(op);

  // 4. A high-risk call on the same site still asks, without the checkbox; Cancel -> 4001.
  const risky = dappCall(page, 'send', { from: c, to: el.delegationManager, data: delegate(op1) });
  const [riskyGrade] = await ui.waitFor('tx-grade');
  expect(riskyGrade!.attrs['data-grade']).not.toBe('low');
  expect(await ui.byTestId('tx-remember')).toHaveLength(0);
  await ui.click('tx-cancel');
  expect((await risky).code).toBe(4001);

  // 5. Removed in Options, the site's low-risk calls show the dialog again.
  await options(opts, extensionId);
  await opts.getByRole('button', { name: `Remove ${ORIGIN}` }).click();
  await expect(opts.getByTestId('skip-origins-empty')).toBeVisible();
  const again = dappCall(page, 'send', { from: d, to: el.delegationManager, data: delegate(op) });
  const [againGrade] = await ui.waitFor('tx-grade');
  expect(againGrade!.attrs['data-grade']).toBe('low');
  await ui.click('tx-cancel');
  expect((await again).code).toBe(4001);
});
