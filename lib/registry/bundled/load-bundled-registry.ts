// Everything bundled, as one Registry (CLI, background). Surfaces with a size budget import the
// per-protocol loaders next to this file instead.
import { createRegistry, type Registry } from '../registry.js';
import type { RejectedRecord } from '../types.js';
import { loadEigenLayerRegistry } from './eigenlayer.js';
import { loadKarakRegistry } from './karak.js';
import { loadLrtTokens } from './lrt-tokens.js';
import { loadSymbioticNetworks, loadSymbioticOperators, loadSymbioticTokens, loadSymbioticVaults } from './symbiotic.js';

let cached: { registry: Registry; rejected: RejectedRecord[] } | undefined;

/** Parsed once per process (~0.6 MB of JSON); `rejected` lists records that were left out and why. */
export function loadBundledRegistry(): { registry: Registry; rejected: RejectedRecord[] } {
  if (cached) return cached;
  const parts = [loadEigenLayerRegistry(), loadSymbioticVaults(), loadSymbioticNetworks(), loadSymbioticOperators(), loadSymbioticTokens(), loadKarakRegistry(), loadLrtTokens()];
  cached = { registry: createRegistry(...parts), rejected: parts.flatMap((p) => p.rejected) };
  return cached;
}
