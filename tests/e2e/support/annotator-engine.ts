// Shared by the annotator e2e specs: the e2e devnet's manifest, the fixtures' placeholder values,
// and the risk engine run here in Node against anvil (same engine, independent process) to derive
// the grades the chips must show; plus reading the chips out of the closed shadow roots.
import type { Page } from '@playwright/test';
import { parseDeployments } from '../../../lib/chains/deployments.js';
import { createChainClient } from '../../../lib/chains/client.js';
import type { DevnetManifest } from '../../../lib/devnet/manifest.js';
import { memoryCache } from '../../../lib/protocols/adapter.js';
import { loadBundledRegistry } from '../../../lib/registry/bundled/load-bundled-registry.js';
import { assessEntity } from '../../../lib/risk/assess.js';
import type { EntityRef } from '../../../lib/risk/entity.js';
import type { RiskContext } from '../../../lib/risk/gather/context.js';
import { placeholders } from '../fixtures/sites/serve-sites.js';
import { readShadowUi, type ChipView } from '../fixtures/sites/read-shadow-ui.js';
import { e2eContext } from './context.js';
import { readManifest } from './expected.js';
import { expect } from './fixtures.js';

export interface AnnotatorEngine {
  m: DevnetManifest;
  values: Record<string, string>;
  engine: RiskContext;
}

export async function startAnnotatorEngine(): Promise<AnnotatorEngine> {
  const ctx = e2eContext();
  const m = readManifest(ctx.manifestPath) as unknown as DevnetManifest;
  const deployments = parseDeployments(m);
  const client = createChainClient({ chainId: m.chainId, rpcUrls: [ctx.rpcUrl], deployments });
  const engine = { client, deployments, blockNumber: await client.getBlockNumber(), batch: true, cache: memoryCache(), registry: loadBundledRegistry().registry };
  return { m, values: placeholders(m), engine };
}

/** The engine's verdict for an entity: overall grade and each rule's grade. */
export async function expectedVerdict(engine: RiskContext, ref: EntityRef) {
  const a = await assessEntity(engine, ref);
  return { grade: a.verdict!.overall, rules: Object.fromEntries(a.verdict!.results.map((r) => [r.ruleId, r.grade])) };
}

/** Waits until exactly `count` chips are in the page, then returns them. */
export async function chipsWhen(page: Page, count: number): Promise<ChipView[]> {
  await expect.poll(async () => (await readShadowUi(page)).chips.length, { timeout: 30_000 }).toBe(count);
  return (await readShadowUi(page)).chips;
}
