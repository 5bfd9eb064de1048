// One scan of the Karak V2 Core's logs (all its events are non-indexed: address + topic0 only),
// indexed for the risk facts: vaults, operator<->DSS registrations, stake updates, slash requests
// and outcomes, asset slashing handlers. Shared by the vault, DSS and operator gatherers of a run.
import { getAddress, type Address } from 'viem';
import { coreAbi } from '../../protocols/karak/abi.js';
import type { RiskContext } from './context.js';
import { scanLogs, type DecodedLog } from './scan-logs.js';

const EVENTS = ['DeployedVault', 'RegisteredOperatorToDSS', 'UnregisteredOperatorToDSS', 'RequestedStakeUpdate', 'FinishedStakeUpdate', 'RequestedSlashing', 'FinalizedSlashing', 'CancelledSlashing', 'AllowlistedAssets'];

export interface KarakCoreLogs {
  logs: DecodedLog[];
  vaults: { vault: Address; operator: Address; asset: Address; log: DecodedLog }[];
  /** Current registrations (register minus unregister), with the first registration log. */
  registrations: { operator: Address; dss: Address; log: DecodedLog }[];
  pendingStakeUpdates: { vault: Address; dss: Address; toStake: boolean; startTimestamp: number; log: DecodedLog }[];
  /** Slash requests not yet finalized or cancelled, matched per (dss, operator) in order. */
  pendingSlashes: { dss: Address; operator: Address; vaults: Address[]; log: DecodedLog }[];
  finalizedSlashes: { dss: Address; operator: Address; vaults: Address[]; log: DecodedLog }[];
  handlers: Map<Address, { handler: Address; log: DecodedLog }>;
}

export type KarakScan = { ok: true; value: KarakCoreLogs } | { ok: false; reason: string };

const a = (x: unknown) => getAddress(x as string);

export async function scanKarakCore(ctx: RiskContext, core: Address): Promise<KarakScan> {
  const from = ctx.logsFromBlock ?? BigInt(ctx.deployments.karak?.fromBlock ?? 0);
  const scan = await scanLogs(ctx, { address: core, abi: coreAbi, events: EVENTS }, from);
  if (!scan.ok) return scan;
  const out: KarakCoreLogs = { logs: scan.logs, vaults: [], registrations: [], pendingStakeUpdates: [], pendingSlashes: [], finalizedSlashes: [], handlers: new Map() };
  const key = (dss: Address, op: Address) => `${dss}:${op}`;
  for (const log of scan.logs) {
    const x = log.args;
    switch (log.eventName) {
      case 'DeployedVault': out.vaults.push({ vault: a(x.vault), operator: a(x.operator), asset: a(x.asset), log }); break;
      case 'RegisteredOperatorToDSS': out.registrations.push({ operator: a(x.operator), dss: a(x.dss), log }); break;
      case 'UnregisteredOperatorToDSS': out.registrations = out.registrations.filter((r) => !(r.operator === a(x.operator) && r.dss === a(x.dss))); break;
      case 'RequestedStakeUpdate':
      case 'FinishedStakeUpdate': {
        const q = x.updateRequest as { startTimestamp: number; updateRequest: { vault: string; dss: string; toStake: boolean } };
        const u = { vault: a(q.updateRequest.vault), dss: a(q.updateRequest.dss), toStake: q.updateRequest.toStake, startTimestamp: Number(q.startTimestamp), log };
        // One pending update per vault (Core rule): a finish clears the vault's request.
        out.pendingStakeUpdates = out.pendingStakeUpdates.filter((p) => p.vault !== u.vault);
        if (log.eventName === 'RequestedStakeUpdate') out.pendingStakeUpdates.push(u);
        break;
      }
      case 'RequestedSlashing': {
        const r = x.requestSlashing as { operator: string; vaults: readonly string[] };
        out.pendingSlashes.push({ dss: a(x.dss), operator: a(r.operator), vaults: r.vaults.map(a), log });
        break;
      }
      case 'FinalizedSlashing':
      case 'CancelledSlashing': {
        const q = x.queuedSlashing as { dss: string; operator: string; vaults: readonly string[] };
        const s = { dss: a(q.dss), operator: a(q.operator), vaults: q.vaults.map(a), log };
        // RequestedSlashing carries no nonce: resolve the oldest open request of the same (dss, operator).
        const i = out.pendingSlashes.findIndex((p) => key(p.dss, p.operator) === key(s.dss, s.operator));
        if (i >= 0) out.pendingSlashes.splice(i, 1);
        if (log.eventName === 'FinalizedSlashing') out.finalizedSlashes.push(s);
        break;
      }
      case 'AllowlistedAssets': {
        const assets = x.assets as readonly string[], handlers = x.slashingHandlers as readonly string[];
        assets.forEach((asset, i) => handlers[i] && out.handlers.set(a(asset), { handler: a(handlers[i]), log }));
        break;
      }
    }
  }
  return { ok: true, value: out };
}
