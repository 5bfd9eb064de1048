// Executed Symbiotic slashes from slasher events: instant `Slash`, and veto `RequestSlash` that
// has a matching `ExecuteSlash` from the same slasher. Events from unknown emitters are ignored
// unless the SlasherFactory confirms the emitter (anyone can emit a look-alike event).
import { getAddress, type Address, type Hex } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import { registryAbi, slasherAbi, vetoSlasherAbi } from '../../protocols/symbiotic/abi.js';
import { known, unknown, type Fact } from '../facts/fact.js';
import type { SlashHistory } from '../facts/signals.js';
import type { RiskContext } from './context.js';
import { FactRound } from './fact-round.js';
import { logEvidence, scanLogs, type DecodedLog } from './scan-logs.js';

export async function symbioticSlashHistory(ctx: RiskContext, sym: SymbioticAddresses, match: (subnetwork: Hex, operator: Address) => boolean, slashers?: Address[]): Promise<Fact<SlashHistory>> {
  if (slashers && slashers.length === 0) return known({ count: 0, atLeast: false });
  const from = ctx.logsFromBlock ?? BigInt(sym.fromBlock ?? 0);
  const address = slashers ?? undefined;
  const [instant, requests, executes] = await Promise.all([
    scanLogs(ctx, { ...(address ? { address } : {}), abi: slasherAbi, events: ['Slash'] }, from),
    scanLogs(ctx, { ...(address ? { address } : {}), abi: vetoSlasherAbi, events: ['RequestSlash'] }, from),
    scanLogs(ctx, { ...(address ? { address } : {}), abi: vetoSlasherAbi, events: ['ExecuteSlash'] }, from),
  ]);
  for (const s of [instant, requests, executes]) if (!s.ok) return unknown(s.reason);
  const ok = (s: typeof instant) => (s as { logs: DecodedLog[] }).logs;
  const executed = new Set(ok(executes).map((l) => `${l.address}:${String(l.args.slashIndex)}`));
  const hits = [
    ...ok(instant).filter((l) => match(l.args.subnetwork as Hex, getAddress(l.args.operator as string))),
    ...ok(requests).filter((l) => executed.has(`${l.address}:${String(l.args.slashIndex)}`) && match(l.args.subnetwork as Hex, getAddress(l.args.operator as string))),
  ];
  let verified = hits;
  if (!slashers) {
    const r = new FactRound(ctx);
    const emitters = [...new Set(hits.map((l) => getAddress(l.address)))];
    const checks = emitters.map((e) => ({ e, f: r.read<boolean>(sym.slasherFactory, registryAbi, 'isEntity', [e], 'SlasherFactory.isEntity(emitter)') }));
    await r.run();
    const bad = checks.find((c) => c.f().status === 'unknown');
    if (bad) return unknown((bad.f() as { reason: string }).reason);
    const real = new Set(checks.filter((c) => (c.f() as { value: boolean }).value).map((c) => c.e));
    verified = hits.filter((l) => real.has(getAddress(l.address)));
  }
  return known({ count: verified.length, atLeast: false }, verified.map((l) => logEvidence(l, `${l.eventName} of operator ${String(l.args.operator)}`)));
}
