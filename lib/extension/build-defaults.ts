// Build-time defaults as typed constants. wxt.config.ts injects __RC_BUILD_DEFAULTS__ (vite
// `define`); in Node (tests, CLI) the constant is absent and the mainnet defaults apply.
import { parseDeployments, type Deployments } from '../chains/deployments.js';
import type { BuildDefaults } from './build-defaults-types.js';
import { resolveMainnetDefaults } from './mainnet-defaults.js';

export type { BuildDefaults } from './build-defaults-types.js';

export const BUILD_DEFAULTS: BuildDefaults = typeof __RC_BUILD_DEFAULTS__ === 'undefined' ? resolveMainnetDefaults() : __RC_BUILD_DEFAULTS__;

/** Deployments of the build's default chain, validated like any other input. */
export const BUILD_DEPLOYMENTS: Deployments = parseDeployments(BUILD_DEFAULTS.deployments);

/** Packed Chromium fires alarms at most every 30 s; only fast-alarm (unpacked e2e/demo) builds go lower. */
export const MIN_REFRESH_SECONDS = BUILD_DEFAULTS.fastAlarms ? 1 : 30;
export const MAX_REFRESH_SECONDS = 24 * 60 * 60;
export const DEFAULT_REFRESH_SECONDS = 300;
