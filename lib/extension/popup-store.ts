// The popup's state: a mirror of storage (rendered at once from the cached snapshot; no RPC, ever)
// plus the few things that only exist while the popup is open (busy flags, the last notice).
// Vanilla zustand so it is tested without React; the background does all writing.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SendRequest } from './send-request.js';
import { chainName } from '../chains/registry.js';
import { emptyAlertStore, type AlertStore } from './alerts/alert-store.js';
import { emptyPortfolio, type Portfolio } from './storage/portfolio.js';
import { emptyRewards, type RewardsStore } from './storage/rewards.js';
import { emptyRisk, type RiskStore } from './storage/risk.js';
import type { History } from '../rewards/history.js';
import { defaultSettings, type Settings } from './storage/settings.js';
import type { StoredState, StoredStateWatchers } from './storage/stored-state.js';
import { parseLabel } from './validation/parse-label.js';
import { parseTrackedAddress } from './validation/parse-tracked-address.js';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export type ActionResult = { ok: true } | { ok: false; message: string };

export interface PopupState {
  loaded: boolean;
  settings: Settings;
  portfolio: Portfolio;
  alerts: AlertStore;
  rewards: RewardsStore;
  history: History;
  risk: RiskStore;
  refreshing: boolean;
  /** Announced through an aria-live region. */
  notice: Notice | null;
  init(): Promise<void>;
  dispose(): void;
  addAddress(address: string, label: string): Promise<ActionResult>;
  removeAddress(address: string): Promise<ActionResult>;
  setLabel(address: string, label: string): Promise<ActionResult>;
  refresh(): Promise<void>;
  acknowledgeAlert(id: string): Promise<ActionResult>;
  snoozeAlert(id: string, hours: number): Promise<ActionResult>;
  muteOperator(operator: string): Promise<ActionResult>;
}

export interface PopupDeps {
  send: SendRequest;
  read(): Promise<StoredState>;
  watch(cb: StoredStateWatchers): () => void;
}

export type PopupStore = StoreApi<PopupState>;

export function createPopupStore(deps: PopupDeps): PopupStore {
  let unwatch: (() => void) | null = null;

  return createStore<PopupState>()((set, get) => {
    /**
     * Sends a request and announces the outcome; storage.watch brings the new data. Forms show
     * their own errors next to the input (announceError false) so the reason is not read twice.
     */
    const act = async (run: () => ReturnType<SendRequest>, success: string, announceError = true): Promise<ActionResult> => {
      const response = await run();
      if (!response.ok) {
        if (announceError) set({ notice: { kind: 'error', text: response.error.message } });
        return { ok: false, message: response.error.message };
      }
      set({ notice: { kind: 'info', text: success } });
      return { ok: true };
    };

    return {
      loaded: false,
      settings: defaultSettings(),
      portfolio: emptyPortfolio(),
      alerts: emptyAlertStore(),
      rewards: emptyRewards(),
      history: {},
      risk: emptyRisk(),
      refreshing: false,
      notice: null,

      async init() {
        // Watch first so a write landing between read and watch is not missed.
        unwatch ??= deps.watch({ onSettings: (settings) => set({ settings }), onPortfolio: (portfolio) => set({ portfolio }), onAlerts: (alerts) => set({ alerts }),
          onRewards: (rewards) => set({ rewards }),
          onHistory: (history) => set({ history }),
          onRisk: (risk) => set({ risk }),
        });
        const state = await deps.read();
        set({ ...state, loaded: true });
      },

      dispose() {
        unwatch?.();
        unwatch = null;
      },

      async addAddress(address, label) {
        // Same checks as the background, for an instant answer; the background re-checks.
        try {
          parseTrackedAddress(address, get().settings.addresses);
          parseLabel(label);
        } catch (e) {
          return { ok: false, message: (e as Error).message };
        }
        return act(() => deps.send({ type: 'addAddress', address, label }), 'Address added; reading its positions…', false);
      },

      removeAddress(address) {
        return act(() => deps.send({ type: 'removeAddress', address }), 'Address removed');
      },

      setLabel(address, label) {
        return act(() => deps.send({ type: 'setLabel', address, label }), 'Label saved', false);
      },

      acknowledgeAlert(id) {
        return act(() => deps.send({ type: 'acknowledgeAlert', ids: [id] }), 'Alert acknowledged');
      },

      snoozeAlert(id, hours) {
        return act(() => deps.send({ type: 'snoozeAlert', id, hours }), `Alert snoozed for ${hours} h`);
      },

      muteOperator(operator) {
        return act(() => deps.send({ type: 'muteOperator', operator, muted: true }), 'Operator muted: its alerts stay in the inbox but no longer notify');
      },

      async refresh() {
        if (get().refreshing) return;
        set({ refreshing: true, notice: { kind: 'info', text: 'Refreshing…' } });
        const response = await deps.send({ type: 'refreshNow' });
        if (!response.ok) return set({ refreshing: false, notice: { kind: 'error', text: `Refresh failed: ${response.error.message}` } });
        // One line per failing chain; the chains that worked are updated all the same.
        const failed = Object.entries(response.chains).filter(([, s]) => s.error);
        if (failed.length === 0) return set({ refreshing: false, notice: { kind: 'info', text: 'Up to date' } });
        const reasons = failed.map(([id, s]) => (Object.keys(response.chains).length > 1 ? `${chainName(Number(id))}: ${s.error!.message}` : s.error!.message));
        set({ refreshing: false, notice: { kind: 'error', text: `Refresh failed: ${reasons.join('; ')}` } });
      },
    };
  });
}
