// The provider guard against fake providers in Node: what is intercepted, what passes untouched,
// the verdicts, the failure policy, and the ways providers reach the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { USER_REJECTED_MESSAGE } from './user-rejected-error.js';
import { TX, announce, fakeProvider, fakeWindow, guardWith } from './testing-fakes.js';

afterEach(() => vi.useRealTimers());

describe('request(): what goes to onIntercept', () => {
  it('non-transaction calls are forwarded untouched: same this, same argument, same result object, no onIntercept', () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { onIntercept } = guardWith(win, 'cancel');
    const args = { method: 'eth_chainId' };
    const out = provider.request(args);
    expect(out).toBe(provider.result);
    expect(provider.seen).toEqual([{ via: 'request', self: provider, args: [args] }]);
    expect(provider.seen[0]!.args[0]).toBe(args);
    expect(onIntercept).not.toHaveBeenCalled();
  });

  it('cancel rejects with the EIP-1193 user-rejected error and the wallet is never asked', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { onIntercept } = guardWith(win, 'cancel');
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001, message: USER_REJECTED_MESSAGE });
    expect(provider.seen).toEqual([]);
    expect(onIntercept).toHaveBeenCalledWith({ method: 'eth_sendTransaction', params: TX.params, via: 'request' }, provider, expect.anything());
  });

  it('proceed forwards the ORIGINAL request object, with the caller\'s this', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    guardWith(win, 'proceed');
    const request = { ...TX };
    await expect(provider.request(request)).resolves.toBe('0xhash');
    expect(provider.seen).toHaveLength(1);
    expect(provider.seen[0]!.args[0]).toBe(request);
    expect(provider.seen[0]!.self).toBe(provider);
  });

  it('wallet_sendCalls is intercepted too; onIntercept gets a frozen copy, not the page object', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { onIntercept } = guardWith(win, 'proceed');
    const params = [{ version: '2.0.0', chainId: '0x1', calls: [{ to: TX.params[0]!.to, data: '0x' }] }];
    await provider.request({ method: 'wallet_sendCalls', params });
    const seenParams = onIntercept.mock.calls[0]![0].params;
    expect(seenParams).toEqual(params);
    expect(seenParams).not.toBe(params);
    expect(Object.isFrozen(seenParams)).toBe(true);
  });

  it('a request the page changes while the dialog is open is rejected (4001), and reported', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const request = { method: 'eth_sendTransaction', params: [{ to: TX.params[0]!.to, data: '0x01' }] };
    const { onGuardFailure } = guardWith(win, async () => {
      request.params[0]!.to = '0x000000000000000000000000000000000000dEaD';
      return 'proceed';
    });
    await expect(provider.request(request)).rejects.toMatchObject({ code: 4001 });
    expect(provider.seen).toEqual([]);
    expect(onGuardFailure).toHaveBeenCalledWith({ kind: 'request-changed', method: 'eth_sendTransaction' });
  });
});

describe('failure policy: never hold the transaction hostage', () => {
  it('timeout -> the request is forwarded and onGuardFailure says why; the verdict arriving later is ignored', async () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    let seenSignal: AbortSignal | undefined;
    const { onGuardFailure } = guardWith(win, 'proceed', {
      timeoutMs: 50,
      onIntercept: (_r, _p, control) => { seenSignal = control.signal; return new Promise(() => {}); },
    });
    const pending = provider.request(TX);
    await vi.advanceTimersByTimeAsync(49);
    expect(provider.seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBe('0xhash');
    expect(provider.seen[0]!.args[0]).toBe(TX);
    expect(onGuardFailure).toHaveBeenCalledWith({ kind: 'timeout', method: 'eth_sendTransaction', afterMs: 50 });
    expect(seenSignal!.aborted).toBe(true);
  });

  it('awaitingUser() lifts the analysis timeout while the user decides', async () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    let decide!: (v: 'cancel') => void;
    guardWith(win, 'proceed', {
      timeoutMs: 50,
      userTimeoutMs: 60_000,
      onIntercept: (_r, _p, control) => { control.awaitingUser(); return new Promise((r) => { decide = r; }); },
    });
    const pending = provider.request(TX);
    const settled = vi.fn();
    pending.then(settled, settled);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).not.toHaveBeenCalled();
    decide('cancel');
    await expect(pending).rejects.toMatchObject({ code: 4001 });
  });

  it('onIntercept throwing (sync or async) -> forwarded + onGuardFailure', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const boom = new Error('boom');
    const { onGuardFailure } = guardWith(win, 'proceed', { onIntercept: () => { throw boom; } });
    await expect(provider.request(TX)).resolves.toBe('0xhash');
    expect(onGuardFailure).toHaveBeenCalledWith({ kind: 'error', method: 'eth_sendTransaction', error: boom });
  });

  it('a verdict that is neither proceed nor cancel -> forwarded + onGuardFailure', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { onGuardFailure } = guardWith(win, 'proceed', { onIntercept: async () => 'maybe' as never });
    await expect(provider.request(TX)).resolves.toBe('0xhash');
    expect(onGuardFailure).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-verdict', verdict: 'maybe' }));
  });

  it('an unreadable request (cycle) is forwarded without asking', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { onIntercept, onGuardFailure } = guardWith(win, 'cancel');
    const tx: Record<string, unknown> = { to: TX.params[0]!.to };
    tx.self = tx;
    await expect(provider.request({ method: 'eth_sendTransaction', params: [tx] })).resolves.toBe('0xhash');
    expect(onIntercept).not.toHaveBeenCalled();
    expect(onGuardFailure).toHaveBeenCalledWith(expect.objectContaining({ kind: 'unreadable-request' }));
  });
});
