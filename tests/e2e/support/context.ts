import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** RESTAKE_E2E_TAG=x: a separate devnet, build and context (.cache/e2e-x, .output/e2e-x) so two runs never share one. */
const TAG = process.env.RESTAKE_E2E_TAG ? `-${process.env.RESTAKE_E2E_TAG.replace(/[^a-z0-9-]/gi, '')}` : '';
export const E2E_DIR = resolve(`.cache/e2e${TAG}`);
export const E2E_OUT_DIR = resolve(`.output/e2e${TAG}`);
export const CONTEXT_FILE = resolve(E2E_DIR, 'context.json');

export interface E2EContext {
  /** anvil itself, for the tests' own independent reads. */
  rpcUrl: string;
  /** What the extension was built against; `${proxyUrl}/__proxy/down|up` toggles it. */
  proxyUrl: string;
  manifestPath: string;
  extensionDir: string;
  /** The devnet's Sidecar-shaped rewards API; `${sidecarUrl}/__sidecar/tamper` makes its proofs lie. */
  sidecarUrl: string;
}

export function e2eContext(): E2EContext {
  return JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as E2EContext;
}
