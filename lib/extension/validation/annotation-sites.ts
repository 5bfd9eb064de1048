// The dApp sites the annotator may run on (the registry's sites.json: host + site name), and the
// validation of the user's per-site on/off choices. Only hosts of that list are accepted: the
// setting cannot be used to store arbitrary hosts.
import sites from '../../registry/data/sites.json' with { type: 'json' };
import { InvalidSettingsError } from '../../errors/errors.js';

export interface AnnotationSite {
  host: string;
  site: string;
}

const HOST = /^[a-z0-9.-]{1,253}$/;

/** Validated once: a record without a plain lowercase host or a name is left out. */
export const ANNOTATION_SITES: readonly AnnotationSite[] = (sites as { sites: { host?: unknown; site?: unknown }[] }).sites.flatMap((s) =>
  typeof s.host === 'string' && HOST.test(s.host) && typeof s.site === 'string' ? [{ host: s.host, site: s.site.slice(0, 80) }] : [],
);

/** `{ host: boolean }` for hosts of the list; anything else is refused with every reason. */
export function parseSiteAnnotations(input: unknown, known: readonly AnnotationSite[] = ANNOTATION_SITES): Record<string, boolean> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new InvalidSettingsError('Site annotations must be an object of { host: true | false }');
  const errors: string[] = [];
  const out: Record<string, boolean> = {};
  for (const [host, on] of Object.entries(input)) {
    if (!known.some((s) => s.host === host)) errors.push(`${host.slice(0, 60)}: not a supported site`);
    else if (typeof on !== 'boolean') errors.push(`${host}: must be on or off (true or false)`);
    else out[host] = on;
  }
  if (errors.length) throw new InvalidSettingsError(`Site annotations not saved: ${errors.join('; ')}`, { errors });
  return out;
}
