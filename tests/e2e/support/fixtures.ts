// Playwright fixtures: a fresh Chromium profile with the built extension loaded, fully headless,
// and the extension id read from its service worker.
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eContext, type E2EContext } from './context.js';

export const test = base.extend<{ ctx: E2EContext; context: BrowserContext; worker: Worker; extensionId: string; popup: Page }>({
  ctx: async ({}, use) => use(e2eContext()),
  context: async ({ ctx }, use) => {
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rc-e2e-')), {
      executablePath: process.env.CHROMIUM_PATH,
      headless: true,
      args: [
        `--disable-extensions-except=${ctx.extensionDir}`,
        `--load-extension=${ctx.extensionDir}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
    await use(context);
    await context.close();
  },
  worker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ worker }, use) => use(new URL(worker.url()).host),
  popup: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await use(page);
  },
});

export const expect = test.expect;
