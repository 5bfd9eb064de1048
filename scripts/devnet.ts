// npm run devnet [-- --port N]: anvil with the EigenLayer test contracts and the seeded scenario,
// running until Ctrl-C. Default port 8545; if it is taken, a free port is used instead.
import { AnvilStartError } from '../lib/devnet/errors.js';
import { startDevnet, type Devnet } from '../lib/devnet/start-devnet.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const requested = Number(argValue('--port') ?? 8545);
const manifestPath = argValue('--manifest');
const started = performance.now();
let devnet: Devnet;
try {
  devnet = await startDevnet({ port: requested, manifestPath });
} catch (e) {
  if (!(e instanceof AnvilStartError) || requested === 0) throw e;
  console.warn(`port ${requested} unavailable; using a free port`);
  devnet = await startDevnet({ port: 0, manifestPath });
}
const m = devnet.manifest;
console.log(`Devnet ready in ${Math.round(performance.now() - started)} ms: ${devnet.rpcUrl} (chain ${m.chainId}), block ${m.scenario.seededAtBlock}`);
console.log(`Manifest: ${devnet.manifestPath}`);
if (devnet.sidecarUrl) console.log(`Rewards API (Sidecar-shaped, EigenLayer): ${devnet.sidecarUrl}  (POST /__sidecar/tamper {"on":true} makes proofs lie)`);
for (const a of m.actors) console.log(`  #${a.keyIndex} ${a.name.padEnd(25)} ${a.address}`);
for (const t of m.contracts.tokens) console.log(`  token ${t.symbol.padEnd(6)} ${t.address}  strategy ${t.strategy}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await devnet.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// Keep the event loop alive until a signal arrives.
setInterval(() => {}, 1 << 30);
