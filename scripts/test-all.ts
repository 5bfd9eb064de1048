// `npm test`: typecheck, unit, chain and e2e suites in that order, then one summary line
// "N passed, N failed" (also written to .cache/test-results/summary.json for .ci/run).
// Every suite runs even if an earlier one fails, so one run shows everything that is broken.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureChromium } from './find-chromium.js';

const OUT = '.cache/test-results';
mkdirSync(OUT, { recursive: true });
const suites: { name: string; passed: number; failed: number }[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. Typecheck counts as one test.
const tsc = run('npx', ['tsc', '--noEmit', '-p', '.']);
suites.push({ name: 'typecheck', passed: tsc === 0 ? 1 : 0, failed: tsc === 0 ? 0 : 1 });

// The Firefox build must pass `web-ext lint` (counts as one test).
const firefox = run('npm', ['run', '--silent', 'build:firefox']);
suites.push({ name: 'firefox', passed: firefox === 0 ? 1 : 0, failed: firefox === 0 ? 0 : 1 });

// 2-3. Vitest projects.
for (const project of ['unit', 'chain']) {
  const file = `${OUT}/vitest-${project}.json`;
  rmSync(file, { force: true });
  const code = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  const r = readJson(file);
  const passed = r?.numPassedTests ?? 0;
  // A crashed runner (no report, or failed files without failed tests) still counts as a failure.
  const failed = (r?.numFailedTests ?? 0) + (r ? (r.numFailedTestSuites > 0 && r.numFailedTests === 0 ? 1 : 0) : 0) + (!r || (code !== 0 && r.numFailedTests === 0 && r.numFailedTestSuites === 0) ? 1 : 0);
  suites.push({ name: project, passed, failed });
}

// 4. End to end in Chromium with the built extension.
let chromium: string | undefined;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error((error as Error).message);
}
if (chromium) {
  const file = `${OUT}/playwright.json`;
  rmSync(file, { force: true });
  const code = run('npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const r = readJson(file);
  const passed = r?.stats?.expected ?? 0;
  const failed = (r?.stats?.unexpected ?? 0) + (r?.stats?.flaky ?? 0) + (!r || (code !== 0 && !(r?.stats?.unexpected > 0)) ? 1 : 0);
  suites.push({ name: 'e2e', passed, failed });
} else suites.push({ name: 'e2e', passed: 0, failed: 1 });

const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log('\n' + suites.map((s) => `${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed`).join('\n'));
writeFileSync(`${OUT}/summary.json`, JSON.stringify({ passed, failed, suites }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && existsSync(`${OUT}/summary.json`) ? 0 : 1);
