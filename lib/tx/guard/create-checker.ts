// The decision for one intercepted request: ask onIntercept, bounded by timeouts, and turn every
// failure of ours into "forward" (the user's transaction is never held hostage by our bug). Only a
// user's Cancel, or the page changing the request under the dialog, rejects.
import type { InterceptedMethod } from '../parse-wallet-request.js';
import { fingerprint, snapshotParams } from './snapshot-request.js';
import type { GuardFailureReason, InterceptedRequest, ProviderGuardOptions } from './types.js';

export type Decision = 'proceed' | 'cancel';

export interface Checker {
  /** Never rejects. */
  check(method: InterceptedMethod, params: unknown, via: InterceptedRequest['via'], provider: object): Promise<Decision>;
}

const DEFAULT_USER_TIMEOUT_MS = 10 * 60_000;
/**
 * A legacy `send` may call the provider's own (also patched) `request` with an identical request:
 * that inner call must not show a second dialog. An approved fingerprint lets one identical
 * request through within this window.
 */
const APPROVAL_TTL_MS = 5_000;

export function createChecker(options: ProviderGuardOptions): Checker {
  const approved = new Map<string, number>();
  const fail = (reason: GuardFailureReason) => {
    try {
      options.onGuardFailure?.(reason);
    } catch {
      // A failing failure-callback must not change what happens to the request.
    }
  };

  const consumeApproval = (fp: string): boolean => {
    const now = Date.now();
    for (const [k, until] of approved) if (until < now) approved.delete(k);
    return approved.delete(fp);
  };

  async function ask(request: InterceptedRequest, provider: object): Promise<{ verdict: unknown } | { failed: GuardFailureReason }> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle!: (r: { failed: GuardFailureReason }) => void;
    const timedOut = new Promise<{ failed: GuardFailureReason }>((resolve) => { settle = resolve; });
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => settle({ failed: { kind: 'timeout', method: request.method, afterMs: ms } }), ms);
    };
    arm(options.timeoutMs);
    const control = { signal: controller.signal, awaitingUser: () => arm(options.userTimeoutMs ?? DEFAULT_USER_TIMEOUT_MS) };
    try {
      const answer = Promise.resolve()
        .then(() => options.onIntercept(request, provider, control))
        .then((verdict) => ({ verdict }), (error: unknown) => ({ failed: { kind: 'error', method: request.method, error } as GuardFailureReason }));
      const result = await Promise.race([answer, timedOut]);
      if ('failed' in result && result.failed.kind === 'timeout') controller.abort();
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async check(method, params, via, provider) {
      let snapshot: unknown;
      let fp: string;
      try {
        snapshot = snapshotParams(params);
        fp = fingerprint(method, snapshot);
      } catch (error) {
        fail({ kind: 'unreadable-request', method, error });
        return 'proceed';
      }
      if (consumeApproval(fp)) return 'proceed';
      const result = await ask(Object.freeze({ method, params: snapshot, via }), provider);
      if ('failed' in result) {
        fail(result.failed);
        approved.set(fp, Date.now() + APPROVAL_TTL_MS);
        return 'proceed';
      }
      if (result.verdict === 'cancel') return 'cancel';
      if (result.verdict !== 'proceed') {
        fail({ kind: 'invalid-verdict', method, verdict: result.verdict });
        approved.set(fp, Date.now() + APPROVAL_TTL_MS);
        return 'proceed';
      }
      // What the user approved must be what the wallet gets.
      let now: string | null;
      try {
        now = fingerprint(method, snapshotParams(params));
      } catch {
        now = null;
      }
      if (now !== fp) {
        fail({ kind: 'request-changed', method });
        return 'cancel';
      }
      approved.set(fp, Date.now() + APPROVAL_TTL_MS);
      return 'proceed';
    },
  };
}
