// A pending Symbiotic veto slash end to end: the network's middleware requests a slash on the
// VetoSlasher vault where staker-1 holds stake; the popup shows the pending alert with its veto
// countdown; after the window the middleware executes it and the popup shows the outcome (the loss)
// while the request's countdown reads "ended".
import { createTestClient, http, parseAbi, publicActions, walletActions, type Address, type Hex } from 'viem';
import { readManifest } from './support/expected.js';
import { expect, test } from './support/fixtures.js';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const slasherAbi = parseAbi([
  'function requestSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes hints) returns (uint256)',
  'function executeSlash(uint256 slashIndex, bytes hints) returns (uint256)',
  'function slashRequestsLength() view returns (uint256)',
]);
const vaultAbi = parseAbi(['function activeBalanceOf(address) view returns (uint256)']);

interface VetoManifest {
  scenario: {
    symbiotic: {
      vaults: { address: Address; slasher: Address | null; slasherType: string; vetoDuration: number | null; networks: { network: Address; identifier: number; subnetwork: Hex }[] }[];
      networks: { name: string; address: Address; middleware: Address }[];
    };
  };
}

test('a pending Symbiotic veto slash shows its countdown, then its outcome', async ({ popup, ctx }) => {
  test.setTimeout(120_000);
  const manifest = readManifest(ctx.manifestPath) as ReturnType<typeof readManifest> & VetoManifest;
  const actor = (name: string) => manifest.actors.find((a) => a.name === name)!.address;
  const staker = actor('staker-1');
  const vault = manifest.scenario.symbiotic.vaults.find((v) => v.slasherType === 'veto')!;
  const network = manifest.scenario.symbiotic.networks.find((n) => n.name === 'network-1')!;
  const sn = vault.networks.find((n) => n.network === network.address && n.identifier === 0)!.subnetwork;
  const c = createTestClient({ mode: 'anvil', transport: http(ctx.rpcUrl), cacheTime: 0 }).extend(publicActions).extend(walletActions);
  expect(await c.readContract({ address: vault.address, abi: vaultAbi, functionName: 'activeBalanceOf', args: [staker] })).toBeGreaterThan(0n);

  await popup.getByTestId('address-input').fill(staker);
  await popup.getByTestId('address-submit').click();
  await expect(popup.getByTestId(`address-${staker}`)).toBeVisible();
  expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'setRefreshPeriod', seconds: 2 }))).toMatchObject({ ok: true });

  const send = async (functionName: 'requestSlash' | 'executeSlash', args: readonly unknown[]) => {
    await c.impersonateAccount({ address: network.middleware });
    await c.setBalance({ address: network.middleware, value: 10n ** 20n });
    const hash = await c.writeContract({ account: network.middleware, chain: null, gas: 3_000_000n, address: vault.slasher!, abi: slasherAbi, functionName, args } as never);
    const receipt = await c.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    return receipt;
  };

  // Request: captured a moment ago, inside the window the VetoSlasher accepts.
  await c.mine({ blocks: 1 });
  const capture = Number((await c.getBlock()).timestamp);
  await c.increaseTime({ seconds: 12 });
  const request = await send('requestSlash', [sn, actor('operator-1'), 10n ** 19n, capture, '0x']);
  const index = (await c.readContract({ address: vault.slasher!, abi: slasherAbi, functionName: 'slashRequestsLength' })) - 1n;

  const pending = popup.locator(`[data-testid="alert"][data-kind="slash-requested"][data-alert-id*="${request.transactionHash}"]`);
  await expect(pending.first()).toBeVisible({ timeout: 45_000 });
  await expect(pending.first().getByTestId('alert-countdown')).toContainText(/ends in/);
  expect(BigInt((await pending.first().getAttribute('data-amount'))!)).toBeGreaterThan(0n);

  // Outcome: after the veto window the middleware executes the slash.
  await c.increaseTime({ seconds: vault.vetoDuration! + 1 });
  await c.mine({ blocks: 1 });
  const before = await c.readContract({ address: vault.address, abi: vaultAbi, functionName: 'activeBalanceOf', args: [staker] });
  const executed = await send('executeSlash', [index, '0x']);
  const after = await c.readContract({ address: vault.address, abi: vaultAbi, functionName: 'activeBalanceOf', args: [staker], blockNumber: executed.blockNumber });
  expect(after).toBeLessThan(before);

  const outcome = popup.locator(`[data-testid="alert"][data-kind="slash"][data-alert-id*="${executed.transactionHash}"][data-alert-id*="${staker.toLowerCase()}"]`);
  await expect(outcome.first()).toBeVisible({ timeout: 45_000 });
  // The alert's first asset line is the active-stake loss, read here independently at block−1 and block.
  const lostOnActive = await outcome.first().locator('[data-testid="alert-asset"]').first().getAttribute('data-amount');
  expect(BigInt(lostOnActive!)).toBe(before - after);
  await expect(pending.first().getByTestId('alert-countdown')).toHaveText('ended', { timeout: 15_000 });
});
