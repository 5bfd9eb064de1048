// Finds a Chromium for Playwright: $CHROMIUM_PATH, Debian's /usr/lib/chromium/chromium (the real
// binary behind /usr/bin/chromium, without the wrapper's shell warning), /usr/bin/chromium, then
// Playwright's own download. With `install`, installs one when none is found (apt as root, else
// `npx playwright install chromium`) and says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = require('@playwright/test') as typeof import('@playwright/test');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    /* Playwright has no browser of its own here */
  }
  return undefined;
}

export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    log('No Chromium found: installing Debian\'s chromium with apt-get (about 2 minutes)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    log('No Chromium found and not root: running `npx playwright install chromium`…');
    spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  }
  const installed = findChromium();
  if (!installed) throw new Error('Could not install Chromium; set CHROMIUM_PATH to a Chromium binary');
  log(`Using Chromium at ${installed}`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
