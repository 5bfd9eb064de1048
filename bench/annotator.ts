// Annotator bench (issue 6 part 4): in real headless Chromium, a generated page of 10,000 nodes
// with 500 addresses is annotated by the real lib/annotate code (stub channel) and by a naive
// one-pass path; long tasks (PerformanceObserver 'longtask', > 50 ms) are counted for both. Plus
// the content-script bundle of the built extension (bytes and gzip). Writes
// bench/results/annotator.md. BENCH_ONLY=annotator runs only this part.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const NODES = 10_000;
const ADDRESSES = 500;
const RUNS = 3;

/** ~10,000 elements + text nodes: rows of spans and links; 250 addresses as text, 250 as links. */
export function benchPage(nodes = NODES, addresses = ADDRESSES): string {
  const rows: string[] = [];
  let count = 0;
  let placed = 0;
  const hex = (i: number) => `0x${(0x5a5a0000 + i).toString(16).padStart(40, 'c')}`;
  for (let r = 0; count < nodes; r++) {
    const withAddress = placed < addresses && r % 2 === 0;
    const cell = withAddress ? (placed % 2 ? `<a href="/operator/${hex(placed)}">op</a>` : `<span>${hex(placed)}</span>`) : `<span>row ${r} value ${r * 7}</span>`;
    if (withAddress) placed++;
    rows.push(`<div class="row"><span class="k">item ${r}</span>${cell}<em>${r % 13} units</em></div>`);
    count += 7; // div, 3 elements, 3 text nodes
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><main>${rows.join('')}</main></body></html>`;
}

async function pageScript(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: resolve('bench/annotator-page.ts'), formats: ['iife'], name: 'RcBench', fileName: 'bench' } },
  });
  const chunk = (Array.isArray(out) ? out[0]! : out as { output: { code?: string }[] }).output.find((o) => 'code' in o && o.code) as { code: string };
  return chunk.code;
}

function contentScriptSize() {
  const outDir = resolve('.output/bench-annotator');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, RESTAKE_OUT_DIR: outDir } });
  const js = readFileSync(resolve(outDir, 'chrome-mv3/content-scripts/annotator.js'));
  return { bytes: js.length, gzip: gzipSync(js, { level: 9 }).length };
}

interface Run { ms: number; longTasks: number; longestMs: number; chips: number }

async function measure(script: string, html: string, mode: 'batched' | 'naive'): Promise<Run> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'] });
    browser.on('disconnected', () => undefined);
  try {
    const page = await browser.newPage();
    page.on('crash', () => console.error(`[bench] ${mode}: page crashed`));
    page.on('pageerror', (e) => console.error(`[bench] ${mode}:`, e.message));
    await page.route('https://app.eigenlayer.xyz/bench', (r) => r.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('https://app.eigenlayer.xyz/bench');
    await page.addScriptTag({ content: script });
    await page.waitForTimeout(300);
    return await page.evaluate(async ([m, expected]) => {
      const tasks: number[] = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask' });
      const bench = (window as unknown as { __bench: Record<string, (n: number) => Promise<number>> }).__bench;
      const ms = await bench[m as string]!(expected as number);
      await new Promise((r) => setTimeout(r, 500));
      const chips = [...document.querySelectorAll('span')].filter((s) => s.getAttribute('style')?.includes('all: initial')).length;
      return { ms, longTasks: tasks.length, longestMs: Math.max(0, ...tasks), chips };
    }, [mode, ADDRESSES] as const);
  } finally {
    await browser.close();
  }
}

export async function runAnnotatorBench(): Promise<string> {
  const size = contentScriptSize();
  const script = await pageScript();
  const html = benchPage();
  const rows: string[] = [];
  for (const mode of ['batched', 'naive'] as const) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(script, html, mode));
    if (runs.some((r) => r.chips !== ADDRESSES)) throw new Error(`${mode}: expected ${ADDRESSES} chips, got ${runs.map((r) => r.chips).join(', ')}`);
    const med = (f: (r: Run) => number) => runs.map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    rows.push(`| ${mode === 'batched' ? 'annotator (observer + frame batches, 8 ms budget)' : 'naive (grades first, then one synchronous per-node pass: innerText read + chip insert per node)'} | ${runs.map((r) => r.longTasks).join(', ')} | ${Math.max(...runs.map((r) => r.longestMs)).toFixed(0)} | ${med((r) => r.ms).toFixed(0)} |`);
  }
  const table = [
    `# Annotator on a large page (headless Chromium ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Generated page: ${NODES.toLocaleString('en')} nodes (elements + text), ${ADDRESSES} distinct addresses (half as text, half as links). The real lib/annotate code runs with a stub channel that grades every address on the next macrotask; ${RUNS} runs per row, each in a fresh browser. Long tasks: PerformanceObserver 'longtask' (> 50 ms) while annotating; time: from start until all ${ADDRESSES} chips are in the page (median).`,
    '',
    '| path | long tasks per run | longest task ms (worst run) | time to annotate all, ms (median) |',
    '|---|---|---:|---:|',
    ...rows,
    '',
    '## Content-script bundle (built extension, chrome-mv3/content-scripts/annotator.js)',
    '',
    '| bytes | gzip -9 bytes |',
    '|---:|---:|',
    `| ${size.bytes} | ${size.gzip} |`,
    '',
  ].join('\n');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/annotator.md', table);
  console.log(table);
  return table;
}

/** For bench/run.ts: runs this part unless another part was selected; true = BENCH_ONLY=annotator (stop after it). */
export async function runAnnotatorBenchStep(): Promise<boolean> {
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
  if (only && !only.has('annotator')) return false;
  await runAnnotatorBench();
  return only !== null && only.size === 1;
}
