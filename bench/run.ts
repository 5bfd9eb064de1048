// `npm run bench`: cost of one refresh for 1, 10 and 100 tracked addresses on the devnet, batched
// (Multicall3 + JSON-RPC batching) against the naive path (one eth_call per read) in the same run.
// Writes bench/results/refresh.md and prints it.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Address } from 'viem';
import { parseDeployments } from '../lib/chains/deployments.js';
import { startDevnet } from '../lib/devnet/start-devnet.js';
import { readSnapshot } from '../lib/portfolio/read-snapshot.js';
import { countingFetch } from './count-fetch.js';
import { seedStakers, type BenchManifest } from './seed-stakers.js';

const SIZES = [1, 10, 100];
const RUNS = 3;

async function main() {
  const devnet = await startDevnet({});
  try {
    const manifest = devnet.manifest as unknown as BenchManifest;
    const deployments = parseDeployments(devnet.manifest);
    const seeded = manifest.actors.filter((a) => a.role === 'staker').map((a) => a.address);
    const extra = await seedStakers(manifest, Math.max(...SIZES));
    const pool: Address[] = [...seeded, ...extra];
    const rows: string[] = [];
    const config = { chainId: manifest.chainId, rpcUrls: [devnet.rpcUrl], deployments };
    for (const n of SIZES) {
      const addresses = pool.slice(0, n);
      const results: Record<string, { http: number; rpc: number; ethCall: number; kb: number; ms: number; positions: number }> = {};
      for (const mode of ['batched', 'naive'] as const) {
        const counter = countingFetch();
        let best = Infinity;
        let positions = 0;
        for (let run = 0; run < RUNS; run++) {
          counter.reset();
          const t0 = performance.now();
          const snap = await readSnapshot(config, addresses, { fetch: counter.fetch, batch: mode === 'batched' });
          best = Math.min(best, performance.now() - t0);
          positions = snap.addresses.reduce((k, a) => k + a.positions.length + a.exposures.length + a.withdrawals.length, 0);
          if (snap.addresses.some((a) => a.failures.length)) throw new Error(`${mode} refresh had failures: ${JSON.stringify(snap.addresses.flatMap((a) => a.failures))}`);
        }
        results[mode] = { http: counter.http, rpc: counter.rpc, ethCall: counter.byMethod.get('eth_call') ?? 0, kb: (counter.sent + counter.received) / 1024, ms: best, positions };
      }
      const b = results.batched!;
      const v = results.naive!;
      if (b.positions !== v.positions) throw new Error(`batched and naive paths disagree for ${n} addresses`);
      rows.push(`| ${n} | ${b.positions} | ${b.http} | ${b.rpc} | ${b.ethCall} | ${b.kb.toFixed(1)} | ${b.ms.toFixed(0)} | ${v.http} | ${v.rpc} | ${v.ethCall} | ${v.kb.toFixed(1)} | ${v.ms.toFixed(0)} |`);
    }
    const httpCounts = new Set(rows.map((r) => r.split('|')[3]!.trim()));
    if (httpCounts.size !== 1) throw new Error(`batched HTTP requests grow with addresses: ${[...httpCounts].join(', ')}`);
    const table = [
      `# One refresh on the devnet (anvil, ${new Date().toISOString().slice(0, 10)})`,
      '',
      'Rows read per refresh: positions + exposures + withdrawals of the tracked addresses (all seeded with deposits in 2 LST strategies and a delegation).',
      `Time: best of ${RUNS} runs, milliseconds, loopback RPC. HTTP = HTTP requests; RPC = JSON-RPC calls inside them; KiB = request + response bodies. The batched path must not grow in HTTP requests with the number of addresses (the run fails if it does).`,
      '',
      '| addresses | rows | batched HTTP | batched RPC | batched eth_call | batched KiB | batched ms | naive HTTP | naive RPC | naive eth_call | naive KiB | naive ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/refresh.md', table);
    console.log(table);
  } finally {
    await devnet.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
