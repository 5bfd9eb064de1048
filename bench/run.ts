// `npm run bench`: cost of one refresh for 1, 10 and 100 tracked addresses on the devnet, batched
// (Multicall3 + JSON-RPC batching) against the naive path (one eth_call per read) in the same run.
// Writes bench/results/refresh.md and prints it, then the other parts (rewards, alerts, ...).
// BENCH_ONLY=refresh,rewards runs only the named parts (all by default).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Address } from 'viem';
import { parseDeployments } from '../lib/chains/deployments.js';
import { startDevnet } from '../lib/devnet/start-devnet.js';
import { readSnapshot } from '../lib/portfolio/read-snapshot.js';
import { memoryCache } from '../lib/protocols/adapter.js';
import { runAlertBench } from './alerts.js';
import { runAnnotatorBenchStep } from './annotator.js';
import { runRewardsBench } from './rewards.js';

const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : null;
const part = (name: string) => !ONLY || ONLY.has(name);
import { countingFetch } from './count-fetch.js';
import { seedStakers, type BenchManifest } from './seed-stakers.js';

const SIZES = [1, 10, 100];
const RUNS = 3;

async function main() {
  if (await runAnnotatorBenchStep()) return; // no devnet needed; BENCH_ONLY=annotator stops here
  const devnet = await startDevnet({});
  try {
    const manifest = devnet.manifest as unknown as BenchManifest;
    const deployments = parseDeployments(devnet.manifest);
    const seeded = manifest.actors.filter((a) => a.role === 'staker').map((a) => a.address);
    const extra = await seedStakers(manifest, Math.max(...SIZES));
    // Homogeneous stakers, so the only thing that changes between rows is how many are tracked (the seeded
    // scenario stakers have extra state, e.g. pending redeems, that costs one more round for anyone).
    const pool: Address[] = extra;
    void seeded;
    const rows: string[] = [];
    const config = { chainId: manifest.chainId, rpcUrls: [devnet.rpcUrl], deployments };
    for (const n of part('refresh') ? SIZES : []) {
      const addresses = pool.slice(0, n);
      const results: Record<string, { cold: number; http: number; rpc: number; ethCall: number; kb: number; ms: number; positions: number }> = {};
      for (const mode of ['batched', 'naive'] as const) {
        const counter = countingFetch();
        // The discovery cache (vault lists, log cursors) survives refreshes in the extension: the first
        // run fills it (cold), the measured runs use it (warm), as every refresh after the first does.
        const cache = memoryCache();
        let best = Infinity;
        let positions = 0;
        let cold = 0;
        for (let run = 0; run <= RUNS; run++) {
          counter.reset();
          const t0 = performance.now();
          const snap = await readSnapshot(config, addresses, { fetch: counter.fetch, batch: mode === 'batched', cache });
          if (run === 0) {
            cold = counter.http;
            continue;
          }
          best = Math.min(best, performance.now() - t0);
          positions = snap.addresses.reduce((k, a) => k + a.positions.length + a.exposures.length + a.withdrawals.length, 0);
          if (snap.addresses.some((a) => a.failures.length)) throw new Error(`${mode} refresh had failures: ${JSON.stringify(snap.addresses.flatMap((a) => a.failures))}`);
        }
        results[mode] = { cold, http: counter.http, rpc: counter.rpc, ethCall: counter.byMethod.get('eth_call') ?? 0, kb: (counter.sent + counter.received) / 1024, ms: best, positions };
      }
      const b = results.batched!;
      const v = results.naive!;
      if (b.positions !== v.positions) throw new Error(`batched and naive paths disagree for ${n} addresses`);
      rows.push(`| ${n} | ${b.positions} | ${b.cold} | ${b.http} | ${b.rpc} | ${b.ethCall} | ${b.kb.toFixed(1)} | ${b.ms.toFixed(0)} | ${v.cold} | ${v.http} | ${v.rpc} | ${v.ethCall} | ${v.kb.toFixed(1)} | ${v.ms.toFixed(0)} |`);
    }
    if (part('rewards')) {
      const rewards = await runRewardsBench(devnet, config, [
        { label: 'scenario', addresses: seeded },
        ...SIZES.map((n) => ({ label: 'bench', addresses: pool.slice(0, n) })),
      ]);
      writeFileSync('bench/results/rewards.md', rewards);
      console.log(rewards);
    }
    if (!part('refresh')) {
      if (part('alerts')) writeFileSync('bench/results/alerts.md', await runAlertBench(devnet, { catchUpBlocks: Number(process.env.BENCH_ALERT_BLOCKS ?? 10_000) }));
      return;
    }
    const httpCounts = new Set(rows.map((r) => r.split('|')[4]!.trim()));
    if (httpCounts.size !== 1) throw new Error(`batched HTTP requests grow with addresses: ${[...httpCounts].join(', ')}`);
    const table = [
      `# One refresh on the devnet (anvil, ${new Date().toISOString().slice(0, 10)})`,
      '',
      'Protocols: EigenLayer, Symbiotic (real core v1 contracts) and Karak (V2 + V1). Rows read per refresh: positions + exposures + withdrawals of the tracked addresses; every extra address holds 2 EigenLayer strategies with a delegation, one Symbiotic vault and one Karak vault.',
      'Cold = the first refresh, which fills the discovery cache (vault lists, log cursors); the other columns are a warm refresh, as every later refresh in the extension.',
      `Time: best of ${RUNS} runs, milliseconds, loopback RPC. HTTP = HTTP requests; RPC = JSON-RPC calls inside them; KiB = request + response bodies. The batched path must not grow in HTTP requests with the number of addresses (the run fails if it does).`,
      '',
      '| addresses | rows | batched cold HTTP | batched HTTP | batched RPC | batched eth_call | batched KiB | batched ms | naive cold HTTP | naive HTTP | naive RPC | naive eth_call | naive KiB | naive ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/refresh.md', table);
    console.log(table);
    // Alerts: slash-to-alert latency and catch-up cost. 10,000 blocks by default (minutes of mining on
    // anvil); BENCH_ALERT_BLOCKS lowers it for a quick run.
    if (part('alerts')) {
      const alerts = await runAlertBench(devnet, { catchUpBlocks: Number(process.env.BENCH_ALERT_BLOCKS ?? 10_000) });
      writeFileSync('bench/results/alerts.md', alerts);
      console.log(alerts);
    }
  } finally {
    await devnet.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
