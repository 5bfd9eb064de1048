// Rewards refresh cost for 1, 10 and 100 tracked addresses, batched against the naive path in the
// same run: RPC HTTP requests (must not grow with addresses) and, separately, requests to the opt-in
// rewards API (one claim proof per address that has earnings: that API has no batch endpoint).
import type { Address } from 'viem';
import type { Devnet } from '../lib/devnet/start-devnet.js';
import type { RefreshConfig } from '../lib/portfolio/read-snapshot.js';
import { readSnapshot } from '../lib/portfolio/read-snapshot.js';
import { memoryCache } from '../lib/protocols/adapter.js';
import { REWARDS_READERS } from '../lib/rewards/readers.js';
import { readRewards } from '../lib/rewards/read-rewards.js';
import { countingFetch } from './count-fetch.js';

const RUNS = 3;

export async function runRewardsBench(devnet: Devnet, config: RefreshConfig, pools: { label: string; addresses: Address[] }[]): Promise<string> {
  const rows: string[] = [];
  for (const { label, addresses } of pools) {
    // Positions are read once outside the counters: the rewards refresh reuses the positions snapshot.
    const snapshot = await readSnapshot(config, addresses);
    const result: Record<string, { cold: number; http: number; rpc: number; api: number; kb: number; ms: number }> = {};
    for (const mode of ['batched', 'naive'] as const) {
      const rpc = countingFetch();
      const api = countingFetch();
      const cache = memoryCache();
      let cold = 0;
      let best = Infinity;
      for (let run = 0; run <= RUNS; run++) {
        rpc.reset();
        api.reset();
        const t0 = performance.now();
        await readRewards(config, addresses, { snapshot, fetch: rpc.fetch, batch: mode === 'batched', rewardsCache: cache, readers: REWARDS_READERS, sidecar: { baseUrl: devnet.sidecarUrl!, fetch: api.fetch } });
        if (run === 0) cold = rpc.http;
        else best = Math.min(best, performance.now() - t0);
      }
      result[mode] = { cold, http: rpc.http, rpc: rpc.rpc, api: api.http, kb: (rpc.sent + rpc.received) / 1024, ms: best };
    }
    const b = result.batched!;
    const n = result.naive!;
    rows.push(`| ${label} | ${addresses.length} | ${b.cold} | ${b.http} | ${b.rpc} | ${b.api} | ${b.kb.toFixed(1)} | ${b.ms.toFixed(0)} | ${n.cold} | ${n.http} | ${n.rpc} | ${n.kb.toFixed(1)} | ${n.ms.toFixed(0)} |`);
  }
  const bench = rows.filter((r) => r.startsWith('| bench'));
  const warm = new Set(bench.map((r) => r.split('|')[4]!.trim()));
  if (warm.size !== 1) throw new Error(`batched rewards HTTP requests grow with addresses: ${[...warm].join(', ')}`);
  return [
    `# One rewards refresh on the devnet (anvil, ${new Date().toISOString().slice(0, 10)})`,
    '',
    'After a positions refresh, at the same block: EigenLayer (claimer, claim history by log cursor, roots, splits, claimable via the opt-in API with local proof verification), Symbiotic DefaultStakerRewards (discovery, claims, distributions, claimable()), base yield (LST rates at look-back blocks), Chainlink prices and Karak vault value history.',
    '"scenario" rows are the seeded stakers (they have EigenLayer and Symbiotic rewards); "bench" rows are extra stakers with positions in all three protocols and no rewards.',
    `Cold = first refresh (fills log cursors and discovery caches); the other columns are warm refreshes, best of ${RUNS}. HTTP = RPC HTTP requests; RPC = JSON-RPC calls inside them; API = requests to the rewards API (per address with an EigenLayer position; none when the API is off, the default). The run fails if batched warm HTTP grows with the number of bench addresses.`,
    '',
    '| pool | addresses | batched cold HTTP | batched HTTP | batched RPC | rewards API | batched KiB | batched ms | naive cold HTTP | naive HTTP | naive RPC | naive KiB | naive ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}
