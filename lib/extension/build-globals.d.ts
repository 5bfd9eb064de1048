// Injected by wxt.config.ts through vite `define`; undefined outside WXT builds.
declare const __RC_BUILD_DEFAULTS__: import('./build-defaults-types.js').BuildDefaults;
