// Background decision for one intercepted request (browser-free: settings, RPC access and the delta
// are injected). Order: guard off -> pass; chain unknown -> pass; decode against that chain's
// contracts (verifying unknown vault addresses on chain first) -> not restaking -> pass; risk delta
// of each restaking call -> low risk on a site the user chose to skip -> pass; else the dialog.
// Any failure of ours throws; the channel turns it into 'unavailable' (forwarded, notice shown).
import { getAddress, hexToBigInt, type Address } from 'viem';
import { createChainClient } from '../../chains/client.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import type { DiscoveryCache } from '../../protocols/adapter.js';
import type { Registry } from '../../registry/registry.js';
import { parseThresholds } from '../../risk/thresholds.js';
import { decodeRestakingTx } from '../../tx/decode-restaking-tx.js';
import type { ComputeTxDeltaOptions } from '../../tx/delta/compute-tx-delta.js';
import { toDialogView } from '../../tx/delta/dialog-view.js';
import type { TxDelta } from '../../tx/delta/types.js';
import { buildKnownTargets } from '../../tx/known-targets.js';
import type { DecodedRestakingCall } from '../../tx/types.js';
import { vaultLookupCandidate } from '../../tx/vault-lookup-candidate.js';
import { createVaultMemo, verifyVault } from '../../tx/verify-vault.js';
import type { Settings } from '../storage/settings.js';
import type { AnalyzeMessage, AnalyzeResult } from './port-protocol.js';

/** More restaking calls than this in one batch: the dialog shows the first ones and says so. */
const MAX_DELTAS = 4;

export interface AnalyzeDeps {
  loadSettings(): Promise<Settings>;
  /** effectiveChainConfig; throws for a chain without RPCs or deployments (then: pass through). */
  chainConfig(settings: Settings, chainId: number): RefreshConfig;
  computeTxDelta(config: RefreshConfig, call: DecodedRestakingCall, options: ComputeTxDeltaOptions): Promise<TxDelta>;
  loadCache(config: RefreshConfig): Promise<DiscoveryCache>;
  registry(): Registry;
  verifyVault?: typeof verifyVault;
}

export function createAnalyzer(deps: AnalyzeDeps) {
  const vaults = createVaultMemo();
  const verify = deps.verifyVault ?? verifyVault;

  async function decodeAll(config: RefreshConfig, message: AnalyzeMessage): Promise<DecodedRestakingCall[]> {
    const chainId = config.chainId;
    const known = () => buildKnownTargets({ deployments: config.deployments, isSymbioticVault: vaults.isSymbioticVault(chainId), isKarakVault: vaults.isKarakVault(chainId) });
    const txs = message.calls.map((c) => ({ chainId, to: c.to ? getAddress(c.to) : null, data: c.data, value: hexToBigInt(c.value), ...(c.from ? { from: getAddress(c.from) } : {}) }));
    const candidates = [...new Set(txs.map((tx) => vaultLookupCandidate(tx, known())).filter((a): a is Address => a !== null))].slice(0, 8);
    if (candidates.length > 0) {
      const client = createChainClient({ ...config, timeoutMs: 5_000, retryCount: 1 });
      await Promise.all(candidates.map(async (a) => {
        const kind = await verify(client, config.deployments, a);
        if (kind) vaults.remember(chainId, a, kind);
      }));
    }
    const k = known();
    return txs.map((tx) => decodeRestakingTx(tx, k)).filter((d): d is DecodedRestakingCall => d !== null);
  }

  return async function analyze(message: AnalyzeMessage, origin: string): Promise<{ result: AnalyzeResult; low: boolean }> {
    const pass = { result: { kind: 'pass' as const }, low: false };
    const settings = await deps.loadSettings();
    if (!settings.txGuard.enabled || message.chainId === null) return pass;
    let config: RefreshConfig;
    try {
      config = deps.chainConfig(settings, message.chainId);
    } catch {
      return pass; // a chain we know nothing about: its contracts are not ours to judge
    }
    const calls = await decodeAll(config, message);
    if (calls.length === 0) return pass;
    const cache = await deps.loadCache(config);
    const { thresholds } = parseThresholds(settings.risk.thresholds);
    const registry = deps.registry();
    const deltas = await Promise.all(calls.slice(0, MAX_DELTAS).map((call) => deps.computeTxDelta(config, call, { registry, thresholds, cache, timeoutMs: 6_000, retryCount: 1 })));
    const low = calls.length <= MAX_DELTAS && deltas.every((d) => d.grade?.overall === 'low');
    if (low && settings.txGuard.skipLowRiskOrigins.includes(origin)) return pass;
    const views = deltas.map((d) => toDialogView(d, registry));
    if (calls.length > MAX_DELTAS) views[views.length - 1]!.notes.push(`${calls.length - MAX_DELTAS} more restaking calls in this batch are not shown.`);
    return { result: { kind: 'review', views, lowRisk: low, rememberToken: null }, low };
  };
}
