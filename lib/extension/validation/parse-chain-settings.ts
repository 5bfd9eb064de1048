// One chain's settings as entered by the user, checked the same way by the options page (for an
// instant reason next to the field) and by the background (which trusts no caller): RPC URLs
// (empty = the chain's built-in ones, if it has any), a deployments override that parses and names
// this chain (or the built-in deployments, if any).
import { parseDeployments } from '../../chains/deployments.js';
import { InvalidSettingsError } from '../../errors/errors.js';
import { defaultDeploymentsFor, defaultRpcUrlsFor } from '../chains/known-chains.js';
import { deploymentsToPlain } from '../deployments-to-plain.js';
import type { ChainSettings } from '../storage/settings.js';
import { MAX_RPC_URLS, parseRpcUrl } from './parse-rpc-urls.js';

export interface ChainSettingsInput {
  chainId: number;
  enabled: boolean;
  rpcUrls: readonly string[];
  /** A deployments file (plain JSON) or null for the built-in deployments. */
  deploymentsOverride: unknown;
}

export function parseChainId(input: unknown): number {
  const n = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw new InvalidSettingsError('Chain id must be a positive integer');
  return n;
}

export function parseChainSettings(input: ChainSettingsInput): ChainSettings {
  const chainId = parseChainId(input.chainId);
  const rpcUrls = [...new Set(input.rpcUrls.map(parseRpcUrl))];
  if (rpcUrls.length > MAX_RPC_URLS) throw new InvalidSettingsError(`At most ${MAX_RPC_URLS} RPC URLs`);
  if (rpcUrls.length === 0 && defaultRpcUrlsFor(chainId).length === 0) throw new InvalidSettingsError(`No built-in RPC for chain ${chainId}: enter at least one RPC URL`);
  if (input.deploymentsOverride == null) {
    if (!defaultDeploymentsFor(chainId)) throw new InvalidSettingsError(`No built-in deployments for chain ${chainId}: paste a deployments file`);
    return { enabled: input.enabled, rpcUrls };
  }
  const d = parseDeployments(input.deploymentsOverride);
  if (d.chainId !== chainId) throw new InvalidSettingsError(`The deployments file is for chain ${d.chainId}, not chain ${chainId}`);
  // Store the validated core, not the whole manifest (actors, scenario...).
  return { enabled: input.enabled, rpcUrls, deploymentsOverride: deploymentsToPlain(d) };
}

/** The options form's text fields: one URL per line; the override as JSON text (empty = defaults). */
export function parseChainForm(form: { chainId: number; enabled: boolean; rpcText: string; overrideText: string }): ChainSettings {
  const rpcUrls = form.rpcText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let deploymentsOverride: unknown = null;
  if (form.overrideText.trim() !== '') {
    try {
      deploymentsOverride = JSON.parse(form.overrideText);
    } catch (e) {
      throw new InvalidSettingsError(`Deployments override is not valid JSON: ${(e as Error).message}`);
    }
  }
  try {
    return parseChainSettings({ chainId: form.chainId, enabled: form.enabled, rpcUrls, deploymentsOverride });
  } catch (e) {
    if ((e as Error).name === 'InvalidDeploymentsError') throw new InvalidSettingsError(`Deployments override: ${(e as Error).message}`);
    throw e;
  }
}
