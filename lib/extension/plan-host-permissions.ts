// Which host permissions a set of RPC URLs needs beyond those granted at install. The manifest
// only offers https://*/* as optional, so a plain-http RPC works only on loopback (granted).
import { InvalidSettingsError } from '../errors/errors.js';
import { originPattern } from './validation/parse-rpc-urls.js';

/** Host match patterns from a manifest (MV3 host_permissions, or MV2 permissions that are URLs). */
export function grantedHostPatterns(manifest: { host_permissions?: string[]; permissions?: unknown[] }): string[] {
  const fromPermissions = (manifest.permissions ?? []).filter((p): p is string => typeof p === 'string' && p.includes('://'));
  return [...(manifest.host_permissions ?? []), ...fromPermissions];
}

/** Patterns to request (deduplicated); throws for a URL no permission can cover. */
export function planHostPermissions(urls: readonly string[], granted: readonly string[]): string[] {
  const needed = new Set<string>();
  for (const url of urls) {
    const pattern = originPattern(url);
    if (granted.includes(pattern)) continue;
    if (pattern.startsWith('http://')) {
      throw new InvalidSettingsError(`Plain http:// is only allowed for localhost and 127.0.0.1 (${new URL(url).host}): use https://`);
    }
    needed.add(pattern);
  }
  return [...needed];
}
