// `npm run demo [-- --headless]`: the product on the embedded default. Starts the devnet with its
// seeded scenario, builds the extension against it, starts Chromium with the extension loaded,
// tracks the seeded stakers through the popup, and (headless) writes popup screenshots to a folder
// it prints. Stays up until Ctrl-C.
import { chromium } from '@playwright/test';
import { createTestClient, http, parseAbi, publicActions, walletActions, type Address } from 'viem';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevnet } from '../lib/devnet/start-devnet.js';
import { ensureChromium } from './find-chromium.js';

const args = process.argv.slice(2);
let headless = args.includes('--headless');
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: running headless (pass --headless to silence this).');
  headless = true;
}

const devnet = await startDevnet({ manifestPath: resolve('.cache/demo/devnet-manifest.json') });
console.log(`Devnet: ${devnet.rpcUrl} (chain ${devnet.manifest.chainId}); manifest ${devnet.manifestPath}`);
const outDir = resolve('.output/demo');
console.log('Building the extension against the devnet…');
execFileSync('npx', ['wxt', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, RESTAKE_DEVNET_MANIFEST: devnet.manifestPath, RESTAKE_FAST_ALARMS: '1', RESTAKE_OUT_DIR: outDir },
});
const extensionDir = join(outDir, 'chrome-mv3');
const executablePath = ensureChromium();
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rc-demo-')), {
  executablePath,
  headless,
  viewport: { width: 420, height: 900 },
  args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const popup = await context.newPage();
await popup.goto(`chrome-extension://${extensionId}/popup.html`);

const stakers = (devnet.manifest.actors as { role: string; name: string; address: string }[]).filter((a) => a.role === 'staker');
for (const s of stakers) {
  await popup.getByTestId('address-input').fill(s.address);
  await popup.getByTestId('label-input').fill(s.name).catch(() => undefined);
  await popup.getByTestId('address-submit').click();
  await popup.getByTestId(`address-${s.address}`).waitFor();
}
await popup.getByTestId('position').first().waitFor({ timeout: 30_000 });

// Claimable EigenLayer rewards need the opt-in rewards API: the demo turns on the devnet's local
// Sidecar-shaped API through the options page, as a user would.
if (devnet.sidecarUrl) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const form = options.getByTestId(`rewards-api-${devnet.manifest.chainId}`);
  await form.getByTestId('rewards-api-enabled').check();
  await form.getByTestId('rewards-api-url').fill(devnet.sidecarUrl);
  await form.getByTestId('save-rewards-api').click();
  await form.getByTestId('rewards-api-status').filter({ hasText: 'On:' }).waitFor({ timeout: 10_000 });
  await options.close();
  await popup.bringToFront();
  console.log(`Rewards API (devnet, opt-in) turned on: ${devnet.sidecarUrl}`);
  await popup.locator('[data-testid="eigenlayer-rewards"][data-status="verified"]').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
}
await popup.waitForTimeout(500);

if (headless) {
  const shots = resolve('demo-screenshots', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(shots, { recursive: true });
  await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: true });
  // The rewards of the first staker alone: base yield beside restaking rewards.
  await popup.locator('[data-testid^="rewards-"]').first().screenshot({ path: join(shots, 'rewards.png') }).catch(() => undefined);
  writeFileSync(join(shots, 'manifest.json'), JSON.stringify(devnet.manifest, null, 2));
  console.log(`Screenshots of the popup: ${shots}`);
} else {
  console.log(`Chromium is open with Restake Companion (id ${extensionId}); the popup tab tracks the seeded stakers.`);
}
console.log(`Extension build: ${extensionDir}.`);

// A newcomer should see what the product is for: a few seconds in, an AVS slashes operator-1, and the
// extension raises a system notification, a badge and an inbox alert for the stakers it affects.
setTimeout(() => void demoSlash().catch((e: unknown) => console.error('Demo slash failed:', (e as Error).message)), 8_000);
console.log('In about 8 s an AVS slashes operator-1 on the devnet; watch for the notification. Press Ctrl-C to stop.');

async function demoSlash() {
  const m = devnet.manifest as unknown as {
    actors: { name: string; address: Address }[];
    contracts: { eigenlayer: { allocationManager: Address }; tokens: { symbol: string; strategy: Address }[] };
    scenario: { operatorSets: { avs: Address; id: number; slasher: Address; strategies: Address[]; members: Address[]; redistributing: boolean }[] };
  };
  const operator = m.actors.find((a) => a.name === 'operator-1')!.address;
  const set = m.scenario.operatorSets.find((s) => !s.redistributing && s.members.includes(operator))!;
  const strategy = m.contracts.tokens.map((t) => t.strategy).find((s) => set.strategies.includes(s))!;
  const client = createTestClient({ mode: 'anvil', transport: http(devnet.rpcUrl), cacheTime: 0 }).extend(publicActions).extend(walletActions);
  await client.setBalance({ address: set.slasher, value: 10n ** 19n });
  await client.impersonateAccount({ address: set.slasher });
  const hash = await client.writeContract({
    account: set.slasher,
    chain: null,
    gas: 3_000_000n,
    address: m.contracts.eigenlayer.allocationManager,
    abi: parseAbi([
      'struct SlashingParams { address operator; uint32 operatorSetId; address[] strategies; uint256[] wadsToSlash; string description; }',
      'function slashOperator(address avs, SlashingParams params) returns (uint256, uint256[])',
    ]),
    functionName: 'slashOperator',
    args: [set.avs, { operator, operatorSetId: set.id, strategies: [strategy], wadsToSlash: [10n ** 17n], description: 'demo: 10 % of the allocation' }],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  console.log(`Slashed operator-1 in block ${receipt.blockNumber} (${receipt.status}).`);
  if (headless) {
    await popup.getByTestId('alert').first().waitFor({ timeout: 60_000 });
    await popup.reload();
    await popup.getByTestId('alert').first().waitFor({ timeout: 30_000 });
    const shots = resolve('demo-screenshots', `after-slash-${Date.now()}`);
    mkdirSync(shots, { recursive: true });
    await popup.screenshot({ path: join(shots, 'popup-alerts.png'), fullPage: true });
    console.log(`Screenshot with the slashing alert: ${join(shots, 'popup-alerts.png')}`);
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => undefined);
  await devnet.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
