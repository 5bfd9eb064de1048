import { describe, expect, it, vi } from 'vitest';
import type { EntityAnswer } from '../../annotate/protocol.js';
import { createAnnotatorChannel, type PortLike } from './annotator-channel.js';

const RUNTIME = 'ext-id';
const OP = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';

function fakePort(over: Partial<PortLike['sender']> = {}, name = 'rc-annotator') {
  const sent: unknown[] = [];
  const listeners: ((m: unknown) => void)[] = [];
  const closers: (() => void)[] = [];
  const port = {
    name,
    sender: { id: RUNTIME, url: 'https://app.eigenlayer.xyz/avs/x', frameId: 0, tab: { id: 7 }, ...over },
    postMessage: (m: unknown) => void sent.push(m),
    disconnect: vi.fn(),
    onMessage: { addListener: (cb: (m: unknown) => void) => void listeners.push(cb) },
    onDisconnect: { addListener: (cb: () => void) => void closers.push(cb) },
  };
  const send = async (m: unknown) => {
    for (const l of listeners) l(m);
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { port, sent, send, listeners, close: () => closers.forEach((c) => c()) };
}

const answer = (a: string, exposed = false): EntityAnswer => ({ a, kind: 'eigenlayer-operator', chainId: 31337, name: null, grade: 'high', dims: {}, reasons: [], exposed });

function channel(sites: Record<string, boolean> = {}, limits?: { messages: [number, number]; addresses: [number, number] }) {
  const service = { answer: vi.fn(async (items: { a: string }[]) => items.map((i) => answer(i.a))), clear: vi.fn() };
  const state = { sites };
  const ch = createAnnotatorChannel({ runtimeId: RUNTIME, service, sites: async () => state.sites, now: () => 0, ...(limits ? { limits } : {}) });
  return { ch, service, state };
}

describe('annotator channel: who may connect', () => {
  it.each([
    ['another extension', { id: 'other' }],
    ['a sub-frame', { frameId: 3 }],
    ['no tab', { tab: undefined }],
    ['a site not in the registry', { url: 'https://evil.example/' }],
    ['a look-alike host', { url: 'https://app.eigenlayer.xyz.evil.example/' }],
    ['plain http', { url: 'http://app.eigenlayer.xyz/' }],
    ['an extension page', { url: `chrome-extension://${RUNTIME}/popup.html` }],
  ])('refuses %s silently', async (_, over) => {
    const { ch, service } = channel();
    const p = fakePort(over as Partial<PortLike['sender']>);
    ch.connect(p.port);
    expect(p.port.disconnect).toHaveBeenCalled();
    expect(p.listeners).toHaveLength(0);
    expect(p.sent).toEqual([]);
    expect(service.answer).not.toHaveBeenCalled();
  });

  it('ignores ports of other channels (the tx guard has its own)', () => {
    const { ch } = channel();
    const p = fakePort({}, 'something-else');
    ch.connect(p.port);
    expect(p.port.disconnect).not.toHaveBeenCalled();
    expect(ch.connected).toBe(0);
  });
});

describe('annotator channel: messages', () => {
  it('hello -> site state; grades -> answers from the service with the site protocol', async () => {
    const { ch, service } = channel();
    const p = fakePort();
    ch.connect(p.port);
    await p.send({ t: 'hello' });
    await p.send({ t: 'grades', id: 4, items: [{ a: OP.toUpperCase().replace('0X', '0x') }] });
    expect(p.sent).toEqual([{ t: 'site', on: true }, { t: 'grades', id: 4, answers: [answer(OP)] }]);
    expect(service.answer).toHaveBeenCalledWith([{ a: OP }], 'eigenlayer');
  });

  it('invalid messages get a bare "invalid" and never reach the service', async () => {
    const { ch, service } = channel();
    const p = fakePort();
    ch.connect(p.port);
    await p.send({ type: 'getState' });
    await p.send({ t: 'grades', id: 1, items: [{ a: '0x12' }] });
    await p.send({ t: 'grades', id: 2, items: Array.from({ length: 101 }, () => ({ a: OP })) });
    expect(p.sent).toEqual([{ t: 'error', id: null, code: 'invalid' }, { t: 'error', id: 1, code: 'invalid' }, { t: 'error', id: 2, code: 'invalid' }]);
    expect(service.answer).not.toHaveBeenCalled();
  });

  it('a site switched off answers nothing but its state', async () => {
    const { ch, service } = channel({ 'app.eigenlayer.xyz': false });
    const p = fakePort();
    ch.connect(p.port);
    await p.send({ t: 'hello' });
    await p.send({ t: 'grades', id: 1, items: [{ a: OP }] });
    await p.send({ t: 'page', id: 2, url: `https://app.eigenlayer.xyz/operator/${OP}` });
    expect(p.sent).toEqual([{ t: 'site', on: false }, { t: 'error', id: 1, code: 'disabled' }, { t: 'error', id: 2, code: 'disabled' }]);
    expect(service.answer).not.toHaveBeenCalled();
  });

  it('page: entities of the URL (kind from the site pattern); another host is refused', async () => {
    const { ch, service } = channel();
    const p = fakePort();
    ch.connect(p.port);
    await p.send({ t: 'page', id: 1, url: `https://app.eigenlayer.xyz/operator/${OP}` });
    expect(service.answer).toHaveBeenCalledWith([{ a: OP, kind: 'eigenlayer-operator' }], 'eigenlayer');
    await p.send({ t: 'page', id: 2, url: `https://app.symbiotic.fi/vault/${OP}` });
    await p.send({ t: 'page', id: 3, url: 'https://app.eigenlayer.xyz/status' });
    expect(p.sent.slice(1)).toEqual([{ t: 'error', id: 2, code: 'invalid' }, { t: 'page', id: 3, answers: [] }]);
  });

  it('rate-limits per tab, across reconnects, by messages and by addresses', async () => {
    const { ch, service } = channel({}, { messages: [3, 1], addresses: [150, 1] });
    const a = fakePort();
    ch.connect(a.port);
    const items = Array.from({ length: 100 }, (_, i) => ({ a: `0x${i.toString(16).padStart(40, '0')}` }));
    await a.send({ t: 'grades', id: 1, items });
    await a.send({ t: 'grades', id: 2, items });
    expect(a.sent[1]).toMatchObject({ t: 'error', id: 2, code: 'rate-limited' });
    // Same tab, new port: the budget is not refilled.
    const b = fakePort();
    ch.connect(b.port);
    await b.send({ t: 'hello' });
    await b.send({ t: 'hello' });
    expect(b.sent).toEqual([{ t: 'site', on: true }, { t: 'error', id: null, code: 'rate-limited', retryMs: 1000 }]);
    expect(service.answer).toHaveBeenCalledTimes(1);
    // Another tab has its own budget.
    const c = fakePort({ tab: { id: 8 } });
    ch.connect(c.port);
    await c.send({ t: 'grades', id: 1, items });
    expect(c.sent[0]).toMatchObject({ t: 'grades', id: 1 });
  });

  it('pushes site state and refresh on settings changes, refresh on a new snapshot, to open ports only', async () => {
    const { ch, service, state } = channel();
    const p = fakePort();
    const q = fakePort({ url: 'https://etherscan.io/address/x', tab: { id: 9 } });
    ch.connect(p.port);
    ch.connect(q.port);
    q.close();
    state.sites = { 'app.eigenlayer.xyz': false };
    await ch.settingsChanged();
    ch.portfolioChanged();
    expect(service.clear).toHaveBeenCalled();
    expect(p.sent).toEqual([{ t: 'site', on: false }, { t: 'refresh' }, { t: 'refresh' }]);
    expect(q.sent).toEqual([]);
  });

  it('answers carry only entity facts and one exposed bit', async () => {
    const { ch } = channel();
    const p = fakePort();
    ch.connect(p.port);
    await p.send({ t: 'grades', id: 1, items: [{ a: OP }] });
    const [reply] = p.sent as { answers: Record<string, unknown>[] }[];
    expect(Object.keys(reply!.answers[0]!).sort()).toEqual(['a', 'chainId', 'dims', 'exposed', 'grade', 'kind', 'name', 'reasons']);
  });
});
