// The grade service as the background runs it: settings and the stored snapshot from storage, a
// viem client per enabled chain (the user's RPCs), the bundled registry, the same engine as the popup.
import { createChainClient } from '../chains/client.js';
import { chainPortfolio } from '../extension/storage/portfolio.js';
import { effectiveChainConfig } from '../extension/background/effective-chain-config.js';
import { loadPortfolio } from '../extension/storage/portfolio-item.js';
import { enabledChainIds } from '../extension/storage/settings.js';
import { loadSettings } from '../extension/storage/settings-item.js';
import { memoryCache, type DiscoveryCache } from '../protocols/adapter.js';
import { loadBundledRegistry } from '../registry/bundled/load-bundled-registry.js';
import { assessEntity } from '../risk/assess.js';
import type { RiskContext } from '../risk/gather/context.js';
import { resolveEntities } from '../risk/resolve-entity.js';
import { parseThresholds } from '../risk/thresholds.js';
import { exposureIndex } from './exposure-index.js';
import { createGradeService } from './grade-service.js';

/** A pinned block is reused this long, so one page's requests share a block and an RPC round. */
const PIN_MS = 12_000;

export function createExtensionGradeService() {
  const contexts = new Map<number, { key: string; at: number; ctx: Promise<RiskContext> }>();
  const caches = new Map<number, DiscoveryCache>();
  return createGradeService({
    async config() {
      const settings = await loadSettings();
      return { chainIds: enabledChainIds(settings), thresholds: parseThresholds(settings.risk.thresholds).thresholds };
    },
    async context(chainId) {
      const config = effectiveChainConfig(await loadSettings(), chainId);
      const key = JSON.stringify(config.rpcUrls);
      const hit = contexts.get(chainId);
      if (hit && hit.key === key && Date.now() - hit.at < PIN_MS) return hit.ctx;
      const client = createChainClient(config);
      if (!caches.has(chainId)) caches.set(chainId, memoryCache());
      const ctx = client.getBlockNumber().then((blockNumber): RiskContext => ({
        client, deployments: config.deployments, blockNumber, batch: true, cache: caches.get(chainId)!, registry: loadBundledRegistry().registry,
      }));
      contexts.set(chainId, { key, at: Date.now(), ctx });
      // A failed pin is not reused: the next request tries again.
      ctx.catch(() => contexts.delete(chainId));
      return ctx;
    },
    async exposure(chainId) {
      return exposureIndex(chainPortfolio(await loadPortfolio(), chainId).snapshot);
    },
    registry: () => loadBundledRegistry().registry,
    resolve: resolveEntities,
    assess: (ctx, entity, options) => assessEntity(ctx, entity, options),
  });
}
