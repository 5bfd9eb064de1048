// Alerts end to end: the extension tracks staker-1; the test slashes operator-1 in avs-1's operator
// set 0 on the devnet (anvil, impersonating the slasher); within a few refresh periods there is a
// system notification, a positive badge and the alert in the popup with the amount derived here
// independently (withdrawable shares before/after, converted with sharesToUnderlyingView, read with
// plain viem calls); acknowledging it lowers the badge.
import { createTestClient, http, parseAbi, publicActions, walletActions, type Address, type Hex } from 'viem';
import { readManifest } from './support/expected.js';
import { expect, test } from './support/fixtures.js';

// The extension APIs as seen inside the page / service worker evaluated below (only the calls used).
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  action: { getBadgeText(d: object): Promise<string> };
};

const amAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'struct SlashingParams { address operator; uint32 operatorSetId; address[] strategies; uint256[] wadsToSlash; string description; }',
  'function getAllocation(address, OperatorSet, address) view returns (Allocation)',
  'function slashOperator(address avs, SlashingParams params) returns (uint256, uint256[])',
]);
const dmAbi = parseAbi(['function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)']);
const strategyAbi = parseAbi(['function sharesToUnderlyingView(uint256) view returns (uint256)']);
const BEACON = '0xbeac0eeeeeeeeeeeeeeeeeeeeeeeeeeeeeebeac0';

interface AlertsManifest {
  contracts: { eigenlayer: { delegationManager: Address; allocationManager: Address } };
  scenario: { operatorSets: { avs: Address; id: number; slasher: Address; strategies: Address[] }[] };
}

test('a slash of the tracked staker\'s operator: notification, badge, inbox with the exact amount, acknowledge', async ({ popup, worker, ctx }) => {
  test.setTimeout(120_000);
  const manifest = readManifest(ctx.manifestPath) as ReturnType<typeof readManifest> & AlertsManifest;
  const actor = (name: string) => manifest.actors.find((a) => a.name === name)!.address;
  const staker = actor('staker-1');
  const operator = actor('operator-1');
  const avs = actor('avs-1');
  const set = manifest.scenario.operatorSets.find((s) => s.avs.toLowerCase() === avs.toLowerCase() && s.id === 0)!;
  const el = manifest.contracts.eigenlayer;
  const c = createTestClient({ mode: 'anvil', transport: http(ctx.rpcUrl) }).extend(publicActions).extend(walletActions);

  // Track staker-1 and refresh every 2 s (fast-alarm build).
  await popup.getByTestId('address-input').fill(staker);
  await popup.getByTestId('address-submit').click();
  await expect(popup.getByTestId(`address-${staker}`)).toBeVisible();
  expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'setRefreshPeriod', seconds: 2 }))).toMatchObject({ ok: true });

  // Let the first scan (from block 0 on the devnet: the seeded slash may raise alerts) reach the head,
  // then forget its notifications, so what follows is the new slash's.
  const head0 = Number(await c.getBlockNumber());
  const cursor = () => worker.evaluate(async () => ((await chrome.storage.local.get('alerts')).alerts as { cursors?: Record<string, { nextBlock: number }> } | undefined)?.cursors?.['31337']?.nextBlock ?? 0);
  await expect.poll(cursor, { timeout: 30_000 }).toBeGreaterThan(head0);
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });

  // A strategy of the set that operator-1 has allocated to and staker-1 holds.
  const candidates = set.strategies.filter((s) => s.toLowerCase() !== BEACON);
  const [held] = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getWithdrawableShares', args: [staker, candidates] });
  let strategy: Address | undefined;
  for (const [i, s] of candidates.entries()) {
    const alloc = await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getAllocation', args: [operator, { avs, id: 0 }, s] });
    if (alloc.currentMagnitude > 0n && held[i]! > 0n) strategy = s;
  }
  expect(strategy, 'a slashable strategy held by staker-1').toBeDefined();

  // The slash: 10 % of operator-1's allocation, sent by the impersonated slasher with explicit gas.
  await c.setBalance({ address: set.slasher, value: 10n ** 19n });
  await c.impersonateAccount({ address: set.slasher });
  let hash: Hex;
  try {
    hash = await c.writeContract({
      account: set.slasher,
      chain: null,
      gas: 3_000_000n,
      address: el.allocationManager,
      abi: amAbi,
      functionName: 'slashOperator',
      args: [avs, { operator, operatorSetId: 0, strategies: [strategy!], wadsToSlash: [10n ** 17n], description: 'e2e alert test' }],
    });
  } finally {
    await c.stopImpersonatingAccount({ address: set.slasher });
  }
  const receipt = await c.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  const block = receipt.blockNumber;

  // Independent amount: staker-1's withdrawable shares at block-1 and block, in underlying.
  const shares = async (n: bigint) => (await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'getWithdrawableShares', args: [staker, [strategy!]], blockNumber: n }))[0][0]!;
  const [before, after] = [await shares(block - 1n), await shares(block)];
  expect(after).toBeLessThan(before);
  const underlying = (s: bigint, n: bigint) => c.readContract({ address: strategy!, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [s], blockNumber: n });
  const expectedLost = (await underlying(before, block - 1n)) - (await underlying(after, block));
  expect(expectedLost).toBeGreaterThan(0n);

  // A notification within ~30 s, and a positive badge.
  await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).length), { timeout: 30_000 }).toBeGreaterThan(0);
  const badge = () => worker.evaluate(async () => Number((await chrome.action.getBadgeText({})) || '0'));
  await expect.poll(badge).toBeGreaterThan(0);

  // The popup shows the alert: kind slash, the right amount, the right block.
  const alert = popup.locator(`[data-testid="alert"][data-alert-id^="31337:${hash.toLowerCase()}:"][data-alert-id$=":${staker.toLowerCase()}"]`);
  await expect(alert).toHaveCount(1, { timeout: 30_000 });
  await expect(alert).toHaveAttribute('data-kind', 'slash');
  await expect(alert).toHaveAttribute('data-amount', expectedLost.toString());
  await expect(alert).toHaveAttribute('data-status', /^(unconfirmed|confirmed)$/);
  await expect(alert.getByTestId('alert-block')).toContainText(Number(block).toLocaleString('en-US'));
  const id = (await alert.getAttribute('data-alert-id'))!;
  const notified = await worker.evaluate(async () => ((await chrome.storage.local.get('alerts')).alerts as { notified: string[] }).notified);
  expect(notified).toContain(id);

  // Acknowledge: the badge goes down by one, the button disappears.
  const unread = await badge();
  await alert.getByTestId('alert-ack').click();
  await expect.poll(badge).toBe(unread - 1);
  await expect(alert.getByTestId('alert-ack')).toHaveCount(0);
});
