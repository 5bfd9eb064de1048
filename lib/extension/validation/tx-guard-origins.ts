// Origins where a low-risk restaking transaction goes through without the in-page dialog (issue 7,
// "don't ask again for low risk"). Pure helpers for the background handlers: the options page
// removes entries; the tx guard's channel adds one with addSkipLowRiskOrigin after the user asked
// in the dialog. Accepted origins are exactly those decodeSettings keeps (same pattern), so a saved
// entry is never silently dropped on the next read.
import { InvalidSettingsError } from '../../errors/errors.js';
import type { Settings } from '../storage/settings.js';

/** Must match decode-settings.ts (a test checks that accepted origins survive decodeSettings). */
const ORIGIN = /^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/;
export const MAX_SKIP_ORIGINS = 200;

/** A page origin (`https://app.example`), normalized; a URL with a path is reduced to its origin. */
export function parseOrigin(input: unknown): string {
  if (typeof input !== 'string' || input.length > 300) throw new InvalidSettingsError('Origin must be a short text like https://app.example.xyz');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new InvalidSettingsError(`Not an origin: ${input.slice(0, 60)} (expected https://host)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InvalidSettingsError(`Origin ${input.slice(0, 60)}: only http(s) pages can be listed`);
  if (url.username || url.password) throw new InvalidSettingsError('Origin must not contain credentials');
  if (!ORIGIN.test(url.origin)) throw new InvalidSettingsError(`Origin ${url.origin.slice(0, 60)}: only plain host names are supported`);
  return url.origin;
}

/** A new Settings with the origin added (idempotent); refuses an invalid origin or a full list. */
export function addSkipLowRiskOrigin(settings: Settings, origin: unknown): Settings {
  const o = parseOrigin(origin);
  const list = settings.txGuard.skipLowRiskOrigins;
  if (list.includes(o)) return settings;
  if (list.length >= MAX_SKIP_ORIGINS) throw new InvalidSettingsError(`At most ${MAX_SKIP_ORIGINS} sites can skip the dialog: remove one in the options first`);
  return { ...settings, txGuard: { ...settings.txGuard, skipLowRiskOrigins: [...list, o] } };
}

/** A new Settings without these origins; each must be a valid origin (not necessarily listed). */
export function removeSkipLowRiskOrigins(settings: Settings, origins: readonly unknown[]): Settings {
  const drop = new Set(origins.map(parseOrigin));
  return { ...settings, txGuard: { ...settings.txGuard, skipLowRiskOrigins: settings.txGuard.skipLowRiskOrigins.filter((o) => !drop.has(o)) } };
}
