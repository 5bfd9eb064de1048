// Facts for a Karak V2 DSS (its own slashes and requests) and operator (the union of its vaults'
// facts, tenure from its first DeployedVault / RegisteredOperatorToDSS log).
import { getAddress, type Address } from 'viem';
import { coreAbi } from '../../protocols/karak/abi.js';
import type { EntityFactsOf } from '../facts/entity-facts.js';
import { known, unknown } from '../facts/fact.js';
import type { Signals } from '../facts/signals.js';
import { short } from '../format.js';
import { readCodeKinds } from './code-kinds.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { FactRound } from './fact-round.js';
import { scanKarakCore } from './karak-core-logs.js';
import { constant, coreOf, KARAK_CONSTANTS, karakVaultSignals } from './karak-vault.js';
import { mergeSignals } from './merge-signals.js';
import { logEvidence } from './scan-logs.js';

export async function gatherKarakDss(ctx: RiskContext, dss: Address): Promise<EntityFactsOf<'karak-dss'>> {
  const core = coreOf(ctx);
  const r = new FactRound(ctx);
  const registered = r.read<boolean>(core, coreAbi, 'isDSSRegistered', [dss], 'isDSSRegistered(dss)');
  const maxPct = r.read<bigint>(core, coreAbi, 'getDssMaxSlashablePercentageWad', [dss], 'getDssMaxSlashablePercentageWad(dss)');
  const [scan, now, codes] = await Promise.all([scanKarakCore(ctx, core), blockTimestampOf(ctx), readCodeKinds(ctx, [dss]), r.run()]);
  const code = codes.get(dss)!;
  const logs = scan.ok ? scan.value : undefined;
  const why = (scan as { reason?: string }).reason ?? '';
  const mine = logs?.finalizedSlashes.filter((s) => s.dss === dss) ?? [];
  const signals: Signals = {
    slashing: known([{ service: `DSS ${short(dss)}`, serviceAddress: dss, slasher: dss, slasherCode: code.status === 'known' ? code.value : null }], [...registered().evidence, ...code.evidence]),
    veto: known([{ service: `DSS ${short(dss)}`, mode: 'committee', resolver: null, windowSeconds: KARAK_CONSTANTS.SLASHING_VETO_WINDOW }], [constant(ctx, core, 'SLASHING_VETO_WINDOW')]),
    slashHistory: logs ? known({ count: mine.length, atLeast: false }, mine.map((s) => logEvidence(s.log, `finalized slash of operator ${s.operator}`))) : unknown(why),
    pending: logs ? known(logs.pendingSlashes.filter((s) => s.dss === dss).map((s) => ({ kind: 'slash-request' as const, service: `DSS ${short(dss)} on operator ${short(s.operator)}`, effective: `after the veto window (requested at block ${s.log.blockNumber})` })), logs.pendingSlashes.filter((s) => s.dss === dss).map((s) => logEvidence(s.log, 'slash requested'))) : unknown(why),
  };
  return {
    kind: 'karak-dss', address: dss, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: now, signals,
    details: { registered: registered(), maxSlashablePercentWad: maxPct(), operators: logs ? known([...new Set(logs.registrations.filter((x) => x.dss === dss).map((x) => x.operator))], logs.registrations.filter((x) => x.dss === dss).map((x) => logEvidence(x.log, 'registered'))) : unknown(why) },
  };
}

export async function gatherKarakOperator(ctx: RiskContext, operator: Address): Promise<EntityFactsOf<'karak-operator'>> {
  const core = coreOf(ctx);
  const r = new FactRound(ctx);
  const vaultsF = r.read<Address[], readonly Address[]>(core, coreAbi, 'getOperatorVaults', [operator], 'getOperatorVaults(operator)', (x) => x.map((v) => getAddress(v)));
  const [scan, now] = await Promise.all([scanKarakCore(ctx, core), blockTimestampOf(ctx), r.run()]);
  const vaults = vaultsF().status === 'known' ? (vaultsF() as { value: Address[] }).value : [];
  const per = await Promise.all(vaults.map((v) => karakVaultSignals(ctx, core, v, scan, now)));
  const signals = mergeSignals(per.map((p) => p.signals), vaultsF());
  const logs = scan.ok ? scan.value : undefined;
  const first = logs?.logs.find((l) => (l.eventName === 'DeployedVault' || l.eventName === 'RegisteredOperatorToDSS') && getAddress(l.args.operator as string) === operator);
  signals.tenure = !logs ? unknown((scan as { reason: string }).reason) : !first ? unknown('no DeployedVault or RegisteredOperatorToDSS log for this operator')
    : await ctx.client.getBlock({ blockNumber: first.blockNumber }).then((b) => known({ registeredAtBlock: first.blockNumber, registeredAt: Number(b.timestamp), ageSeconds: Math.max(0, now - Number(b.timestamp)) }, [logEvidence(first, `first ${first.eventName}`)]), (e: Error) => unknown(e.message.split('\n')[0]!));
  return {
    kind: 'karak-operator', address: operator, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: now, signals,
    details: { vaults: vaultsF(), dss: logs ? known([...new Set(logs.registrations.filter((x) => x.operator === operator).map((x) => x.dss))]) : unknown((scan as { reason: string }).reason) },
  };
}

