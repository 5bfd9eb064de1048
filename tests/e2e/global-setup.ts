// Starts the devnet (anvil + deployed contracts + seeded scenario), an RPC proxy in front of it,
// and builds the extension against the proxy with fast alarms. Tests read .cache/e2e/context.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { startRpcProxy } from './support/rpc-proxy.js';
import { CONTEXT_FILE, E2E_DIR, E2E_OUT_DIR, type E2EContext } from './support/context.js';

export default async function globalSetup() {
  mkdirSync(E2E_DIR, { recursive: true });
  const devnet = await startDevnet({ manifestPath: resolve(E2E_DIR, 'devnet-manifest.json') });
  const proxy = await startRpcProxy(devnet.rpcUrl);
  // The extension sees the proxy as "the RPC" so tests can take it down.
  const extensionManifest = resolve(E2E_DIR, 'extension-manifest.json');
  writeFileSync(extensionManifest, JSON.stringify({ ...devnet.manifest, rpcUrl: proxy.url }, null, 2));
  const outDir = E2E_OUT_DIR;
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, RESTAKE_DEVNET_MANIFEST: extensionManifest, RESTAKE_FAST_ALARMS: '1', RESTAKE_OUT_DIR: outDir },
  });
  const context: E2EContext = {
    rpcUrl: devnet.rpcUrl,
    proxyUrl: proxy.url,
    manifestPath: devnet.manifestPath,
    extensionDir: resolve(outDir, 'chrome-mv3'),
    sidecarUrl: devnet.sidecarUrl!,
  };
  writeFileSync(CONTEXT_FILE, JSON.stringify(context, null, 2));
  return async () => {
    await proxy.close();
    await devnet.stop();
  };
}
