// Two projects: `unit` (fast, no network; extension code runs against WXT's fake browser) and
// `chain` (real anvil devnet; serial because each file owns a node and ports).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts'],
          setupFiles: ['tests/support/fake-browser-ports.ts'],
        },
      },
      {
        test: {
          name: 'chain',
          environment: 'node',
          include: ['tests/chain/**/*.test.ts'],
          globalSetup: ['tests/chain/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
