// Facts for a Karak V2 vault (reference §3.2, §3.6), also the per-vault part of an operator's facts. Delays and the veto window
// are protocol constants of the V2 source (not exposed by the deployed ABI): their evidence says so.
import { getAddress, type Address } from 'viem';
import { coreAbi, vaultAbi } from '../../protocols/karak/abi.js';
import type { EntityFactsOf } from '../facts/entity-facts.js';
import { known, unknown, type Evidence, type Fact } from '../facts/fact.js';
import type { PendingChange, Signals } from '../facts/signals.js';
import { short } from '../format.js';
import { readCodeKinds } from './code-kinds.js';
import { blockTimestampOf, type RiskContext } from './context.js';
import { FactRound } from './fact-round.js';
import { scanKarakCore, type KarakCoreLogs, type KarakScan } from './karak-core-logs.js';
import { logEvidence } from './scan-logs.js';

const DAY = 86_400;
export const KARAK_CONSTANTS = { MIN_WITHDRAWAL_DELAY: 9 * DAY, MIN_STAKE_UPDATE_DELAY: 9 * DAY, SLASHING_VETO_WINDOW: 2 * DAY } as const;
export const constant = (ctx: RiskContext, core: Address, name: keyof typeof KARAK_CONSTANTS): Evidence => ({ kind: 'parameter', contract: core, function: `${name} (V2 protocol constant, reference §3.2)`, block: ctx.blockNumber, value: `${KARAK_CONSTANTS[name]} s` });
const iso = (t: number) => new Date(t * 1000).toISOString();

export function coreOf(ctx: RiskContext): Address {
  const core = ctx.deployments.karak?.core;
  if (!core) throw new TypeError('Karak gatherers: the chain has no Karak V2 Core');
  return core;
}

/** Signals of one vault (shared by the vault and operator gatherers). */
export async function karakVaultSignals(ctx: RiskContext, core: Address, vault: Address, scan: KarakScan, now: number): Promise<{ signals: Signals; details: EntityFactsOf<'karak-vault'>['details'] }> {
  const r1 = new FactRound(ctx);
  const config = r1.read<{ operator: Address; asset: Address }, { operator: Address; asset: Address }>(vault, vaultAbi, 'vaultConfig', [], 'vaultConfig()', (c) => ({ operator: getAddress(c.operator), asset: getAddress(c.asset) }));
  const totalAssets = r1.read<bigint>(vault, vaultAbi, 'totalAssets', [], 'totalAssets()');
  const leverage = r1.read<bigint>(core, coreAbi, 'getLeverage', [vault], `getLeverage(${short(vault)})`);
  const queued = r1.read<boolean>(core, coreAbi, 'isVaultQueuedForSlashing', [vault], `isVaultQueuedForSlashing(${short(vault)})`);
  await r1.run();
  const cfg = config();
  const op = cfg.status === 'known' ? cfg.value.operator : undefined;
  const logs: KarakCoreLogs | undefined = scan.ok ? scan.value : undefined;
  const dssCandidates = op && logs ? logs.registrations.filter((r) => r.operator === op).map((r) => r.dss) : [];
  const sameAsset = cfg.status === 'known' && logs ? logs.vaults.filter((v) => v.asset === cfg.value.asset) : [];
  const r2 = new FactRound(ctx);
  const staked = dssCandidates.map((dss) => ({ dss, vaults: r2.read<Address[], readonly Address[]>(core, coreAbi, 'fetchVaultsStakedInDSS', [op, dss], `fetchVaultsStakedInDSS(${short(op!)},${short(dss)})`, (x) => x.map((v) => getAddress(v))) }));
  const assetTotals = sameAsset.map((v) => ({ ...v, total: r2.read<bigint>(v.vault, vaultAbi, 'totalAssets', [], `totalAssets() of ${short(v.vault)}`) }));
  await r2.run();
  const stakedBad = staked.map((s) => s.vaults()).find((f) => f.status === 'unknown');
  const dssList: Fact<Address[]> = !scan.ok ? unknown(scan.reason) : cfg.status === 'unknown' ? unknown(cfg.reason) : stakedBad?.status === 'unknown' ? unknown(stakedBad.reason)
    : known(staked.filter((s) => (s.vaults() as { value: Address[] }).value.includes(vault)).map((s) => s.dss), staked.flatMap((s) => s.vaults().evidence));
  const codes = await readCodeKinds(ctx, dssList.status === 'known' ? dssList.value : []);
  const dsses = dssList.status === 'known' ? dssList.value : [];
  const handler = cfg.status === 'known' ? logs?.handlers.get(cfg.value.asset) : undefined;
  const ifDss = <T>(f: () => Fact<T>): Fact<T> => (dssList.status === 'unknown' ? unknown(dssList.reason) : f());

  const signals: Signals = {
    slashing: ifDss(() => known(dsses.map((d) => ({ service: `DSS ${short(d)}`, serviceAddress: d, slasher: d, slasherCode: codes.get(d)?.status === 'known' ? (codes.get(d) as { value: 'contract' | 'eoa' }).value : null })), [...dssList.evidence, ...dsses.flatMap((d) => codes.get(d)?.evidence ?? [])])),
    veto: ifDss(() => known(dsses.map((d) => ({ service: `DSS ${short(d)}`, mode: 'committee' as const, resolver: null, windowSeconds: KARAK_CONSTANTS.SLASHING_VETO_WINDOW })), [constant(ctx, core, 'SLASHING_VETO_WINDOW')])),
    destination: ifDss(() => (dsses.length > 0 && !handler ? unknown(`no AllowlistedAssets log names the slashing handler of ${cfg.status === 'known' ? short(cfg.value.asset) : 'the asset'}`)
      : known(dsses.map((d) => ({ service: `DSS ${short(d)}`, mode: 'handler' as const, recipient: handler!.handler })), handler ? [logEvidence(handler.log, `slashing handler ${handler.handler}`)] : []))),
    exitDelay: ifDss(() => known({ slashable: dsses.length > 0, exit: KARAK_CONSTANTS.MIN_WITHDRAWAL_DELAY, exposure: KARAK_CONSTANTS.MIN_STAKE_UPDATE_DELAY, unit: 'seconds' as const, exitLabel: 'a redeem (MIN_WITHDRAWAL_DELAY)', exposureLabel: 'staking the vault to a new DSS (MIN_STAKE_UPDATE_DELAY)' }, [constant(ctx, core, 'MIN_WITHDRAWAL_DELAY'), constant(ctx, core, 'MIN_STAKE_UPDATE_DELAY')])),
    sharedStake: leverage().status === 'unknown' ? leverage() as Fact<never> : known({ services: Number((leverage() as { value: bigint }).value / 10n ** 20n), where: `vault ${short(vault)} (getLeverage)` }, leverage().evidence),
    slashHistory: !logs ? unknown((scan as { reason: string }).reason) : (() => {
      const mine = logs.finalizedSlashes.filter((s) => s.vaults.includes(vault));
      return known({ count: mine.length, atLeast: false }, mine.map((s) => logEvidence(s.log, `finalized slash by DSS ${s.dss}`)));
    })(),
    concentration: (() => {
      const bad = [totalAssets(), ...assetTotals.map((v) => v.total())].find((f) => f.status === 'unknown');
      if (!logs) return unknown((scan as { reason: string }).reason);
      if (bad?.status === 'unknown') return unknown(bad.reason);
      const all = assetTotals.reduce((n, v) => n + (v.total() as { value: bigint }).value, 0n);
      const mine = assetTotals.filter((v) => v.operator === op).reduce((n, v) => n + (v.total() as { value: bigint }).value, 0n);
      if (all === 0n) return unknown('no assets in Karak vaults of this asset');
      return known({ shareBps: Number((mine * 10_000n) / all), of: `Karak V2 vaults of asset ${cfg.status === 'known' ? short(cfg.value.asset) : '?'} (operator ${short(op!)})` }, assetTotals.flatMap((v) => v.total().evidence));
    })(),
    pending: !logs ? unknown((scan as { reason: string }).reason) : (() => {
      const changes: PendingChange[] = [
        ...logs.pendingSlashes.filter((s) => s.vaults.includes(vault)).map((s) => ({ kind: 'slash-request' as const, service: `DSS ${short(s.dss)}`, effective: `after the veto window (requested at block ${s.log.blockNumber})` })),
        ...logs.pendingStakeUpdates.filter((u) => u.vault === vault).map((u) => ({ kind: u.toStake ? 'stake-add' as const : 'stake-remove' as const, service: `DSS ${short(u.dss)}`, effective: `from ${iso(u.startTimestamp + KARAK_CONSTANTS.MIN_STAKE_UPDATE_DELAY)}` })),
      ];
      // The Core's own flag catches a request the log matching could have missed.
      if (queued().status === 'known' && (queued() as { value: boolean }).value && !changes.some((c) => c.kind === 'slash-request')) changes.push({ kind: 'slash-request', service: 'a DSS', effective: 'unknown (isVaultQueuedForSlashing)' });
      return known(changes, [...queued().evidence, ...logs.pendingSlashes.filter((s) => s.vaults.includes(vault)).map((s) => logEvidence(s.log, 'slash requested')), ...logs.pendingStakeUpdates.filter((u) => u.vault === vault).map((u) => logEvidence(u.log, `stake update toStake=${u.toStake}`))]);
    })(),
  };
  void now;
  return {
    signals,
    details: { operator: cfg.status === 'known' ? known(cfg.value.operator, cfg.evidence) : cfg, asset: cfg.status === 'known' ? known(cfg.value.asset, cfg.evidence) : cfg, totalAssets: totalAssets(), dss: dssList, queuedForSlashing: queued() },
  };
}

export async function gatherKarakVault(ctx: RiskContext, vault: Address, scan?: KarakScan): Promise<EntityFactsOf<'karak-vault'>> {
  const core = coreOf(ctx);
  const [s, now] = await Promise.all([scan ?? scanKarakCore(ctx, core), blockTimestampOf(ctx)]);
  const { signals, details } = await karakVaultSignals(ctx, core, vault, s, now);
  return { kind: 'karak-vault', address: vault, chainId: ctx.deployments.chainId, block: ctx.blockNumber, blockTimestamp: now, signals, details };
}

