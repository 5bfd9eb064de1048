// Facts for a Symbiotic network (its middleware is the only slasher) and a Symbiotic operator (the
// union of the vaults it is opted into, its own executed slashes, registration time).
import { getAddress, zeroAddress, type Address, type Hex } from 'viem';
import { networkMiddlewareServiceAbi, optInServiceAbi, registryAbi } from '../../protocols/symbiotic/abi.js';
import { splitSubnetwork } from '../../protocols/symbiotic/assemble.js';
import type { EntityFactsOf } from '../facts/entity-facts.js';
import { known, unknown } from '../facts/fact.js';
import { short } from '../format.js';
import { readCodeKinds } from './code-kinds.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { FactRound } from './fact-round.js';
import { mergeSignals } from './merge-signals.js';
import { scanLogs } from './scan-logs.js';
import { symbioticSlashHistory } from './symbiotic-slashes.js';
import { readSymbioticVault } from './symbiotic-vault-reads.js';
import { vaultSignals } from './symbiotic-vault.js';
import { tenureFromLog } from './tenure.js';

/** Vaults read per operator at most: each costs four rounds. */
export const MAX_OPERATOR_VAULTS = 20;

function symOf(ctx: RiskContext) {
  const sym = ctx.deployments.symbiotic;
  if (!sym) throw new TypeError('Symbiotic gatherers: the chain has no Symbiotic deployments');
  return sym;
}

export async function gatherSymbioticNetwork(ctx: RiskContext, network: Address): Promise<EntityFactsOf<'symbiotic-network'>> {
  const sym = symOf(ctx);
  const r = new FactRound(ctx);
  const mw = r.read<Address, Address>(sym.networkMiddlewareService, networkMiddlewareServiceAbi, 'middleware', [network], `middleware(${short(network)})`, getAddress);
  await r.run();
  const m = mw();
  const codes = await readCodeKinds(ctx, m.status === 'known' && m.value !== zeroAddress ? [m.value] : []);
  const code = m.status === 'known' ? codes.get(m.value) : undefined;
  const history = await symbioticSlashHistory(ctx, sym, (sn: Hex) => splitSubnetwork(sn).network === network);
  return {
    kind: 'symbiotic-network', address: network, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: await blockTimestampOf(ctx),
    signals: {
      slashing: m.status === 'unknown' ? m : known(m.value === zeroAddress ? [] : [{ service: `network ${short(network)}`, serviceAddress: network, slasher: m.value, slasherCode: code?.status === 'known' ? code.value : null }], [...m.evidence, ...(code?.evidence ?? [])]),
      slashHistory: history,
    },
    details: { middleware: m.status === 'known' ? known(m.value === zeroAddress ? null : m.value, m.evidence) : m, vaults: unknown('vaults of a network are not enumerated (needs every delegator\'s SetMaxNetworkLimit logs)') },
  };
}

export async function gatherSymbioticOperator(ctx: RiskContext, operator: Address): Promise<EntityFactsOf<'symbiotic-operator'>> {
  const sym = symOf(ctx);
  const from = ctx.logsFromBlock ?? BigInt(sym.fromBlock ?? 0);
  const [reg, vaultOpt, netOpt, now] = await Promise.all([
    scanLogs(ctx, { address: sym.operatorRegistry, abi: registryAbi, events: ['AddEntity'], args: { entity: operator } }, from),
    scanLogs(ctx, { address: sym.operatorVaultOptInService, abi: optInServiceAbi, events: ['OptIn'], args: { who: operator } }, from),
    scanLogs(ctx, { address: sym.operatorNetworkOptInService, abi: optInServiceAbi, events: ['OptIn'], args: { who: operator } }, from),
    blockTimestampOf(ctx),
  ]);
  // Opt-ins from logs, confirmed (opt-outs) with isOptedIn at the pinned block.
  const candidates = vaultOpt.ok ? [...new Set(vaultOpt.logs.map((l) => getAddress(l.args.where as string)))] : [];
  const r = new FactRound(ctx);
  const checks = candidates.map((v) => ({ v, f: r.read<boolean>(sym.operatorVaultOptInService, optInServiceAbi, 'isOptedIn', [operator, v], `isOptedIn(operator,${short(v)})`) }));
  await r.run();
  const checkBad = checks.find((c) => c.f().status === 'unknown');
  const vaults = checks.filter((c) => c.f().status === 'known' && (c.f() as { value: boolean }).value).map((c) => c.v);
  const vaultsFact = !vaultOpt.ok ? unknown<Address[]>(vaultOpt.reason) : checkBad ? unknown<Address[]>((checkBad.f() as { reason: string }).reason)
    : vaults.length > MAX_OPERATOR_VAULTS ? unknown<Address[]>(`opted into ${vaults.length} vaults, more than the ${MAX_OPERATOR_VAULTS} read per operator`) : known(vaults, checks.flatMap((c) => c.f().evidence));
  const reads = vaultsFact.status === 'known' ? await Promise.all(vaults.map((v) => readSymbioticVault(ctx, sym, v))) : [];
  const per = await Promise.all(reads.map((x) => vaultSignals(ctx, x, now, operator)));
  const signals = mergeSignals(per, vaultsFact);
  const slashers = reads.flatMap((x) => (x.slasher.status === 'known' && x.slasher.value !== zeroAddress ? [x.slasher.value] : []));
  signals.slashHistory = vaultsFact.status === 'unknown' ? unknown(vaultsFact.reason) : await symbioticSlashHistory(ctx, sym, (_, op) => op === operator, slashers);
  signals.tenure = await tenureFromLog(ctx, reg, 'OperatorRegistry AddEntity', now);
  return {
    kind: 'symbiotic-operator', address: operator, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: now, signals,
    details: { vaults: vaultsFact, networks: netOpt.ok ? known([...new Set(netOpt.logs.map((l) => getAddress(l.args.where as string)))]) : unknown(netOpt.reason) },
  };
}
