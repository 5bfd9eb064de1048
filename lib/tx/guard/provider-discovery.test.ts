// How providers reach the guard: window.ethereum now or later (configurable, non-configurable,
// a wallet's own accessor), EIP-6963 announcements (frozen detail, several wallets, late), frozen
// providers, and idempotence.
import { describe, expect, it, vi } from 'vitest';
import { TX, announce, fakeProvider, fakeWindow, guardWith } from './testing-fakes.js';

describe('window.ethereum', () => {
  it('a provider assigned after install is patched in place (identity kept)', async () => {
    const win = fakeWindow();
    const { onIntercept } = guardWith(win, 'cancel');
    const provider = fakeProvider();
    win.ethereum = provider;
    expect(win.ethereum).toBe(provider);
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(onIntercept).toHaveBeenCalledTimes(1);
  });

  it('a provider present before install is patched, and the property stays assignable', async () => {
    const win = fakeWindow();
    const first = fakeProvider();
    win.ethereum = first;
    guardWith(win, 'cancel');
    await expect(first.request(TX)).rejects.toMatchObject({ code: 4001 });
    const second = fakeProvider();
    win.ethereum = second;
    expect(win.ethereum).toBe(second);
    await expect(second.request(TX)).rejects.toMatchObject({ code: 4001 });
  });

  it('non-configurable window.ethereum: the existing object is wrapped in place', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    Object.defineProperty(win, 'ethereum', { value: provider, configurable: false, writable: false, enumerable: true });
    const { onIntercept } = guardWith(win, 'cancel');
    expect(win.ethereum).toBe(provider);
    expect(Object.getOwnPropertyDescriptor(win, 'ethereum')!.configurable).toBe(false);
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(onIntercept).toHaveBeenCalledTimes(1);
  });

  it('a wallet that redefines the property over ours is found again by recheck()', async () => {
    const win = fakeWindow();
    const { guard } = guardWith(win, 'cancel');
    const provider = fakeProvider();
    Object.defineProperty(win, 'ethereum', { value: provider, configurable: false });
    guard.recheck();
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
  });

  it("a wallet's own configurable getter/setter keeps working and its providers are patched", async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    let stored: unknown = provider;
    const setter = vi.fn((v: unknown) => { stored = v; });
    Object.defineProperty(win, 'ethereum', { get: () => stored, set: setter, configurable: true });
    guardWith(win, 'cancel');
    await expect((win.ethereum as typeof provider).request(TX)).rejects.toMatchObject({ code: 4001 });
    const other = fakeProvider();
    win.ethereum = other;
    expect(setter).toHaveBeenCalledWith(other);
    await expect(other.request(TX)).rejects.toMatchObject({ code: 4001 });
  });

  it('the legacy window.ethereum.providers list is patched too', async () => {
    const win = fakeWindow();
    const a = fakeProvider();
    const b = fakeProvider();
    win.ethereum = Object.assign(fakeProvider(), { providers: [a, b] });
    guardWith(win, 'cancel');
    await expect(b.request(TX)).rejects.toMatchObject({ code: 4001 });
  });
});

describe('EIP-6963', () => {
  it('asks wallets to announce once at install', () => {
    const win = fakeWindow();
    const requested = vi.fn();
    win.addEventListener('eip6963:requestProvider', requested);
    guardWith(win, 'cancel');
    expect(requested).toHaveBeenCalledTimes(1);
  });

  it('two wallets announced with frozen details (one late) are both patched; window.ethereum is a third', async () => {
    const win = fakeWindow();
    const injected = fakeProvider();
    win.ethereum = injected;
    const a = fakeProvider();
    win.addEventListener('eip6963:requestProvider', () => announce(win, a, 'A'));
    const { onIntercept } = guardWith(win, 'cancel');
    const late = fakeProvider();
    announce(win, late, 'Late');
    for (const p of [injected, a, late]) await expect(p.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(onIntercept.mock.calls.map((c) => c[1])).toEqual([injected, a, late]);
  });

  it('announcements without a provider object are ignored', () => {
    const win = fakeWindow();
    const { onUnpatchable } = guardWith(win, 'cancel');
    win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info: {} }) }));
    win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: null }));
    expect(onUnpatchable).not.toHaveBeenCalled();
  });
});

describe('patching', () => {
  it('never double-wraps: the same provider seen three ways (and by a second guard) asks once per transaction', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { guard, onIntercept } = guardWith(win, 'cancel');
    const wrapped = provider.request;
    announce(win, provider);
    guard.recheck();
    guardWith(win, 'cancel');
    expect(provider.request).toBe(wrapped);
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(onIntercept).toHaveBeenCalledTimes(1);
  });

  it('a wallet that reassigns its request method is re-patched on recheck (its new function, not ours)', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { guard } = guardWith(win, 'cancel');
    const replacement = vi.fn(async () => 'new');
    provider.request = replacement;
    guard.recheck();
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    expect(replacement).not.toHaveBeenCalled();
    await expect(provider.request({ method: 'eth_chainId' })).resolves.toBe('new');
  });

  it('methods on the prototype (class providers) are shadowed by an own property; the prototype is untouched', async () => {
    class Wallet { request(_args: unknown) { return Promise.resolve('proto'); } }
    const win = fakeWindow();
    const provider = new Wallet();
    win.ethereum = provider;
    guardWith(win, 'cancel');
    expect(Object.prototype.hasOwnProperty.call(provider, 'request')).toBe(true);
    expect(new Wallet().request).toBe(Wallet.prototype.request);
    await expect(provider.request(TX)).rejects.toMatchObject({ code: 4001 });
    await expect(provider.request({ method: 'eth_accounts' })).resolves.toBe('proto');
  });

  it('a frozen provider is reported once and left alone', async () => {
    const win = fakeWindow();
    const provider = Object.freeze(fakeProvider());
    const { onUnpatchable, onIntercept, guard } = guardWith(win, 'cancel');
    win.ethereum = provider;
    announce(win, provider);
    guard.recheck();
    expect(onUnpatchable).toHaveBeenCalledTimes(1);
    expect(onUnpatchable).toHaveBeenCalledWith(provider, ['request', 'send', 'sendAsync']);
    await expect(provider.request(TX)).resolves.toBe('0xhash');
    expect(onIntercept).not.toHaveBeenCalled();
  });

  it('after stop(), patched providers forward everything untouched', async () => {
    const win = fakeWindow();
    const provider = fakeProvider();
    win.ethereum = provider;
    const { guard, onIntercept } = guardWith(win, 'cancel');
    guard.stop();
    expect(provider.request(TX)).toBe(provider.result);
    expect(onIntercept).not.toHaveBeenCalled();
  });
});
