// The trusted channel: extension pages (popup, options) -> background. Requests are a typed union;
// every response is `{ok:true,...}` or `{ok:false,error:{name,message}}` so the UI can show why.
// Incoming messages are parsed (parseRequest), never trusted for shape.
import type { Settings } from './storage/settings.js';
import type { AlertSettings } from './alerts/alert-store.js';
import type { RefreshStatus, StoredPortfolio } from './storage/portfolio.js';
import type { StoredRewards } from './storage/rewards.js';
import type { History } from '../rewards/history.js';
import { RestakeError } from '../errors/errors.js';

export type Request =
  | { type: 'getState' }
  | { type: 'addAddress'; address: string; label: string }
  | { type: 'removeAddress'; address: string }
  | { type: 'setLabel'; address: string; label: string }
  | { type: 'refreshNow' }
  /** rpcUrls: [] = the chain's built-in RPCs; deploymentsOverride: a deployments file (plain JSON), or null for the defaults. */
  | { type: 'saveChainSettings'; chainId: number; enabled: boolean; rpcUrls: string[]; deploymentsOverride: unknown }
  | { type: 'setRefreshPeriod'; seconds: number }
  /** The opt-in EigenLayer rewards API of one chain (off by default: it reveals tracked addresses to that service). */
  | { type: 'saveRewardsApi'; chainId: number; enabled: boolean; baseUrl: string }
  // Alert inbox (lib/extension/alerts/inbox-actions.ts); ids are alert ids (`chain:tx:log:address`).
  | { type: 'acknowledgeAlert'; ids: string[] }
  | { type: 'snoozeAlert'; id: string; hours: number }
  | { type: 'muteOperator'; operator: string; muted: boolean }
  /** address null: the default for every address; threshold 'default': drop the address's own setting. */
  | { type: 'setAlertThreshold'; threshold: string; address: string | null }
  /** Rule threshold overrides `{ ruleId: { name: number } }` (validated by lib/risk parseThresholds); {} = all defaults. */
  | { type: 'saveRiskThresholds'; thresholds: unknown }
  /** Per-site annotator on/off, `{ host: boolean }`, hosts of the registry's sites.json only. */
  | { type: 'saveSiteAnnotations'; sites: unknown }
  /** The tx guard's off switch, and origins to take off the "skip the dialog for low risk" list. */
  | { type: 'saveTxGuardSettings'; enabled: boolean; removeOrigins: string[] };

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export interface StateView {
  settings: Settings;
  /** Plain JSON (bigints as strings): runtime messages cannot carry bigint. */
  portfolio: StoredPortfolio;
  /** Rewards per chain, plain JSON like the portfolio. */
  rewards: StoredRewards;
  /** Bounded value history per chain and address (decimal strings). */
  history: History;
  refreshBounds: { min: number; max: number };
  /** Notification thresholds and muted operators (lowercase), for the options page. */
  alerts: { settings: AlertSettings; mutedOperators: string[] };
}

export interface ResponseData {
  getState: StateView;
  addAddress: { address: string };
  removeAddress: Record<never, never>;
  setLabel: Record<never, never>;
  /** Status of each enabled chain, keyed by decimal chain id. */
  refreshNow: { chains: Record<string, RefreshStatus> };
  saveChainSettings: Record<never, never>;
  setRefreshPeriod: { seconds: number };
  saveRewardsApi: Record<never, never>;
  acknowledgeAlert: { unread: number };
  snoozeAlert: { until: number };
  muteOperator: Record<never, never>;
  setAlertThreshold: Record<never, never>;
  /** The overrides as stored (only values that differ from the defaults). */
  saveRiskThresholds: { thresholds: Record<string, Record<string, number>> };
  saveSiteAnnotations: Record<never, never>;
  saveTxGuardSettings: { skipLowRiskOrigins: string[] };
}

export interface ErrorInfo {
  name: string;
  message: string;
}

export type Response<T extends RequestType> = ({ ok: true } & ResponseData[T]) | { ok: false; error: ErrorInfo };

export class InvalidMessageError extends RestakeError {
  override name = 'InvalidMessageError';
}

export class UntrustedSenderError extends RestakeError {
  override name = 'UntrustedSenderError';
}

export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function field<T>(o: Record<string, unknown>, key: string, check: (v: unknown) => v is T, what: string): T {
  const v = o[key];
  if (!check(v)) throw new InvalidMessageError(`message.${key}: expected ${what}`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** Shape check of an incoming message (content validation happens in the handlers). */
export function parseRequest(msg: unknown): Request {
  if (!isObject(msg) || typeof msg.type !== 'string') throw new InvalidMessageError('message: expected {type: string, ...}');
  switch (msg.type) {
    case 'getState':
    case 'refreshNow':
      return { type: msg.type };
    case 'addAddress':
    case 'setLabel':
      return { type: msg.type, address: field(msg, 'address', isString, 'a string'), label: field(msg, 'label', isString, 'a string') };
    case 'removeAddress':
      return { type: 'removeAddress', address: field(msg, 'address', isString, 'a string') };
    case 'saveChainSettings':
      return {
        type: 'saveChainSettings',
        chainId: field(msg, 'chainId', isNumber, 'a number'),
        enabled: field(msg, 'enabled', isBoolean, 'a boolean'),
        rpcUrls: field(msg, 'rpcUrls', isStringArray, 'a list of strings'),
        deploymentsOverride: msg.deploymentsOverride ?? null,
      };
    case 'setRefreshPeriod':
      return { type: 'setRefreshPeriod', seconds: field(msg, 'seconds', isNumber, 'a number') };
    case 'saveRewardsApi':
      return {
        type: 'saveRewardsApi',
        chainId: field(msg, 'chainId', isNumber, 'a number'),
        enabled: field(msg, 'enabled', isBoolean, 'a boolean'),
        baseUrl: field(msg, 'baseUrl', isString, 'a string'),
      };
    case 'acknowledgeAlert':
      return { type: 'acknowledgeAlert', ids: field(msg, 'ids', isStringArray, 'a list of strings') };
    case 'snoozeAlert':
      return { type: 'snoozeAlert', id: field(msg, 'id', isString, 'a string'), hours: field(msg, 'hours', isNumber, 'a number') };
    case 'muteOperator':
      return { type: 'muteOperator', operator: field(msg, 'operator', isString, 'a string'), muted: field(msg, 'muted', isBoolean, 'a boolean') };
    case 'setAlertThreshold':
      return {
        type: 'setAlertThreshold',
        threshold: field(msg, 'threshold', isString, 'a string'),
        address: field(msg, 'address', (v): v is string | null => v === null || isString(v), 'a string or null'),
      };
    case 'saveRiskThresholds':
      if (!('thresholds' in msg)) throw new InvalidMessageError('message.thresholds: expected an object');
      return { type: 'saveRiskThresholds', thresholds: msg.thresholds };
    case 'saveSiteAnnotations':
      if (!('sites' in msg)) throw new InvalidMessageError('message.sites: expected an object');
      return { type: 'saveSiteAnnotations', sites: msg.sites };
    case 'saveTxGuardSettings':
      return { type: 'saveTxGuardSettings', enabled: field(msg, 'enabled', isBoolean, 'a boolean'), removeOrigins: field(msg, 'removeOrigins', isStringArray, 'a list of strings') };
    default:
      throw new InvalidMessageError(`message.type: unknown request ${JSON.stringify(msg.type).slice(0, 40)}`);
  }
}
