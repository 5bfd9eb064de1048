// The annotator's channel: content scripts on annotated sites connect a port named ANNOTATOR_PORT.
// UNTRUSTED: the content script runs inside a page we do not control, so the port is accepted only
// from the top frame of a tab whose URL is an annotated https site, every message is parsed
// strictly, each tab is rate-limited, and answers carry public entity facts plus one `exposed`
// bit per entity — never tracked addresses, amounts or their count (uBlock Origin / Rabby model).
import { browser } from 'wxt/browser';
import { createExtensionGradeService } from '../../annotate/extension-grade-deps.js';
import type { GradeService } from '../../annotate/grade-service.js';
import { ANNOTATOR_PORT, AnnotatorMessageError, parseAnnotatorMessage, type AnnotatorReply } from '../../annotate/protocol.js';
import { annotatedSite, siteEnabled, type AnnotatedSite } from '../../annotate/sites.js';
import { createTokenBucket, type TokenBucket } from '../../annotate/token-bucket.js';
import { entitiesInUrl } from '../../annotate/url-entities.js';
import { portfolioItem } from '../storage/portfolio-item.js';
import { loadSettings, settingsItem } from '../storage/settings-item.js';

export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string; frameId?: number; tab?: { id?: number } };
  postMessage(message: AnnotatorReply): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface AnnotatorChannelDeps {
  runtimeId: string;
  service: Pick<GradeService, 'answer' | 'clear'>;
  sites(): Promise<Record<string, boolean>>;
  now?(): number;
  /** Per tab: messages (burst, per second) and addresses asked (burst, per second). */
  limits?: { messages: [number, number]; addresses: [number, number] };
}

const DEFAULT_LIMITS = { messages: [40, 10] as [number, number], addresses: [1_000, 100] as [number, number] };
const MAX_TABS = 500;

/** The page's site if the sender is the top frame of a tab on an annotated https site; else null. */
export function annotatorSender(port: PortLike, runtimeId: string): { tabId: number; site: AnnotatedSite } | null {
  const s = port.sender;
  if (port.name !== ANNOTATOR_PORT || !s || s.id !== runtimeId) return null;
  if (typeof s.tab?.id !== 'number' || s.frameId !== 0 || typeof s.url !== 'string') return null;
  let url: URL;
  try {
    url = new URL(s.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const site = annotatedSite(url.host);
  return site ? { tabId: s.tab.id, site } : null;
}

export function createAnnotatorChannel(deps: AnnotatorChannelDeps) {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const buckets = new Map<number, { messages: TokenBucket; addresses: TokenBucket }>();
  const ports = new Set<{ port: PortLike; site: AnnotatedSite }>();

  // Keyed by tab, not port: reconnecting must not refill a page's budget.
  function bucketsOf(tabId: number) {
    let b = buckets.get(tabId);
    if (!b) {
      b = { messages: createTokenBucket(...limits.messages, deps.now), addresses: createTokenBucket(...limits.addresses, deps.now) };
      buckets.set(tabId, b);
      if (buckets.size > MAX_TABS) buckets.delete(buckets.keys().next().value!);
    }
    return b;
  }

  async function handle(port: PortLike, tabId: number, site: AnnotatedSite, raw: unknown) {
    const b = bucketsOf(tabId);
    const allowed = b.messages.take();
    const rawId = typeof raw === 'object' && raw !== null && Number.isInteger((raw as { id?: unknown }).id) ? ((raw as { id: number }).id >>> 0) : null;
    if (!allowed.ok) return port.postMessage({ t: 'error', id: rawId, code: 'rate-limited', retryMs: allowed.retryMs });
    let msg;
    try {
      msg = parseAnnotatorMessage(raw);
    } catch (e) {
      if (e instanceof AnnotatorMessageError) return port.postMessage({ t: 'error', id: rawId, code: 'invalid' });
      throw e;
    }
    const on = siteEnabled(await deps.sites(), site.host);
    if (msg.t === 'hello') return port.postMessage({ t: 'site', on });
    if (!on) return port.postMessage({ t: 'error', id: msg.id, code: 'disabled' });
    if (msg.t === 'grades') {
      const cost = b.addresses.take(msg.items.length);
      if (!cost.ok) return port.postMessage({ t: 'error', id: msg.id, code: 'rate-limited', retryMs: cost.retryMs });
      const answers = await deps.service.answer(msg.items, site.protocol);
      return port.postMessage({ t: 'grades', id: msg.id, answers });
    }
    // A page URL of another host is refused: an SPA can change its path, never its host.
    let host: string | null = null;
    try {
      host = new URL(msg.url).host;
    } catch {
      host = null;
    }
    if (host === null || annotatedSite(host) !== site) return port.postMessage({ t: 'error', id: msg.id, code: 'invalid' });
    const found = entitiesInUrl(msg.url);
    const answers = found.length ? await deps.service.answer(found.map((f) => ({ a: f.address, kind: f.kind, ...(f.operatorSetId === undefined ? {} : { set: f.operatorSetId }) })), site.protocol) : [];
    return port.postMessage({ t: 'page', id: msg.id, answers });
  }

  return {
    connect(port: PortLike) {
      if (port.name !== ANNOTATOR_PORT) return;
      const who = annotatorSender(port, deps.runtimeId);
      if (!who) {
        // Refused without a word: the caller learns nothing.
        port.disconnect();
        return;
      }
      const entry = { port, site: who.site };
      ports.add(entry);
      port.onDisconnect.addListener(() => ports.delete(entry));
      port.onMessage.addListener((raw) => {
        void handle(port, who.tabId, who.site, raw).catch((e) => {
          console.error('[annotator]', e);
          try {
            port.postMessage({ t: 'error', id: null, code: 'failed' });
          } catch {
            // The port closed meanwhile.
          }
        });
      });
    },
    /** Settings changed: grades may differ (thresholds, chains) and sites may be switched off. */
    async settingsChanged() {
      deps.service.clear();
      const sites = await deps.sites();
      for (const { port, site } of ports) {
        port.postMessage({ t: 'site', on: siteEnabled(sites, site.host) });
        port.postMessage({ t: 'refresh' });
      }
    },
    /** A refresh stored a new snapshot: exposure may have changed. */
    portfolioChanged() {
      for (const { port } of ports) port.postMessage({ t: 'refresh' });
    },
    get connected() {
      return ports.size;
    },
  };
}

/** Registers the port listener synchronously (MV3) and the storage watchers that push changes. */
export function setupAnnotatorChannel() {
  const channel = createAnnotatorChannel({
    runtimeId: browser.runtime.id,
    service: createExtensionGradeService(),
    sites: async () => (await loadSettings()).risk.sites,
  });
  browser.runtime.onConnect.addListener((port) => channel.connect(port as unknown as PortLike));
  settingsItem.watch(() => void channel.settingsChanged().catch((e) => console.error('[annotator]', e)));
  portfolioItem.watch(() => channel.portfolioChanged());
  return channel;
}
