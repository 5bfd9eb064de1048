// Facts for a Symbiotic vault: who can slash it (each network's middleware, contract or key), veto
// and resolvers, where slashed collateral goes (burner), epoch versus veto window, how many
// subnetworks share the stake, OnSlash history, the largest operator's share, pending requests.
import { zeroAddress, type Address } from 'viem';
import { burnerKind } from '../../protocols/symbiotic/assemble.js';
import type { EntityFactsOf } from '../facts/entity-facts.js';
import { evidenceOf, known, unknown, type Fact } from '../facts/fact.js';
import type { Signals } from '../facts/signals.js';
import { short } from '../format.js';
import { readCodeKinds } from './code-kinds.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { logEvidence } from './scan-logs.js';
import { readSymbioticVault, type SubnetworkReads, type VaultReads } from './symbiotic-vault-reads.js';

const val = <T>(f: Fact<T>) => (f as { value: T }).value;
const firstUnknown = (...fs: (Fact<unknown> | undefined)[]) => fs.find((f): f is { status: 'unknown'; reason: string; evidence: [] } => f?.status === 'unknown');

/** Subnetworks whose limits let the vault's stake back them (both caps non-zero). */
export function activeSubnetworks(r: VaultReads): Fact<SubnetworkReads[]> {
  if (r.subnetworks.status === 'unknown') return r.subnetworks;
  const subs = r.subnetworks.value;
  const bad = firstUnknown(...subs.flatMap((s) => [s.maxLimit, s.limit]));
  if (bad) return unknown(bad.reason);
  return known(subs.filter((s) => val(s.maxLimit) > 0n && val(s.limit) > 0n), subs.flatMap((s) => [...s.maxLimit.evidence, ...s.limit.evidence]));
}

/** Signals of one vault; `operator` narrows pending requests and concentration to one operator. */
export async function vaultSignals(ctx: RiskContext, r: VaultReads, now: number, operator?: Address): Promise<Signals> {
  const active = activeSubnetworks(r);
  const baseBad = firstUnknown(r.slasher, r.slasherType, active);
  const noSlasher = r.slasher.status === 'known' && r.slasher.value === zeroAddress;
  const subs = active.status === 'known' ? active.value : [];
  const middlewares = subs.flatMap((s) => (s.middleware.status === 'known' && s.middleware.value !== zeroAddress ? [s.middleware.value] : []));
  const codes = await readCodeKinds(ctx, middlewares);
  const ev = evidenceOf(r.slasher, r.slasherType, active);

  const slashing: Signals['slashing'] = baseBad ? unknown(baseBad.reason) : noSlasher ? known([], ev) : (() => {
    const mw = firstUnknown(...subs.map((s) => s.middleware));
    if (mw) return unknown(mw.reason);
    return known(subs.map((s) => {
      const m = val(s.middleware);
      const code = m === zeroAddress ? undefined : codes.get(m);
      return { service: s.label, serviceAddress: s.network, slasher: m === zeroAddress ? null : m, slasherCode: code?.status === 'known' ? code.value : null };
    }), [...ev, ...subs.flatMap((s) => [...s.middleware.evidence, ...(codes.get(val(s.middleware))?.evidence ?? [])])]);
  })();

  const veto: Signals['veto'] = baseBad ? unknown(baseBad.reason) : noSlasher ? known([], ev) : (() => {
    if (val(r.slasherType) === 0) return known(subs.map((s) => ({ service: s.label, mode: 'instant' as const, resolver: null, windowSeconds: 0 })), ev);
    const bad = firstUnknown(r.vetoDuration, ...subs.map((s) => s.resolver));
    if (bad) return unknown(bad.reason);
    return known(subs.map((s) => ({ service: s.label, mode: 'veto' as const, resolver: val(s.resolver!) === zeroAddress ? null : val(s.resolver!), windowSeconds: val(r.vetoDuration!) })), [...ev, ...evidenceOf(r.vetoDuration, ...subs.map((s) => s.resolver))]);
  })();

  const destination: Signals['destination'] = baseBad ? unknown(baseBad.reason) : noSlasher ? known([], ev) : (() => {
    const bad = firstUnknown(r.burner, r.burnerIsRouter);
    if (bad) return unknown(bad.reason);
    const mode = burnerKind(val(r.burner), val(r.burnerIsRouter));
    return known(subs.map((s) => ({ service: s.label, mode, recipient: mode === 'redistribute' ? null : val(r.burner) })), evidenceOf(r.burner, r.burnerIsRouter));
  })();

  const exitDelay: Signals['exitDelay'] = (() => {
    const bad = firstUnknown(r.epochDuration, r.slasherType, r.vetoDuration);
    if (bad) return unknown(bad.reason);
    const slashable = !noSlasher && subs.length > 0;
    const isVeto = val(r.slasherType) === 1;
    // A withdrawal stays slashable until the end of the next epoch: at least one epoch.
    return known({ slashable, exit: val(r.epochDuration), exposure: isVeto ? val(r.vetoDuration!) : 0, unit: 'seconds' as const, exitLabel: 'a withdrawal (one epoch)', exposureLabel: isVeto ? 'a slash request (veto window)' : 'an instant slash' }, evidenceOf(r.epochDuration, r.vetoDuration));
  })();

  const sharedStake: Signals['sharedStake'] = active.status === 'unknown' ? active : known({ services: subs.length, where: `vault ${short(r.vault)}` }, active.evidence);

  const slashHistory: Signals['slashHistory'] = r.onSlash.ok
    ? known({ count: r.onSlash.logs.length, atLeast: false }, r.onSlash.logs.map((l) => logEvidence(l, `slashedAmount ${String(l.args.slashedAmount)}`)))
    : unknown(r.onSlash.reason);

  const concentration: Signals['concentration'] = (() => {
    const bad = firstUnknown(r.activeStake, r.operators, ...[...r.stakes.values()]);
    if (bad) return unknown(bad.reason);
    const total = val(r.activeStake);
    if (total === 0n) return unknown('the vault has no active stake');
    const entries = [...r.stakes.entries()].filter(([op]) => !operator || op === operator);
    if (entries.length === 0) return unknown(operator ? `operator ${short(operator)} has no stake in this vault` : 'no operator has stake in this vault');
    const [op, stake] = entries.reduce((a, b) => (val(b[1]) > val(a[1]) ? b : a));
    const bps = Number((val(stake) * 10_000n) / total);
    return known({ shareBps: Math.min(bps, 10_000), of: `vault ${short(r.vault)}'s active stake (operator ${short(op)})` }, [...r.activeStake.evidence, ...stake.evidence]);
  })();

  const pending: Signals['pending'] = !r.slashRequests ? (baseBad ? unknown(baseBad.reason) : known([], ev)) : r.slashRequests.status === 'unknown' ? r.slashRequests : (() => {
    const epoch = r.epochDuration.status === 'known' ? r.epochDuration.value : 0;
    // Open = not completed and still executable (a request expires one epoch after its capture).
    const open = r.slashRequests.value.filter((q) => !q.completed && q.captureTimestamp + epoch > now && (!operator || q.operator === operator));
    return known(open.map((q) => ({ kind: 'slash-request' as const, service: `subnetwork ${short(q.subnetwork)} on operator ${short(q.operator)}`, effective: `after ${new Date(q.vetoDeadline * 1000).toISOString()}` })), r.slashRequests.evidence);
  })();

  return { slashing, veto, destination, exitDelay, sharedStake, slashHistory, concentration, pending };
}

export async function gatherSymbioticVault(ctx: RiskContext, vault: Address): Promise<EntityFactsOf<'symbiotic-vault'>> {
  const sym = ctx.deployments.symbiotic;
  if (!sym) throw new TypeError('gatherSymbioticVault: the chain has no Symbiotic deployments');
  const [r, now] = await Promise.all([readSymbioticVault(ctx, sym, vault), blockTimestampOf(ctx)]);
  const active = activeSubnetworks(r);
  return {
    kind: 'symbiotic-vault', address: vault, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: now,
    signals: await vaultSignals(ctx, r, now),
    details: {
      version: r.version, delegatorType: r.delegatorType,
      slasher: r.slasher.status === 'known' ? known(r.slasher.value === zeroAddress ? null : r.slasher.value, r.slasher.evidence) : r.slasher,
      slasherType: r.slasherType.status === 'known' ? known(r.slasherType.value === null ? 'none' : r.slasherType.value === 1 ? 'veto' : 'instant', r.slasherType.evidence) : r.slasherType,
      burner: r.burner, epochDurationSeconds: r.epochDuration, activeStake: r.activeStake,
      subnetworks: active.status === 'known' ? known(active.value.map((s) => ({ subnetwork: s.subnetwork, network: s.network, limit: val(s.limit), middleware: s.middleware.status === 'known' ? s.middleware.value : null })), active.evidence) : active,
    },
  };
}
