import { defineConfig } from '@playwright/test';

// One Chromium per test with the built extension loaded; extensions need a persistent context,
// so tests run one at a time (workers: 1). The devnet and the extension build come from
// tests/e2e/global-setup.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  globalSetup: './tests/e2e/global-setup.ts',
  reporter: [['list'], ['json']],
  outputDir: 'test-results',
});
