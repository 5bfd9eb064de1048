import { describe, expect, it, vi } from 'vitest';
import type { RequestOf, RequestType, Response } from './messages.js';
import { createPopupStore, type PopupDeps } from './popup-store.js';
import type { StoredState, StoredStateWatchers } from './storage/stored-state.js';
import { defaultSettings } from './storage/settings.js';
import { emptyAlertStore } from './alerts/alert-store.js';
import { sampleAlert } from '../alerts/testing/sample-alert.js';
import { ALICE, sampleSnapshot } from './testing/sample-snapshot.js';

const cached: StoredState = {
  settings: { ...defaultSettings(), addresses: [{ address: ALICE, label: 'alice' }] },
  portfolio: { chains: { '1': { snapshot: sampleSnapshot(), status: { state: 'fresh', lastAttemptAt: 1, lastSuccessAt: 1 } } } },
  alerts: emptyAlertStore(),
  rewards: { chains: {} },
  history: {},
  risk: { chains: { '1': { status: { state: 'fresh', lastAttemptAt: 1, lastSuccessAt: 1 }, block: '1000', entities: {} } } },
};

function setup(answer: (req: RequestOf<RequestType>) => Response<RequestType> = () => ({ ok: true }) as never) {
  let watchers: StoredStateWatchers | null = null;
  const send = vi.fn(async (req: RequestOf<RequestType>) => answer(req));
  const deps: PopupDeps = { send: send as never, read: async () => cached, watch: (cb) => ((watchers = cb), () => (watchers = null)) };
  const store = createPopupStore(deps);
  return { store, send, emit: () => watchers! };
}

describe('popup store', () => {
  it('shows the cached snapshot from storage on init, without asking the background', async () => {
    const { store, send } = setup();
    await store.getState().init();
    expect(store.getState()).toMatchObject({ loaded: true, portfolio: cached.portfolio, settings: cached.settings });
    expect(send).not.toHaveBeenCalled();
  });

  it('follows storage writes made by the background', async () => {
    const { store, emit } = setup();
    await store.getState().init();
    const stale = { chains: { '1': { snapshot: sampleSnapshot(), status: { state: 'stale' as const, lastAttemptAt: 2, lastSuccessAt: 1, error: { name: 'RpcUnavailableError', message: 'down' } } } } };
    emit().onPortfolio(stale);
    expect(store.getState().portfolio).toEqual(stale);
  });

  it('mirrors the stored risk verdicts and follows their updates', async () => {
    const { store, emit } = setup();
    await store.getState().init();
    expect(store.getState().risk).toEqual(cached.risk);
    const stale = { chains: { '1': { status: { state: 'stale' as const, lastAttemptAt: 2, lastSuccessAt: 1, error: { name: 'RiskReadError', message: 'down' } }, block: '1000', entities: {} } } };
    emit().onRisk!(stale);
    expect(store.getState().risk).toEqual(stale);
  });

  it('follows the alert inbox and sends inbox actions to the background', async () => {
    const { store, emit, send } = setup();
    await store.getState().init();
    const inbox = { ...emptyAlertStore(), alerts: [sampleAlert()] };
    emit().onAlerts(inbox);
    expect(store.getState().alerts).toEqual(inbox);
    expect(await store.getState().acknowledgeAlert(sampleAlert().id)).toEqual({ ok: true });
    await store.getState().snoozeAlert(sampleAlert().id, 24);
    await store.getState().muteOperator(sampleAlert().operator!);
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'acknowledgeAlert', ids: [sampleAlert().id] },
      { type: 'snoozeAlert', id: sampleAlert().id, hours: 24 },
      { type: 'muteOperator', operator: sampleAlert().operator, muted: true },
    ]);
    expect(store.getState().notice?.text).toMatch(/^Operator muted/);
  });

  it('refuses an invalid or duplicate address locally, without a message to the background', async () => {
    const { store, send } = setup();
    await store.getState().init();
    expect(await store.getState().addAddress('0x12', '')).toEqual({ ok: false, message: 'Not an address: expected 0x followed by 40 hex characters' });
    expect(await store.getState().addAddress(ALICE.toLowerCase(), '')).toEqual({ ok: false, message: 'Already tracked as alice' });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends a valid address and reports the background refusal', async () => {
    const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
    const { store, send } = setup(() => ({ ok: false, error: { name: 'InvalidSettingsError', message: 'Label too long: at most 32 characters' } }));
    await store.getState().init();
    expect(await store.getState().addAddress(BOB, 'x')).toEqual({ ok: false, message: 'Label too long: at most 32 characters' });
    expect(send).toHaveBeenCalledWith({ type: 'addAddress', address: BOB, label: 'x' });
  });

  it('refresh shows a busy state, ignores double clicks and reports a failed refresh', async () => {
    let release!: (r: Response<'refreshNow'>) => void;
    const { store, send } = setup();
    send.mockImplementation(() => new Promise((r) => (release = r as never)));
    const first = store.getState().refresh();
    expect(store.getState().refreshing).toBe(true);
    await store.getState().refresh();
    expect(send).toHaveBeenCalledTimes(1);
    release({ ok: true, chains: { '1': { state: 'stale', lastAttemptAt: 2, lastSuccessAt: 1, error: { name: 'RpcUnavailableError', message: 'down' } } } });
    await first;
    expect(store.getState()).toMatchObject({ refreshing: false, notice: { kind: 'error', text: 'Refresh failed: down' } });
  });

  it('with several chains names the ones that failed', async () => {
    const fresh = { state: 'fresh' as const, lastAttemptAt: 2, lastSuccessAt: 2 };
    const { store } = setup(() => ({ ok: true, chains: { '1': fresh, '42161': { ...fresh, state: 'stale', lastSuccessAt: 1, error: { name: 'RpcUnavailableError', message: 'timeout' } } } }) as never);
    await store.getState().refresh();
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'Refresh failed: Arbitrum One: timeout' });
    const ok = setup(() => ({ ok: true, chains: { '1': fresh, '42161': fresh } }) as never);
    await ok.store.getState().refresh();
    expect(ok.store.getState().notice).toEqual({ kind: 'info', text: 'Up to date' });
  });

  it('dispose stops watching storage', async () => {
    const { store, emit } = setup();
    await store.getState().init();
    store.getState().dispose();
    expect(() => emit().onSettings(defaultSettings())).toThrow();
  });
});
