// Isolated-world end of the bridge: reads messages from the main-world guard (strings, MAC with the
// per-page secret, this page's origin), rate-limits them, asks the background over a Port, shows
// the dialog and answers the main world with 'ack' and a verdict only. Every failure of ours ends
// in 'unavailable' (the wallet still asks the user) plus a small notice; an analysis that takes too
// long ends the same way. Tracked addresses, amounts and grades never cross to the main world.
import { encodeBridgeMessage, parseBridgeMessage } from '../../tx/bridge/bridge-codec.js';
import type { BridgeVerdict, InterceptMessage } from '../../tx/bridge/schema.js';
import { createTokenBucket } from '../../tx/bridge/token-bucket.js';
import type { Decision, OpenDialog } from './dialog.js';
import { PORT_NAME, type AnalyzeResult, type ToBackground, type ToContent } from './port-protocol.js';

export interface PortLike {
  postMessage(m: ToBackground): void;
  disconnect(): void;
  onMessage: { addListener(fn: (m: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface ContentGuardOptions {
  secret: string;
  origin: string;
  /** Sends one string to the main world. */
  post(raw: string): void;
  connect(name: string): PortLike;
  openDialog(views: Extract<AnalyzeResult, { kind: 'review' }>['views'], o: { lowRisk: boolean; onDecision(d: Decision): void }): OpenDialog;
  showNotice(text: string): void;
  /** Background budget before 'unavailable' (the guard's own analysis timeout must be longer). */
  analysisTimeoutMs?: number;
}

const NOTICE = 'Restake Companion could not check this transaction; your wallet will ask you as usual.';

/** One request over a fresh port: the first 'result'/'remembered' reply, or null on disconnect / timeout. */
function ask(connect: ContentGuardOptions['connect'], message: ToBackground, timeoutMs: number): Promise<ToContent | null> {
  return new Promise((resolve) => {
    let port: PortLike;
    try {
      port = connect(PORT_NAME);
    } catch {
      return resolve(null); // extension reloaded: the context is gone
    }
    const finish = (v: ToContent | null) => {
      clearTimeout(timer);
      resolve(v);
      try {
        port.disconnect();
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    port.onMessage.addListener((m) => finish(typeof m === 'object' && m !== null ? m as ToContent : null));
    port.onDisconnect.addListener(() => finish(null));
    port.postMessage(message);
  });
}

export function createContentGuard(o: ContentGuardOptions) {
  // A page looping on eth_sendTransaction gets 'unavailable' past this (the wallet still asks).
  const bucket = createTokenBucket({ capacity: 5, refillPerSecond: 0.2 });
  const open = new Map<string, OpenDialog>();
  // A replayed intercept (same id) must not open a second dialog or get a second verdict.
  const seen = new Set<string>();
  const answer = (id: string, verdict: BridgeVerdict) => o.post(encodeBridgeMessage({ v: 1, kind: 'verdict', id, verdict }, o.secret));

  async function review(m: InterceptMessage) {
    const reply = await ask(o.connect, { type: 'analyze', method: m.method, chainId: m.chainId, calls: m.calls }, o.analysisTimeoutMs ?? 12_000);
    const result = reply?.type === 'result' ? reply.result : null;
    if (!result || result.kind === 'unavailable' || (result.kind === 'review' && !Array.isArray(result.views))) {
      answer(m.id, 'unavailable');
      o.showNotice(NOTICE);
      return;
    }
    if (result.kind === 'pass') return answer(m.id, 'proceed');
    if (open.size > 0) {
      // One dialog at a time: a second one would let a page stack prompts over the first.
      answer(m.id, 'unavailable');
      o.showNotice('Another transaction is waiting for your decision; this one was not checked.');
      return;
    }
    o.post(encodeBridgeMessage({ v: 1, kind: 'ack', id: m.id }, o.secret));
    const dialog = o.openDialog(result.views, {
      lowRisk: result.lowRisk && result.rememberToken !== null,
      onDecision: (d) => {
        open.delete(m.id);
        answer(m.id, d.verdict);
        if (d.rememberLowRisk && result.rememberToken) void ask(o.connect, { type: 'remember', token: result.rememberToken }, 5_000);
      },
    });
    open.set(m.id, dialog);
  }

  return {
    receive(raw: unknown) {
      const parsed = parseBridgeMessage(raw, o.secret, { receiver: 'content', origin: o.origin });
      if (!parsed.ok) return; // probing or forged: dropped without an answer
      const m = parsed.message;
      if (m.kind === 'abandon') {
        open.get(m.id)?.close();
        open.delete(m.id);
        return;
      }
      if (seen.has(m.id)) return;
      seen.add(m.id);
      if (!bucket.take()) return answer(m.id, 'unavailable');
      review(m).catch(() => {
        answer(m.id, 'unavailable');
        o.showNotice(NOTICE);
      });
    },
  };
}
