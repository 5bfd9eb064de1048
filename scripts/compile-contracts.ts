// npm run compile:contracts [-- --force]: compiles contracts/ (or reuses the cache) and lists sizes.
import { compileContracts } from '../lib/devnet/compile.js';

const force = process.argv.includes('--force');
const started = performance.now();
const set = compileContracts({ force });
const ms = Math.round(performance.now() - started);
console.log(`solc ${set.solcVersion}; artifacts .cache/contracts/${set.hash}.json (${ms} ms)`);
for (const c of Object.values(set.contracts)) {
  const size = (c.deployedBytecode.length - 2) / 2;
  if (size > 0) console.log(`  ${c.name.padEnd(22)} ${String(size).padStart(6)} bytes runtime${size > 24576 ? '  (over EIP-170; anvil runs with --disable-code-size-limit)' : ''}`);
}
