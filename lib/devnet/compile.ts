// Compiles contracts/ with solc-js (standard JSON) and caches the artifacts under
// .cache/contracts/<hash>.json. Loading solc-js alone costs ~1 s and a full compile several seconds,
// and tests start devnets often, so solc is only required on a cache miss.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Abi, Hex } from 'viem';
import { ContractCompileError } from './errors.js';

export interface ContractArtifact {
  name: string;
  sourceFile: string;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  methodIdentifiers: Record<string, string>;
}

export interface ArtifactSet {
  solcVersion: string;
  hash: string;
  contracts: Record<string, ContractArtifact>;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const CONTRACTS_DIR = join(PROJECT_ROOT, 'contracts');
const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'contracts');
/** Pinned by package.json; part of the cache key so a solc bump recompiles without loading solc first. */
const SOLC_PACKAGE_VERSION: string = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', 'solc', 'package.json'), 'utf8')).version;

// cancun: supported by anvil's default hardfork and avoids newer opcodes tools may not decode.
const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
};

function listSources(dir: string): Record<string, { content: string }> {
  const out: Record<string, { content: string }> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.sol')) out[relative(dir, p).split(sep).join('/')] = { content: readFileSync(p, 'utf8') };
    }
  };
  walk(dir);
  return out;
}

function sourcesHash(sources: Record<string, { content: string }>): string {
  const h = createHash('sha256');
  h.update(`solc@${SOLC_PACKAGE_VERSION}\n${JSON.stringify(SETTINGS)}\n`);
  for (const name of Object.keys(sources).sort()) h.update(`${name}\0${sources[name]!.content}\0`);
  return h.digest('hex').slice(0, 16);
}

export interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, {
    abi: Abi;
    evm: { bytecode: { object: string }; deployedBytecode: { object: string }; methodIdentifiers: Record<string, string> };
  }>>;
}

function runSolc(sources: Record<string, { content: string }>): { version: string; output: SolcOutput } {
  const require = createRequire(import.meta.url);
  const solc = require('solc') as { compile(input: string): string; version(): string };
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new ContractCompileError(`Solidity compilation failed; fix contracts/:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  }
  return { version: solc.version(), output };
}

/** Artifacts by contract name from solc output; `keep` picks the source units and contracts wanted. */
export function artifactsFromOutput(
  output: SolcOutput,
  label: string,
  keep: (sourceFile: string, bytecode: string) => boolean = () => true,
): Record<string, ContractArtifact> {
  const contracts: Record<string, ContractArtifact> = {};
  for (const [sourceFile, byName] of Object.entries(output.contracts ?? {})) {
    for (const [name, c] of Object.entries(byName)) {
      if (!keep(sourceFile, c.evm.bytecode.object)) continue;
      if (contracts[name]) throw new ContractCompileError(`Two ${label} contracts are named ${name}; rename one (artifacts are keyed by name)`);
      contracts[name] = {
        name,
        sourceFile,
        abi: c.abi,
        bytecode: `0x${c.evm.bytecode.object}`,
        deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
        methodIdentifiers: c.evm.methodIdentifiers,
      };
    }
  }
  return contracts;
}

const memo = new Map<string, ArtifactSet>();

/**
 * An artifact set from memory, from `<cacheDir>/<hash>.json`, or built (and cached) on a miss.
 * `force` rebuilds regardless. The hash must cover everything the build depends on.
 */
export function cachedArtifacts(
  cacheDir: string,
  hash: string,
  force: boolean,
  build: () => { version: string; contracts: Record<string, ContractArtifact> },
): ArtifactSet {
  const cacheFile = join(cacheDir, `${hash}.json`);
  const hit = memo.get(cacheFile);
  if (!force && hit) return hit;
  if (!force && existsSync(cacheFile)) {
    const set = JSON.parse(readFileSync(cacheFile, 'utf8')) as ArtifactSet;
    memo.set(cacheFile, set);
    return set;
  }
  const { version, contracts } = build();
  const set: ArtifactSet = { solcVersion: version, hash, contracts };
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename so a parallel test worker never reads a half-written cache file.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(set));
  renameSync(tmp, cacheFile);
  memo.set(cacheFile, set);
  return set;
}

/**
 * Returns the artifacts of every contract in contracts/, compiling only when the sources (or solc)
 * changed since the cached build. `force` recompiles regardless.
 */
export function compileContracts(opts: { force?: boolean } = {}): ArtifactSet {
  const sources = listSources(CONTRACTS_DIR);
  return cachedArtifacts(CACHE_DIR, sourcesHash(sources), opts.force ?? false, () => {
    const { version, output } = runSolc(sources);
    return { version, contracts: artifactsFromOutput(output, 'project') };
  });
}

/** One contract's artifact by name (e.g. "DelegationManager"); throws if it does not exist. */
export function getArtifact(name: string, set: ArtifactSet = compileContracts()): ContractArtifact {
  const a = set.contracts[name];
  if (!a) throw new ContractCompileError(`No compiled contract named ${name}; known: ${Object.keys(set.contracts).join(', ')}`);
  return a;
}
