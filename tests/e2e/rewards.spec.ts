// Rewards in the popup against the devnet: base yield beside restaking rewards; the rewards API off
// by default, turned on in Options, its proofs verified (and a tampered proof refused); a real
// processClaim with the proof the extension verified, after which the popup's claimed figure is
// cumulativeClaimed on chain. Expected figures come from raw contract reads and the scenario inputs.
import { createPublicClient, createWalletClient, encodeAbiParameters, http, parseAbi, type Address } from 'viem';
import { readFileSync } from 'node:fs';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { createSidecarClient } from '../../lib/rewards/eigenlayer/sidecar-client.js';
import { expect, test } from './support/fixtures.js';
import type { Page } from '@playwright/test';

const stakerRewardsAbi = parseAbi([
  'function claimable(address token, address account, bytes data) view returns (uint256)',
  'function rewardsLength(address token, address network) view returns (uint256)',
  'function lastUnclaimedReward(address account, address token, address network) view returns (uint256)',
]);
const rcAbi = parseAbi([
  'struct EarnerTreeMerkleLeaf { address earner; bytes32 earnerTokenRoot; }',
  'struct TokenTreeMerkleLeaf { address token; uint256 cumulativeEarnings; }',
  'struct RewardsMerkleClaim { uint32 rootIndex; uint32 earnerIndex; bytes earnerTreeProof; EarnerTreeMerkleLeaf earnerLeaf; uint32[] tokenIndices; bytes[] tokenTreeProofs; TokenTreeMerkleLeaf[] tokenLeaves; }',
  'function cumulativeClaimed(address earner, address token) view returns (uint256)',
  'function getCurrentClaimableDistributionRoot() view returns ((bytes32 root, uint32 rewardsCalculationEndTimestamp, uint32 activatedAt, bool disabled))',
  'function getRootIndexFromHash(bytes32 rootHash) view returns (uint32)',
  'function processClaim(RewardsMerkleClaim claim, address recipient)',
]);

const manifestOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as DevnetManifest;
const actor = (m: DevnetManifest, name: string) => m.actors.find((a) => a.name === name)!.address;

async function track(popup: Page, address: Address) {
  await popup.getByTestId('address-input').fill(address);
  await popup.getByTestId('address-submit').click();
  const section = popup.getByTestId(`address-${address}`);
  await expect(section.locator('[data-testid="rewards-31337"][data-block]')).toBeVisible({ timeout: 40_000 });
  return section;
}

async function enableRewardsApi(page: Page, extensionId: string, url: string, on: boolean) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const form = page.getByTestId('rewards-api-31337');
  await expect(form).toContainText('Off by default');
  const box = form.getByTestId('rewards-api-enabled');
  if ((await box.isChecked()) !== on) await box.click();
  await form.getByTestId('rewards-api-url').fill(url);
  await form.getByTestId('save-rewards-api').click();
  await expect(form.getByTestId('rewards-api-status')).toContainText(on ? 'On:' : 'Off:');
}

/** anvil mines only on transactions: one empty block makes "a newer read" observable. */
const mine = (rpcUrl: string) => fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'evm_mine', params: [] }) });

/** Refreshes until the rewards block shows the wanted claimable status, at a block newer than `after`. */
async function refreshUntil(popup: Page, rpcUrl: string, section: ReturnType<Page['getByTestId']>, status: string, after = 0n) {
  await expect(async () => {
    await mine(rpcUrl);
    await popup.getByTestId('refresh').click();
    const block = BigInt((await section.getByTestId('rewards-31337').getAttribute('data-block')) ?? '0');
    expect(block).toBeGreaterThan(after);
    await expect(section.getByTestId('eigenlayer-rewards')).toHaveAttribute('data-status', status, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}

test.describe('rewards with the devnet', () => {
  test('base yield and Symbiotic rewards side by side; EigenLayer claimable stays off until the user opts in', async ({ popup, ctx }) => {
    const m = manifestOf(ctx.manifestPath);
    const staker = actor(m, 'staker-1');
    const section = await track(popup, staker);
    const rewards = section.getByTestId('rewards-31337');
    // Both columns, with the LSTs the staker holds.
    await expect(rewards.getByTestId('base-yield').getByTestId('base-yield-row')).toHaveCount(2);
    await expect(rewards.getByTestId('restaking-rewards')).toBeVisible();
    await expect(rewards.getByTestId('eigenlayer-rewards')).toHaveAttribute('data-status', 'off');
    await expect(rewards.getByTestId('native-eth-yield')).toContainText('not measured');
    await expect(rewards.getByTestId('karak-value')).toContainText('paid off chain');

    // Every Symbiotic claimable figure equals the contract's claimable() at the block shown.
    const block = BigInt((await rewards.getAttribute('data-block'))!);
    const client = createPublicClient({ transport: http(ctx.rpcUrl) });
    const rows = await rewards.locator('[data-testid="symbiotic-rewards"]').evaluateAll((els) =>
      els.flatMap((v) => [...v.querySelectorAll('[data-testid="claimable-row"]')].map((r) => ({ vault: v.getAttribute('data-vault')!, network: r.getAttribute('data-network')!, token: r.getAttribute('data-token')!, amount: r.getAttribute('data-amount')! }))),
    );
    expect(rows.length).toBeGreaterThan(0);
    const contracts = m.scenario.rewards!.symbiotic!.contracts;
    for (const r of rows) {
      const rc = contracts.find((c) => c.vault.toLowerCase() === r.vault.toLowerCase())!.rewardsContract;
      const args = [r.token as Address, r.network as Address] as const;
      const length = await client.readContract({ address: rc, abi: stakerRewardsAbi, functionName: 'rewardsLength', args, blockNumber: block });
      const next = await client.readContract({ address: rc, abi: stakerRewardsAbi, functionName: 'lastUnclaimedReward', args: [staker, ...args], blockNumber: block });
      const data = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [r.network as Address, length - next]);
      const expected = await client.readContract({ address: rc, abi: stakerRewardsAbi, functionName: 'claimable', args: [r.token as Address, staker, data], blockNumber: block });
      expect(BigInt(r.amount)).toBe(expected);
    }
  });

  test('opt-in rewards API: verified claimable, a tampered proof refused, then a real claim shows as claimed', async ({ popup, ctx, context, extensionId }) => {
    const m = manifestOf(ctx.manifestPath);
    const staker = actor(m, 'staker-2');
    const rc = m.contracts.eigenlayer.rewardsCoordinator!;
    const client = createPublicClient({ transport: http(ctx.rpcUrl) });
    const section = await track(popup, staker);
    await expect(section.getByTestId('eigenlayer-rewards')).toHaveAttribute('data-status', 'off');

    const options = await context.newPage();
    await enableRewardsApi(options, extensionId, ctx.sidecarUrl, true);
    await popup.bringToFront();
    await refreshUntil(popup, ctx.rpcUrl, section, 'verified');

    // Claimable = the active root's cumulative earnings (scenario input) − cumulativeClaimed on chain.
    const rewards = section.getByTestId('rewards-31337');
    const block = BigInt((await rewards.getAttribute('data-block'))!);
    const active = await client.readContract({ address: rc, abi: rcAbi, functionName: 'getCurrentClaimableDistributionRoot', blockNumber: block });
    const index = await client.readContract({ address: rc, abi: rcAbi, functionName: 'getRootIndexFromHash', args: [active.root], blockNumber: block });
    const earned = m.scenario.rewards!.eigenlayer!.roots.find((r) => r.rootIndex === index)!.earnings.filter((e) => e.earner.toLowerCase() === staker.toLowerCase());
    expect(earned.length).toBeGreaterThan(0);
    const shown = await rewards.locator('[data-testid="claimable-row"][data-protocol="eigenlayer"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-token')!.toLowerCase()}:${e.getAttribute('data-amount')}`));
    const expected = await Promise.all(
      earned.map(async (e) => `${e.token.toLowerCase()}:${BigInt(e.cumulativeEarnings) - (await client.readContract({ address: rc, abi: rcAbi, functionName: 'cumulativeClaimed', args: [staker, e.token], blockNumber: block }))}`),
    );
    expect(shown.sort()).toEqual(expected.sort());

    // A lying API: the proof no longer hashes to the on-chain root, so nothing is shown as money.
    await fetch(`${ctx.sidecarUrl}/__sidecar/tamper`, { method: 'POST', body: JSON.stringify({ on: true }) });
    try {
      await refreshUntil(popup, ctx.rpcUrl, section, 'rejected', block);
      await expect(rewards.getByTestId('claim-refused')).toContainText('Not shown as money');
      await expect(rewards.locator('[data-testid="claimable-row"][data-protocol="eigenlayer"]')).toHaveCount(0);
    } finally {
      await fetch(`${ctx.sidecarUrl}/__sidecar/tamper`, { method: 'POST', body: JSON.stringify({ on: false }) });
    }
    await refreshUntil(popup, ctx.rpcUrl, section, 'verified', block);

    // A real claim with a proof from the same API (verified the same way); then claimed = cumulativeClaimed.
    const proof = await createSidecarClient({ baseUrl: ctx.sidecarUrl }).claimProof({ earnerAddress: staker, rootIndex: index });
    const wallet = createWalletClient({ transport: http(ctx.rpcUrl), account: staker });
    const hash = await wallet.writeContract({ chain: null, address: rc, abi: rcAbi, functionName: 'processClaim', args: [proof.claim as never, staker], gas: 1_000_000n });
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    await expect(async () => {
      await popup.getByTestId('refresh').click();
      const after = BigInt((await rewards.getAttribute('data-block'))!);
      expect(after).toBeGreaterThanOrEqual(receipt.blockNumber);
      const claimed = await rewards.getByTestId('claimed-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-token')!.toLowerCase()}:${e.getAttribute('data-amount')}`));
      const onChain = await Promise.all(earned.map(async (e) => `${e.token.toLowerCase()}:${await client.readContract({ address: rc, abi: rcAbi, functionName: 'cumulativeClaimed', args: [staker, e.token], blockNumber: after })}`));
      expect(claimed.sort()).toEqual(onChain.sort());
      expect(onChain.every((x) => !x.endsWith(':0'))).toBe(true);
    }).toPass({ timeout: 45_000 });
    await expect(rewards.locator('[data-testid="claimable-row"][data-protocol="eigenlayer"]')).toHaveCount(0);
    await expect(rewards.getByTestId('claimable-nothing')).toBeVisible();

    // CSV export carries the same figures.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(',eigenlayer,claimed,');
    await enableRewardsApi(options, extensionId, ctx.sidecarUrl, false);
  });
});
