import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const E2E_DIR = resolve('.cache/e2e');
export const CONTEXT_FILE = resolve(E2E_DIR, 'context.json');

export interface E2EContext {
  /** anvil itself, for the tests' own independent reads. */
  rpcUrl: string;
  /** What the extension was built against; `${proxyUrl}/__proxy/down|up` toggles it. */
  proxyUrl: string;
  manifestPath: string;
  extensionDir: string;
}

export function e2eContext(): E2EContext {
  return JSON.parse(readFileSync(CONTEXT_FILE, 'utf8')) as E2EContext;
}
