// Content-script side of the channel: one port, opened lazily and reopened after the background
// worker restarts (MV3 kills idle workers and their ports). Requests carry ids; pushes (site on/off,
// refresh) go to `onPush`. Never uses window messaging: nothing here is visible to the page.
import type { AnnotatorMessage, AnnotatorReply } from './protocol.js';

export interface ClientPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

type Outgoing = { t: 'grades'; items: Extract<AnnotatorMessage, { t: 'grades' }>['items'] } | { t: 'page'; url: string };
type Incoming = Exclude<AnnotatorReply, { t: 'site' } | { t: 'refresh' }>;

export function createPortClient(connect: () => ClientPort, onPush: (message: Extract<AnnotatorReply, { t: 'site' } | { t: 'refresh' }>) => void) {
  let port: ClientPort | null = null;
  let nextId = 1;
  const pending = new Map<number, (reply: Incoming | null) => void>();

  function open(): ClientPort {
    if (port) return port;
    const p = connect();
    port = p;
    p.onMessage.addListener((raw) => {
      const m = raw as AnnotatorReply;
      if (!m || typeof m !== 'object') return;
      if (m.t === 'site' || m.t === 'refresh') return onPush(m);
      const id = 'id' in m ? m.id : null;
      if (typeof id === 'number') {
        pending.get(id)?.(m);
        pending.delete(id);
      }
    });
    p.onDisconnect.addListener(() => {
      if (port === p) port = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
    });
    p.postMessage({ t: 'hello' } satisfies AnnotatorMessage);
    return p;
  }

  return {
    /** Resolves with the reply, or null when the port closed before it came. */
    request(message: Outgoing): Promise<Incoming | null> {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          open().postMessage({ ...message, id });
        } catch {
          pending.delete(id);
          port = null;
          resolve(null);
        }
      });
    },
    hello() {
      open();
    },
    close() {
      port?.disconnect();
      port = null;
    },
  };
}

export type PortClient = ReturnType<typeof createPortClient>;
