// `npm run demo [-- --headless]`: the product on the embedded default. Starts the devnet with its
// seeded scenario, builds the extension against it, starts Chromium with the extension loaded,
// tracks the seeded stakers through the popup, and (headless) writes popup screenshots to a folder
// it prints. Stays up until Ctrl-C.
import { chromium } from '@playwright/test';
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
await popup.waitForTimeout(500);

if (headless) {
  const shots = resolve('demo-screenshots', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(shots, { recursive: true });
  await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: true });
  writeFileSync(join(shots, 'manifest.json'), JSON.stringify(devnet.manifest, null, 2));
  console.log(`Screenshots of the popup: ${shots}`);
} else {
  console.log(`Chromium is open with Restake Companion (id ${extensionId}); the popup tab tracks the seeded stakers.`);
}
console.log(`Extension build: ${extensionDir}. Press Ctrl-C to stop.`);

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
