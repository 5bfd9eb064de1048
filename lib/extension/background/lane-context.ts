// What the refresher hands each follow-up of a successful positions read (rewards, risk): the
// settings and chain config of that refresh, the snapshot whose block they must read at, the shared
// discovery cache, the refresher's storage serializer and its clock.
import type { DiscoveryCache } from '../../protocols/adapter.js';
import type { RefreshConfig } from '../../portfolio/read-snapshot.js';
import type { Snapshot } from '../../portfolio/types.js';
import type { Settings } from '../storage/settings.js';

export interface LaneContext {
  settings: Settings;
  config: RefreshConfig;
  snapshot: Snapshot;
  cache: DiscoveryCache;
  serialize: <T>(f: () => Promise<T>) => Promise<T>;
  now: () => number;
}
