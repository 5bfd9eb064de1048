// The rewards API setting of one chain, checked by the options page and again by the background.
// Enabled needs an http(s) base URL without credentials; plain http only on loopback, because the
// requests carry the tracked address.
import { InvalidSettingsError } from '../../errors/errors.js';
import type { RewardsApiSettings } from '../storage/settings.js';
import { parseRpcUrl } from './parse-rpc-urls.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
export const MAX_BASE_URL_LENGTH = 300;

export function parseRewardsApiUrl(input: string): string {
  const text = input.trim().replace(/\/+$/, '');
  if (text.length > MAX_BASE_URL_LENGTH) throw new InvalidSettingsError(`Rewards API URL is longer than ${MAX_BASE_URL_LENGTH} characters`);
  const url = new URL(parseRpcUrl(text));
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw new InvalidSettingsError(`Use https:// for the rewards API (${url.host}): plain http is only allowed on localhost`);
  if (url.search || url.hash) throw new InvalidSettingsError('The rewards API base URL must not have a query or fragment');
  return text;
}

export function parseRewardsApi(input: unknown): RewardsApiSettings {
  if (typeof input !== 'object' || input === null) throw new InvalidSettingsError('expected {enabled, baseUrl}');
  const { enabled, baseUrl } = input as Record<string, unknown>;
  if (typeof enabled !== 'boolean') throw new InvalidSettingsError('enabled must be true or false');
  if (typeof baseUrl !== 'string') throw new InvalidSettingsError('baseUrl must be a string');
  if (!enabled && baseUrl.trim() === '') return { enabled, baseUrl: '' };
  if (enabled && baseUrl.trim() === '') throw new InvalidSettingsError('Enter the rewards API base URL to turn it on');
  return { enabled, baseUrl: parseRewardsApiUrl(baseUrl) };
}
