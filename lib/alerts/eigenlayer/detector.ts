// The EigenLayer alert detector: decodes the watched AllocationManager / DelegationManager /
// EigenPodManager logs and dispatches each to its handler. Handlers run in chain order; each
// batches its own reads across the tracked addresses.
import { decodeEventLog, getAddress, type Address, type Log } from 'viem';
import type { AlertDetector, DetectedAlert } from '../detector.js';
import type { DecodedLog, Handler, HandlerEnv } from './context.js';
import { TOPICS, WATCHED, watchedContracts, type WatchedName } from './events.js';
import { HistoricalReads } from './historical-reads.js';
import { onAllocationUpdated } from './on-allocation-updated.js';
import { onBeaconSlash } from './on-beacon-slash.js';
import { onForceUndelegated } from './on-force-undelegated.js';
import { onOperatorAdded } from './on-operator-added.js';
import { onOperatorSlashed } from './on-operator-slashed.js';
import { onRedistributionSet, onSlasherUpdated } from './on-set-change.js';

const HANDLERS: Record<WatchedName, Handler> = {
  OperatorSlashed: onOperatorSlashed,
  BeaconChainSlashingFactorDecreased: onBeaconSlash,
  AllocationUpdated: onAllocationUpdated,
  OperatorAddedToOperatorSet: onOperatorAdded,
  SlasherUpdated: onSlasherUpdated,
  RedistributionAddressSet: onRedistributionSet,
  StakerForceUndelegated: onForceUndelegated,
};
const BY_TOPIC = new Map(Object.entries(TOPICS).map(([name, topic]) => [topic.toLowerCase(), name as WatchedName]));

/** Decodes a watched log; null for logs of the wrong contract or that do not decode (never trusted blindly). */
export function decodeWatched(log: Log, contracts: Record<string, Address>): DecodedLog | null {
  const name = BY_TOPIC.get((log.topics[0] ?? '').toLowerCase());
  if (!name || log.blockNumber == null || log.transactionHash == null || log.logIndex == null) return null;
  const w = WATCHED[name];
  if (contracts[w.contract]?.toLowerCase() !== log.address.toLowerCase()) return null;
  try {
    const d = decodeEventLog({ abi: [w.event], data: log.data, topics: log.topics as never, strict: true });
    return { name, args: d.args as unknown as Record<string, unknown>, log, blockNumber: log.blockNumber };
  } catch {
    return null;
  }
}

/** Keys of loss events, to know when a measured before/after difference belongs to one event only. */
function lossKey(ev: DecodedLog): string | null {
  if (ev.name === 'OperatorSlashed') return `${ev.blockNumber}:op:${String(ev.args.operator).toLowerCase()}`;
  if (ev.name === 'BeaconChainSlashingFactorDecreased') return `${ev.blockNumber}:beacon:${String(ev.args.staker).toLowerCase()}`;
  return null;
}

export const eigenLayerDetector: AlertDetector = {
  protocol: 'eigenlayer',
  supports: (d) => d.eigenlayer !== undefined,
  filter: (d) => ({ addresses: watchedContracts(d.eigenlayer!), topics: Object.values(TOPICS) }),
  async detect(ctx, logs) {
    const el = ctx.deployments.eigenlayer!;
    const events = logs.map((l) => decodeWatched(l, el as unknown as Record<string, Address>)).filter((e): e is DecodedLog => e !== null);
    const counts = new Map<string, number>();
    for (const e of events) {
      const k = lossKey(e);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const env: HandlerEnv = {
      ctx: { ...ctx, addresses: ctx.addresses.map((a) => getAddress(a)) },
      reads: new HistoricalReads(ctx.client, el),
      lossCount: (k) => counts.get(k.toLowerCase()) ?? 0,
    };
    const out: DetectedAlert[] = [];
    for (const e of events) out.push(...(await HANDLERS[e.name as WatchedName](env, e)));
    return out;
  },
};
