// Compiles Symbiotic core v1 (npm @symbioticfi/core, Solidity sources in node_modules) together with the
// staker rewards of npm @symbioticfi/rewards v2.0.0 (DefaultStakerRewards + factory; package.json
// `overrides` make it build against the same core 1.0.3, and it imports core as `@symbioticfi/core/src/...`,
// which is exactly our node_modules-relative unit naming, so no remappings are needed) with the solc-js
// release Symbiotic pins (its sources say `pragma solidity 0.8.25`, an exact version, so the project's
// solc 0.8.37 refuses them; the npm alias `solc-0.8.25` is that exact release). Settings follow the
// metadata of the core artifacts shipped in @symbioticfi/rewards (optimizer 200 runs, cancun, viaIR).
// viaIR in wasm solc is slow (minutes), so artifacts are cached under .cache/symbiotic/<hash>.json,
// keyed by every source file, the package versions and the compiler settings; a warm start only
// hashes ~60 files and parses one JSON file.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { artifactsFromOutput, cachedArtifacts, PROJECT_ROOT, type ArtifactSet, type ContractArtifact, type SolcOutput } from '../compile.js';
import { ContractCompileError } from '../errors.js';

const NODE_MODULES = join(PROJECT_ROOT, 'node_modules');
const CORE_SRC = join(NODE_MODULES, '@symbioticfi', 'core', 'src');
const REWARDS_SRC = join(NODE_MODULES, '@symbioticfi', 'rewards', 'src');
const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'symbiotic');
const SOLC_PACKAGE = 'solc-0.8.25';

/** The contracts Core.s.sol (DeployCoreBase) deploys; everything else is pulled in by imports. */
export const SYMBIOTIC_ENTRY_POINTS = [
  'contracts/VaultFactory.sol',
  'contracts/DelegatorFactory.sol',
  'contracts/SlasherFactory.sol',
  'contracts/NetworkRegistry.sol',
  'contracts/OperatorRegistry.sol',
  'contracts/service/MetadataService.sol',
  'contracts/service/NetworkMiddlewareService.sol',
  'contracts/service/OptInService.sol',
  'contracts/vault/Vault.sol',
  'contracts/vault/VaultTokenized.sol',
  'contracts/delegator/NetworkRestakeDelegator.sol',
  'contracts/delegator/FullRestakeDelegator.sol',
  'contracts/delegator/OperatorSpecificDelegator.sol',
  'contracts/delegator/OperatorNetworkSpecificDelegator.sol',
  'contracts/slasher/Slasher.sol',
  'contracts/slasher/VetoSlasher.sol',
  'contracts/VaultConfigurator.sol',
] as const;

/** From @symbioticfi/rewards (also `pragma solidity 0.8.25`): the staker rewards the devnet deploys. */
export const SYMBIOTIC_REWARDS_ENTRY_POINTS = [
  'contracts/defaultStakerRewards/DefaultStakerRewards.sol',
  'contracts/defaultStakerRewards/DefaultStakerRewardsFactory.sol',
] as const;

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  viaIR: true,
  evmVersion: 'cancun',
  // Only deployable contracts need bytecode; interfaces and libraries come along as abi-less noise.
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
};

const pkgVersion = (name: string): string =>
  JSON.parse(readFileSync(join(NODE_MODULES, ...name.split('/'), 'package.json'), 'utf8')).version as string;

function cacheKey(): string {
  const h = createHash('sha256');
  for (const p of ['@symbioticfi/core', '@symbioticfi/rewards', '@openzeppelin/contracts', '@openzeppelin/contracts-upgradeable', SOLC_PACKAGE]) h.update(`${p}@${pkgVersion(p)}\n`);
  h.update(`${JSON.stringify(SETTINGS)}\n${SYMBIOTIC_ENTRY_POINTS.join(',')}\n${SYMBIOTIC_REWARDS_ENTRY_POINTS.join(',')}\n`);
  // The package version should pin the sources, but hash them anyway: a patched node_modules must recompile.
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.sol')) h.update(`${relative(NODE_MODULES, p).split(sep).join('/')}\0${readFileSync(p, 'utf8')}\0`);
    }
  };
  walk(CORE_SRC);
  walk(REWARDS_SRC);
  return h.digest('hex').slice(0, 16);
}

/** Source unit names are node_modules-relative (`@symbioticfi/core/src/...`), so relative imports resolve too. */
function findImport(path: string): { contents: string } | { error: string } {
  const file = join(NODE_MODULES, ...path.split('/'));
  if (!file.startsWith(NODE_MODULES + sep) || !existsSync(file)) return { error: `not found in node_modules: ${path}` };
  return { contents: readFileSync(file, 'utf8') };
}

function runSolc(): { version: string; output: SolcOutput } {
  const require = createRequire(import.meta.url);
  const solc = require(SOLC_PACKAGE) as { compile(input: string, callbacks: { import: typeof findImport }): string; version(): string };
  const sources = Object.fromEntries([
    ...SYMBIOTIC_ENTRY_POINTS.map((p) => [`@symbioticfi/core/src/${p}`, { content: readFileSync(join(CORE_SRC, p), 'utf8') }]),
    ...SYMBIOTIC_REWARDS_ENTRY_POINTS.map((p) => [`@symbioticfi/rewards/src/${p}`, { content: readFileSync(join(REWARDS_SRC, p), 'utf8') }]),
  ]);
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new ContractCompileError(`Symbiotic compilation failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  return { version: solc.version(), output };
}

/** Artifacts of the Symbiotic core and staker-rewards contracts (deployable ones only), from the cache when possible. */
export function compileSymbiotic(opts: { force?: boolean } = {}): ArtifactSet {
  return cachedArtifacts(CACHE_DIR, cacheKey(), opts.force ?? false, () => {
    process.stderr.write('Compiling Symbiotic core v1 + staker rewards v2 with solc 0.8.25 (viaIR); the first time takes ~2-3 min, then it is cached in .cache/symbiotic\n');
    const { version, output } = runSolc();
    // Abstract contracts and interfaces have no bytecode; OpenZeppelin units are dependencies only.
    const keep = (sourceFile: string, bytecode: string) =>
      (sourceFile.startsWith('@symbioticfi/core/src/contracts/') || sourceFile.startsWith('@symbioticfi/rewards/src/contracts/')) && bytecode.length > 0;
    return { version, contracts: artifactsFromOutput(output, 'Symbiotic', keep) };
  });
}

export function getSymbioticArtifact(name: string, set: ArtifactSet = compileSymbiotic()): ContractArtifact {
  const a = set.contracts[name];
  if (!a) throw new ContractCompileError(`No compiled Symbiotic contract named ${name}; known: ${Object.keys(set.contracts).join(', ')}`);
  return a;
}
