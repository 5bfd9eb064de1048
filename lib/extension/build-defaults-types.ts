// The shape of the build-time defaults injected by wxt.config.ts (vite `define`). Kept apart from
// build-defaults.ts so the Node-side resolver and the browser code share one type without the
// browser bundle importing `node:fs`.
export interface BuildDefaults {
  /** 'mainnet' for normal builds; 'devnet' when RESTAKE_DEVNET_MANIFEST was set at build time. */
  network: 'mainnet' | 'devnet';
  chainId: number;
  rpcUrls: string[];
  /** Deployments in plain JSON (a deployments file shape), re-validated with parseDeployments at runtime. */
  deployments: unknown;
  /** RESTAKE_FAST_ALARMS=1: e2e/demo builds may refresh every second (unpacked Chromium allows it). */
  fastAlarms: boolean;
}
