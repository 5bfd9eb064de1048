// Background end of the tx guard (content script <-> background, UNTRUSTED: content scripts live in
// hostile pages). One runtime Port per intercepted request. Checks before any work: the port is
// ours (name), the sender is this extension's content script in a tab's top frame on an http(s)
// page, the message has exactly the schema (port-protocol.ts), and the tab is within its rate.
// The page origin comes from the browser's sender info, never from the message. Only what the
// dialog shows goes back; whether the sender is tracked is never used or revealed. The one write a
// content script can cause is adding its own origin to txGuard.skipLowRiskOrigins, and only with a
// one-time token issued for a low-grade result in the same tab and origin.
import { browser, type Browser } from 'wxt/browser';
import { createTokenBucket, type TokenBucket } from '../../tx/bridge/token-bucket.js';
import { computeTxDelta } from '../../tx/delta/compute-tx-delta.js';
import { loadBundledRegistry } from '../../registry/bundled/load-bundled-registry.js';
import { memoryCache } from '../../protocols/adapter.js';
import { createAnalyzer, type AnalyzeDeps } from '../tx-guard/analyze-intercept.js';
import { newToken, parseToBackground, PORT_NAME, type AnalyzeMessage, type AnalyzeResult, type ToContent } from '../tx-guard/port-protocol.js';
import { deploymentsFingerprint, loadDiscovery } from '../storage/discovery-item.js';
import { loadSettings, saveSettings } from '../storage/settings-item.js';
import type { Settings } from '../storage/settings.js';
import { effectiveChainConfig } from './effective-chain-config.js';

const ORIGIN = /^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/;
const TOKEN_TTL_MS = 15 * 60_000;
const MAX_SKIP_ORIGINS = 200;

export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string; origin?: string; frameId?: number; tab?: { id?: number } };
  postMessage(message: ToContent): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface TxGuardChannelDeps {
  runtimeId: string;
  analyze(message: AnalyzeMessage, origin: string): Promise<{ result: AnalyzeResult; low: boolean }>;
  addSkipOrigin(origin: string): Promise<void>;
  now?: () => number;
  /** Budget for one analysis; past it the content side is told 'unavailable' (the request goes through). */
  timeoutMs?: number;
}

/** `sender.origin` when the browser gives it, else the URL's; null unless an http(s) origin. */
export function senderOrigin(sender: PortLike['sender']): string | null {
  let origin: string | undefined = sender?.origin;
  if (!origin && typeof sender?.url === 'string') {
    try {
      origin = new URL(sender.url).origin;
    } catch {
      return null;
    }
  }
  return typeof origin === 'string' && ORIGIN.test(origin) ? origin : null;
}

/** Validated, idempotent, bounded update of txGuard.skipLowRiskOrigins. */
export function withSkipLowRiskOrigin(settings: Settings, origin: string): Settings {
  if (!ORIGIN.test(origin)) throw new TypeError(`not an http(s) origin: ${origin.slice(0, 80)}`);
  const list = settings.txGuard.skipLowRiskOrigins;
  if (list.includes(origin)) return settings;
  return { ...settings, txGuard: { ...settings.txGuard, skipLowRiskOrigins: [...list, origin].slice(-MAX_SKIP_ORIGINS) } };
}

export function createTxGuardChannel(deps: TxGuardChannelDeps) {
  const now = deps.now ?? Date.now;
  const buckets = new Map<number, TokenBucket>();
  const tokens = new Map<string, { tabId: number; origin: string; until: number }>();
  const timeoutMs = deps.timeoutMs ?? 10_000;

  const withinRate = (tabId: number) => {
    let b = buckets.get(tabId);
    if (!b) buckets.set(tabId, (b = createTokenBucket({ capacity: 8, refillPerSecond: 0.5, now })));
    if (buckets.size > 500) buckets.delete(buckets.keys().next().value!);
    return b.take();
  };

  async function answer(message: AnalyzeMessage, origin: string, tabId: number): Promise<AnalyzeResult> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), timeoutMs); });
    try {
      const { result, low } = await Promise.race([deps.analyze(message, origin), late]);
      if (result.kind !== 'review' || !low) return result;
      const token = newToken();
      for (const [k, t] of tokens) if (t.until < now()) tokens.delete(k);
      tokens.set(token, { tabId, origin, until: now() + TOKEN_TTL_MS });
      return { ...result, rememberToken: token };
    } catch (e) {
      // Details stay here: the page's side learns only that the check could not run.
      console.warn('[tx-guard] analysis failed:', e);
      return { kind: 'unavailable', reason: e instanceof Error && e.message === 'timeout' ? 'timeout' : 'error' };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    onConnect(port: PortLike) {
      if (port.name !== PORT_NAME) return; // another channel's port
      const s = port.sender;
      const origin = senderOrigin(s);
      const tabId = s?.tab?.id;
      if (s?.id !== deps.runtimeId || typeof tabId !== 'number' || s.frameId !== 0 || !origin) {
        port.disconnect();
        return;
      }
      let used = false;
      port.onMessage.addListener((raw) => {
        if (used) return; // one request per port
        used = true;
        const message = parseToBackground(raw);
        if (!message) return port.disconnect();
        const reply = (m: ToContent) => {
          try {
            port.postMessage(m);
          } catch {
            // the tab went away
          }
        };
        if (message.type === 'remember') {
          const t = tokens.get(message.token);
          tokens.delete(message.token);
          if (!t || t.until < now() || t.tabId !== tabId || t.origin !== origin) return reply({ type: 'remembered', ok: false });
          void deps.addSkipOrigin(origin).then(() => reply({ type: 'remembered', ok: true }), () => reply({ type: 'remembered', ok: false }));
          return;
        }
        if (!withinRate(tabId)) return reply({ type: 'result', result: { kind: 'unavailable', reason: 'rate-limited' } });
        void answer(message, origin, tabId).then((result) => reply({ type: 'result', result }));
      });
    },
  };
}

/** Real dependencies: settings, RPCs and deployments of the chain, the persisted discovery cache (read only). */
export function txGuardAnalyzeDeps(): AnalyzeDeps {
  return {
    loadSettings,
    chainConfig: effectiveChainConfig,
    computeTxDelta,
    loadCache: async (config) => memoryCache(await loadDiscovery(config.chainId, deploymentsFingerprint(config.deployments))),
    registry: () => loadBundledRegistry().registry,
  };
}

export function registerTxGuardChannel(): void {
  const analyze = createAnalyzer(txGuardAnalyzeDeps());
  const channel = createTxGuardChannel({
    runtimeId: browser.runtime.id,
    analyze,
    addSkipOrigin: async (origin) => saveSettings(withSkipLowRiskOrigin(await loadSettings(), origin)),
  });
  try {
    browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => channel.onConnect(port as unknown as PortLike));
  } catch (e) {
    // Without this channel pages get no dialog (their requests pass through); the rest of the
    // background (refresh, alerts, popup messages) must still register its listeners.
    console.error('[tx-guard] channel not registered:', e);
  }
}
