// Build configuration. Build-time defaults (mainnet, or a devnet from RESTAKE_DEVNET_MANIFEST) are
// resolved here once and injected as __RC_BUILD_DEFAULTS__ (see lib/extension/build-defaults.ts).
import { defineConfig } from 'wxt';
import { CHAINS } from './lib/chains/registry.js';
import { resolveBuildDefaults } from './lib/extension/resolve-build-defaults.js';

const buildDefaults = resolveBuildDefaults(process.env);

/**
 * Host match patterns for the built-in RPCs of every registry chain and of the build's chain:
 * granted at install so enabling a built-in chain needs no prompt (other hosts are optional).
 */
function defaultRpcHostPatterns(): string[] {
  const patterns = [...CHAINS.flatMap((c) => c.rpcUrls), ...buildDefaults.rpcUrls].map((url) => {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  });
  // Loopback covers devnets and e2e servers (a pattern without a port matches any port).
  return [...new Set(['http://127.0.0.1/*', 'http://localhost/*', ...patterns])];
}

export default defineConfig({
  // RESTAKE_OUT_DIR: e2e/demo builds (devnet defaults) go elsewhere so they never overwrite the release build.
  ...(process.env.RESTAKE_OUT_DIR ? { outDir: process.env.RESTAKE_OUT_DIR } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Restake Companion',
    description: 'Watch-only view of your EigenLayer, Symbiotic and Karak restaking positions, exposure and withdrawals. Never holds keys.',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: defaultRpcHostPatterns(),
    // RPC URLs on other hosts are requested from the options page when the user adds them.
    ...(manifestVersion === 3 ? { optional_host_permissions: ['https://*/*'] } : { optional_permissions: ['https://*/*'] }),
    action: { default_title: 'Restake Companion' },
    // The tx guard's main-world script, injected by its content script (WXT injectScript needs it listed).
    web_accessible_resources: manifestVersion === 3 ? [{ resources: ['tx-guard-main.js'], matches: ['http://*/*', 'https://*/*'] }] : ['tx-guard-main.js'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'restake-companion@restake-companion.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    define: { __RC_BUILD_DEFAULTS__: JSON.stringify(buildDefaults) },
  }),
});
