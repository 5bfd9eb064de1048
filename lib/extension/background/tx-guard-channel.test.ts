// The untrusted tx-guard port: who may connect, what is accepted, what comes back, and the only
// write a content script can cause (its own origin in skipLowRiskOrigins, with a one-time token).
import { describe, expect, it, vi } from 'vitest';
import { encodeFunctionData, parseAbi } from 'viem';
import { defaultSettings } from '../storage/settings.js';
import { createAnalyzer } from '../tx-guard/analyze-intercept.js';
import { PORT_NAME, type AnalyzeMessage, type AnalyzeResult, type ToContent } from '../tx-guard/port-protocol.js';
import { createTxGuardChannel, senderOrigin, withSkipLowRiskOrigin, type PortLike } from './tx-guard-channel.js';
import { MAINNET_DEPLOYMENTS } from '../../chains/deployments.js';
import { EMPTY_REGISTRY } from '../../registry/registry.js';
import { memoryCache } from '../../protocols/adapter.js';

const ID = 'ext-id';
const ORIGIN = 'https://app.example.org';
// undelegate(staker) on mainnet's DelegationManager: a restaking call.
const UNDELEGATE = encodeFunctionData({ abi: parseAbi(['function undelegate(address staker) returns (bytes32[])']), args: ['0x2222222222222222222222222222222222222222'] });
const analyze: AnalyzeMessage = { type: 'analyze', method: 'eth_sendTransaction', chainId: 1, calls: [{ to: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A', data: UNDELEGATE, value: '0x0' }] };
const review = (lowRisk: boolean): AnalyzeResult => ({ kind: 'review', views: [], lowRisk, rememberToken: null });

function fakePort(sender: PortLike['sender'] = { id: ID, url: `${ORIGIN}/page`, frameId: 0, tab: { id: 7 } }, name = PORT_NAME) {
  const listeners: ((m: unknown) => void)[] = [];
  const sent: ToContent[] = [];
  const port: PortLike & { sent: ToContent[]; send(m: unknown): void; disconnected: boolean } = {
    name, sender, sent, disconnected: false,
    postMessage: (m) => void sent.push(m),
    disconnect() { port.disconnected = true; },
    onMessage: { addListener: (fn) => void listeners.push(fn) },
    onDisconnect: { addListener: () => {} },
    send: (m) => listeners.forEach((fn) => fn(m)),
  };
  return port;
}

function setup(result: AnalyzeResult | (() => Promise<never>) = { kind: 'pass' }, low = false) {
  const addSkipOrigin = vi.fn(async () => {});
  const analyzeFn = vi.fn(async () => (typeof result === 'function' ? result() : { result, low }));
  const channel = createTxGuardChannel({ runtimeId: ID, analyze: analyzeFn, addSkipOrigin, timeoutMs: 50 });
  const connect = (port = fakePort()) => (channel.onConnect(port), port);
  return { channel, connect, addSkipOrigin, analyzeFn };
}

describe('who may connect', () => {
  it.each([
    ['another extension', { id: 'other', url: `${ORIGIN}/`, frameId: 0, tab: { id: 7 } }],
    ['no tab (an extension page or worker)', { id: ID, url: `${ORIGIN}/`, frameId: 0 }],
    ['a subframe', { id: ID, url: `${ORIGIN}/`, frameId: 3, tab: { id: 7 } }],
    ['a non-http page', { id: ID, url: 'file:///etc/passwd', frameId: 0, tab: { id: 7 } }],
  ])('refuses %s without reading its message', async (_name, sender) => {
    const { connect, analyzeFn } = setup();
    const port = connect(fakePort(sender as PortLike['sender']));
    expect(port.disconnected).toBe(true);
    port.send(analyze);
    await Promise.resolve();
    expect(analyzeFn).not.toHaveBeenCalled();
  });
  it("ignores other channels' ports", () => {
    const { connect } = setup();
    expect(connect(fakePort(undefined, 'rc-annotator')).disconnected).toBe(false);
  });
  it('takes the origin from the browser, not from a message', () => {
    expect(senderOrigin({ url: 'https://a.example:8443/x?y' })).toBe('https://a.example:8443');
    expect(senderOrigin({ origin: 'https://b.example', url: 'https://a.example/' })).toBe('https://b.example');
    expect(senderOrigin({ url: 'chrome-extension://abc/popup.html' })).toBeNull();
  });
});

describe('messages', () => {
  it('analyses a valid request with the sender origin and answers the result', async () => {
    const { connect, analyzeFn } = setup(review(false));
    const port = connect();
    port.send(analyze);
    await vi.waitFor(() => expect(port.sent).toEqual([{ type: 'result', result: review(false) }]));
    expect(analyzeFn).toHaveBeenCalledWith(analyze, ORIGIN);
  });
  it.each([
    ['extra key', { ...analyze, origin: 'https://evil.example' }],
    ['settings change', { type: 'setSettings', txGuard: { enabled: false } }],
    ['bad calldata', { ...analyze, calls: [{ ...analyze.calls[0], data: '0xzz' }] }],
    ['not a plain object', 'analyze'],
  ])('drops %s and closes the port', async (_n, bad) => {
    const { connect, analyzeFn } = setup();
    const port = connect();
    port.send(bad);
    await Promise.resolve();
    expect(port.disconnected).toBe(true);
    expect(port.sent).toEqual([]);
    expect(analyzeFn).not.toHaveBeenCalled();
  });
  it('one request per port', async () => {
    const { connect, analyzeFn } = setup();
    const port = connect();
    port.send(analyze);
    port.send(analyze);
    await vi.waitFor(() => expect(port.sent.length).toBe(1));
    expect(analyzeFn).toHaveBeenCalledTimes(1);
  });
  it('a failing or slow analysis answers unavailable without details', async () => {
    const failing = setup(() => Promise.reject(new Error('RPC https://secret-rpc.example down for 0xTracked')));
    const p1 = failing.connect();
    p1.send(analyze);
    await vi.waitFor(() => expect(p1.sent).toEqual([{ type: 'result', result: { kind: 'unavailable', reason: 'error' } }]));
    const slow = setup(() => new Promise<never>(() => {}));
    const p2 = slow.connect();
    p2.send(analyze);
    await vi.waitFor(() => expect(p2.sent).toEqual([{ type: 'result', result: { kind: 'unavailable', reason: 'timeout' } }]));
  });
  it('rate-limits a tab that loops on transactions', async () => {
    const { connect, analyzeFn } = setup();
    const ports = Array.from({ length: 12 }, () => connect());
    ports.forEach((p) => p.send(analyze));
    await vi.waitFor(() => expect(ports.every((p) => p.sent.length === 1)).toBe(true));
    expect(analyzeFn.mock.calls.length).toBeLessThan(12);
    expect(ports.at(-1)!.sent[0]).toEqual({ type: 'result', result: { kind: 'unavailable', reason: 'rate-limited' } });
  });
});

describe('"don\'t ask again for low risk on this site"', () => {
  async function lowResult(s: ReturnType<typeof setup>) {
    const port = s.connect();
    port.send(analyze);
    await vi.waitFor(() => expect(port.sent.length).toBe(1));
    return (port.sent[0] as { result: { rememberToken: string | null } }).result.rememberToken;
  }
  it('a low-risk result carries a one-time token that adds the sender origin once', async () => {
    const s = setup(review(true), true);
    const token = await lowResult(s);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const p = s.connect();
    p.send({ type: 'remember', token });
    await vi.waitFor(() => expect(p.sent).toEqual([{ type: 'remembered', ok: true }]));
    expect(s.addSkipOrigin).toHaveBeenCalledWith(ORIGIN);
    const again = s.connect();
    again.send({ type: 'remember', token });
    await vi.waitFor(() => expect(again.sent).toEqual([{ type: 'remembered', ok: false }]));
    expect(s.addSkipOrigin).toHaveBeenCalledTimes(1);
  });
  it('no token for anything but low risk; a token is refused from another tab or origin', async () => {
    expect(await lowResult(setup(review(false), false))).toBeNull();
    const s = setup(review(true), true);
    const token = await lowResult(s);
    const otherTab = s.connect(fakePort({ id: ID, url: `${ORIGIN}/`, frameId: 0, tab: { id: 8 } }));
    otherTab.send({ type: 'remember', token });
    await vi.waitFor(() => expect(otherTab.sent).toEqual([{ type: 'remembered', ok: false }]));
    const made = s.connect();
    made.send({ type: 'remember', token: 'f'.repeat(32) });
    await vi.waitFor(() => expect(made.sent).toEqual([{ type: 'remembered', ok: false }]));
    expect(s.addSkipOrigin).not.toHaveBeenCalled();
  });
  it('the settings update is validated, idempotent and bounded', () => {
    const s = defaultSettings();
    const once = withSkipLowRiskOrigin(s, ORIGIN);
    expect(once.txGuard.skipLowRiskOrigins).toEqual([ORIGIN]);
    expect(withSkipLowRiskOrigin(once, ORIGIN)).toBe(once);
    expect(() => withSkipLowRiskOrigin(s, 'javascript:alert(1)')).toThrow(/origin/);
  });
});

describe('analyzer decisions before any chain read', () => {
  const deps = (settings = defaultSettings()) => ({
    loadSettings: async () => settings,
    chainConfig: (_s: unknown, chainId: number) => {
      if (chainId !== 1) throw new Error('unknown chain');
      return { chainId: 1, rpcUrls: ['http://127.0.0.1:1'], deployments: MAINNET_DEPLOYMENTS };
    },
    computeTxDelta: vi.fn(async () => { throw new Error('must not be called'); }),
    loadCache: async () => memoryCache(),
    registry: () => EMPTY_REGISTRY,
  });
  it('guard off, unknown chain, no chain id, or a non-restaking call: pass, no delta', async () => {
    const off = defaultSettings();
    off.txGuard.enabled = false;
    const d = deps(off);
    expect((await createAnalyzer(d)(analyze, ORIGIN)).result).toEqual({ kind: 'pass' });
    const on = deps();
    const a = createAnalyzer(on);
    expect((await a({ ...analyze, chainId: 999 }, ORIGIN)).result).toEqual({ kind: 'pass' });
    expect((await a({ ...analyze, chainId: null }, ORIGIN)).result).toEqual({ kind: 'pass' });
    expect((await a({ ...analyze, calls: [{ to: '0x2222222222222222222222222222222222222222', data: '0x', value: '0x1' }] }, ORIGIN)).result).toEqual({ kind: 'pass' });
    expect(d.computeTxDelta).not.toHaveBeenCalled();
    expect(on.computeTxDelta).not.toHaveBeenCalled();
  });
  it('a restaking call reaches the delta (and its failure propagates, to become unavailable)', async () => {
    const d = deps();
    await expect(createAnalyzer(d)(analyze, ORIGIN)).rejects.toThrow(/must not be called/);
    expect(d.computeTxDelta).toHaveBeenCalledTimes(1);
  });
});
