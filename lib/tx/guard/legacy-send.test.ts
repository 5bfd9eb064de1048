// The legacy entry points: send(method, params) -> promise, send(payload, callback),
// sendAsync(payload, callback) including batches, and the synchronous send(payload).
import { describe, expect, it, vi } from 'vitest';
import { TX, fakeProvider, fakeWindow, guardWith } from './testing-fakes.js';

const setup = (verdict: 'proceed' | 'cancel') => {
  const win = fakeWindow();
  const provider = fakeProvider();
  win.ethereum = provider;
  return { provider, ...guardWith(win, verdict) };
};
const payload = { id: 7, jsonrpc: '2.0', ...TX };
const callbackResult = (cb: ReturnType<typeof vi.fn>) => vi.waitFor(() => expect(cb).toHaveBeenCalled());

describe('legacy send / sendAsync', () => {
  it('send(method, params): cancel -> 4001, proceed -> original arguments', async () => {
    const cancel = setup('cancel');
    await expect(cancel.provider.send('eth_sendTransaction', TX.params)).rejects.toMatchObject({ code: 4001 });
    expect(cancel.provider.seen).toEqual([]);
    const proceed = setup('proceed');
    await expect(proceed.provider.send('eth_sendTransaction', TX.params)).resolves.toBe('sent');
    expect(proceed.provider.seen[0]!.args).toEqual(['eth_sendTransaction', TX.params]);
    expect(proceed.provider.seen[0]!.args[1]).toBe(TX.params);
    expect(proceed.onIntercept.mock.calls[0]![0].via).toBe('send');
  });

  it('send(payload, callback): cancel calls back with the 4001 error and a JSON-RPC error response', async () => {
    const { provider } = setup('cancel');
    const cb = vi.fn();
    provider.send(payload, cb);
    await callbackResult(cb);
    expect(cb).toHaveBeenCalledWith(expect.objectContaining({ code: 4001 }), { id: 7, jsonrpc: '2.0', error: { code: 4001, message: 'User rejected the request.' } });
    expect(provider.seen).toEqual([]);
  });

  it('sendAsync(payload, callback): proceed forwards the same payload and callback', async () => {
    const { provider, onIntercept } = setup('proceed');
    const cb = vi.fn();
    provider.sendAsync(payload, cb);
    await callbackResult(cb);
    expect(provider.seen[0]!.args[0]).toBe(payload);
    expect(provider.seen[0]!.args[1]).toBe(cb);
    expect(onIntercept.mock.calls[0]![0]).toMatchObject({ method: 'eth_sendTransaction', via: 'sendAsync' });
  });

  it('sendAsync batch with a transaction: cancel answers every entry with the error', async () => {
    const { provider } = setup('cancel');
    const cb = vi.fn();
    provider.sendAsync([{ id: 1, jsonrpc: '2.0', method: 'eth_chainId' }, payload], cb);
    await callbackResult(cb);
    expect(cb.mock.calls[0]![1]).toEqual([
      { id: 1, jsonrpc: '2.0', error: { code: 4001, message: 'User rejected the request.' } },
      { id: 7, jsonrpc: '2.0', error: { code: 4001, message: 'User rejected the request.' } },
    ]);
  });

  it('non-transaction legacy calls, and the synchronous send(payload), are the original call', () => {
    const { provider, onIntercept } = setup('cancel');
    const cb = vi.fn();
    const read = { id: 1, jsonrpc: '2.0', method: 'eth_accounts' };
    provider.sendAsync(read, cb);
    expect(cb).toHaveBeenCalledTimes(1); // synchronously, as the wallet did it
    const sync = provider.send(read);
    expect(sync).toEqual({ id: 1, jsonrpc: '2.0', result: 'sent' });
    expect(onIntercept).not.toHaveBeenCalled();
  });

  it('a legacy send that calls the (patched) request internally shows one check, not two', async () => {
    const win = fakeWindow();
    const inner = vi.fn(async (_args: unknown) => '0xhash');
    const provider = {
      request: inner,
      send(method: string, params: unknown) { return this.request({ method, params }); },
    };
    win.ethereum = provider;
    const { onIntercept } = guardWith(win, 'proceed');
    await expect(provider.send('eth_sendTransaction', TX.params)).resolves.toBe('0xhash');
    expect(onIntercept).toHaveBeenCalledTimes(1);
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
