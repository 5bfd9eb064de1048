// The Symbiotic alert detector (reference §2.7). Logs come by topic only (vaults, slashers and
// delegators are not in the deployments); every emitter is verified against the VaultFactory first.
//   vault OnSlash            -> 'slash' (critical), amountLost from the address's own balances at block-1 / block,
//                               attributed to (network, operator) by the Slash / ExecuteSlash of the same tx
//   VetoSlasher RequestSlash -> 'slash-requested' (critical, pending), pro-rata share of the requested amount, vetoDeadline
//   VetoSlasher VetoSlash    -> 'slash-vetoed' (info)
//   delegator SetNetworkLimit raising a limit -> 'limit-raised' (warning)
// Slash / ExecuteSlash raise nothing by themselves: the vault's OnSlash of the same transaction is
// the one loss alert (one slash = one alert per address).
import { getAddress, type Address, type Hex, type Log } from 'viem';
import { baseSlasherAbi, networkRestakeDelegatorAbi, registryAbi, vaultAbi, vetoSlasherAbi } from '../../protocols/symbiotic/abi.js';
import type { AlertDetector, DetectContext, DetectedAlert } from '../detector.js';
import { BlockReads, logBase } from '../reads-common.js';
import { amountText, totalsText, who } from '../text.js';
import type { AlertAsset } from '../types.js';
import { decodeSymbiotic, splitSubnetwork, SYMBIOTIC_TOPICS, type SymbioticEvent } from './events.js';
import { verifyEmitter, type EmitterReads } from './verify-emitter.js';

type Env = { ctx: DetectContext; reads: BlockReads; factory: Address };

function emitterReads(reads: BlockReads, factory: Address): EmitterReads {
  return {
    isEntity: async (v, b) => (await reads.tryRead<boolean>(factory, registryAbi, 'isEntity', [v], b)) === true,
    vaultOf: async (c, b) => {
      const v = await reads.tryRead<Address>(c, baseSlasherAbi, 'vault', [], b);
      return v ? getAddress(v) : null;
    },
    partOf: (v, kind, b) => reads.tryRead<Address>(v, vaultAbi, kind, [], b),
  };
}

const vr = <T>(env: Env, vault: Address, fn: string, args: readonly unknown[], b: bigint) => env.reads.read<T>(vault, vaultAbi, fn, args, b);

/** The address's active balance and slashable withdrawals (buckets cur, cur+1) at block b. */
async function holding(env: Env, vault: Address, a: Address, b: bigint) {
  const [active, slashable] = await Promise.all([vr<bigint>(env, vault, 'activeBalanceOf', [a], b), vr<bigint>(env, vault, 'slashableBalanceOf', [a], b)]);
  return { active, withdrawal: slashable - active, slashable };
}

async function vaultAsset(env: Env, vault: Address) {
  const collateral = await vr<Address>(env, vault, 'collateral', [], env.ctx.head);
  return env.reads.asset(getAddress(collateral));
}

function assetsOf(asset: AlertAsset['asset'], vault: Address, field: 'amountLost' | 'amountAtRisk', position: bigint, withdrawal: bigint): AlertAsset[] {
  const out: AlertAsset[] = [];
  if (position > 0n) out.push({ asset, strategy: vault, source: 'position', [field]: position });
  if (withdrawal > 0n) out.push({ asset, strategy: vault, source: 'withdrawal', [field]: withdrawal });
  return out;
}

/** (subnetwork, operator) of a slash from the slasher's log in the same transaction. */
async function attribution(env: Env, ev: SymbioticEvent, all: readonly { ev: SymbioticEvent; vault: Address }[]) {
  const mates = all.filter((x) => x.vault === getAddress(ev.log.address) && x.ev.log.transactionHash === ev.log.transactionHash && (x.ev.name === 'Slash' || x.ev.name === 'ExecuteSlash'));
  // The slasher logs right after the vault's onSlash returns: the first one following this log.
  const mate = mates.find((x) => x.ev.log.logIndex! > ev.log.logIndex!) ?? mates[0];
  if (!mate) return { subnetwork: null, operator: null, slasher: null };
  if (mate.ev.name === 'Slash') return { subnetwork: mate.ev.args.subnetwork as Hex, operator: getAddress(mate.ev.args.operator as Address), slasher: getAddress(mate.ev.log.address) };
  const [subnetwork, operator] = await env.reads.read<readonly [Hex, Address]>(mate.ev.log.address, vetoSlasherAbi, 'slashRequests', [mate.ev.args.slashIndex], ev.block);
  return { subnetwork, operator: getAddress(operator), slasher: getAddress(mate.ev.log.address) };
}

async function onSlash(env: Env, ev: SymbioticEvent, vault: Address, all: readonly { ev: SymbioticEvent; vault: Address }[]): Promise<DetectedAlert[]> {
  const b = ev.block;
  const slashedAmount = ev.args.slashedAmount as bigint;
  if (slashedAmount === 0n) return [];
  const sameBlock = all.filter((x) => x.ev.name === 'OnSlash' && x.vault === vault && x.ev.block === b).length;
  const [cur, captureEpoch] = await Promise.all([vr<bigint>(env, vault, 'currentEpoch', [], b), vr<bigint>(env, vault, 'epochAt', [ev.args.captureTimestamp], b)]);
  // onSlash splits over activeStake + withdrawals[cur+1], plus withdrawals[cur] when the capture is in the previous epoch.
  const buckets = captureEpoch < cur ? [cur, cur + 1n] : [cur + 1n];
  const { subnetwork, operator, slasher } = await attribution(env, ev, all);
  const asset = await vaultAsset(env, vault);
  const pre = b - 1n;
  const [activeStake, ...bucketTotals] = await Promise.all([vr<bigint>(env, vault, 'activeStake', [], pre), ...buckets.map((k) => vr<bigint>(env, vault, 'withdrawals', [k], pre))]);
  const pool = activeStake + bucketTotals.reduce((x, y) => x + y, 0n);
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const [sharesBefore, sharesAfter, balBefore, balAfter, slashableBefore] = await Promise.all([
      vr<bigint>(env, vault, 'activeSharesOf', [a], pre), vr<bigint>(env, vault, 'activeSharesOf', [a], b),
      vr<bigint>(env, vault, 'activeBalanceOf', [a], pre), vr<bigint>(env, vault, 'activeBalanceOf', [a], b),
      vr<bigint>(env, vault, 'slashableBalanceOf', [a], pre),
    ]);
    if (slashableBefore === 0n) return; // no active stake nor slashable withdrawal in this vault at block-1
    const wb = await Promise.all(buckets.map((k) => Promise.all([
      vr<bigint>(env, vault, 'withdrawalSharesOf', [k, a], pre), vr<bigint>(env, vault, 'withdrawalSharesOf', [k, a], b),
      vr<bigint>(env, vault, 'withdrawalsOf', [k, a], pre), vr<bigint>(env, vault, 'withdrawalsOf', [k, a], b),
    ])));
    // Measured (exact): own balances before - after, valid when the address's shares did not move in
    // this block and this is the vault's only slash of the block. Otherwise the event's pro-rata split.
    const measurable = sameBlock === 1 && sharesBefore === sharesAfter && wb.every(([s0, s1]) => s0 === s1);
    let position: bigint;
    let withdrawal: bigint;
    if (measurable) {
      position = balBefore > balAfter ? balBefore - balAfter : 0n;
      withdrawal = wb.reduce((s, [, , w0, w1]) => s + (w0! > w1! ? w0! - w1! : 0n), 0n);
    } else {
      position = pool === 0n ? 0n : (slashedAmount * balBefore) / pool;
      withdrawal = pool === 0n ? 0n : wb.reduce((s, [, , w0]) => s + (slashedAmount * w0!) / pool, 0n);
    }
    const assets = assetsOf(asset, vault, 'amountLost', position, withdrawal);
    if (assets.length === 0) return;
    const sn = subnetwork ? splitSubnetwork(subnetwork) : null;
    out.push({
      ...(await logBase(env.ctx, 'symbiotic', ev.log, a)),
      kind: 'slash', severity: 'critical', operator, service: sn ? getAddress(sn.network) : null, setId: sn ? sn.identifier : null, assets,
      ...(slasher ? { slasher } : {}),
      title: `Slashed: ${who(a)} lost ${totalsText(assets, 'amountLost')} in Symbiotic vault ${who(vault)}`,
      sentence: `Symbiotic vault ${who(vault)} was slashed by ${amountText(slashedAmount, assets[0]!)}${operator ? ` for operator ${who(operator)}` : ''}${sn ? ` on network ${who(getAddress(sn.network))}` : ''}; ${who(a)}'s share of the loss is ${totalsText(assets, 'amountLost')}.`,
    });
  }));
  return out;
}

/** A pending (RequestSlash) or vetoed (VetoSlash) request: the address's pro-rata share of the requested amount. */
async function onRequest(env: Env, ev: SymbioticEvent, vault: Address): Promise<DetectedAlert[]> {
  const b = ev.block;
  const slasher = getAddress(ev.log.address);
  let subnetwork: Hex, operator: Address, amount: bigint, vetoDeadline: number;
  if (ev.name === 'RequestSlash') {
    subnetwork = ev.args.subnetwork as Hex; operator = getAddress(ev.args.operator as Address); amount = ev.args.slashAmount as bigint; vetoDeadline = Number(ev.args.vetoDeadline);
  } else {
    const r = await env.reads.read<readonly [Hex, Address, bigint, number, number, boolean]>(slasher, vetoSlasherAbi, 'slashRequests', [ev.args.slashIndex], b);
    [subnetwork, operator, amount, , vetoDeadline] = [r[0], getAddress(r[1]), r[2], r[3], r[4]];
  }
  const totalStake = await vr<bigint>(env, vault, 'totalStake', [], b);
  if (totalStake === 0n) return [];
  const requested = amount < totalStake ? amount : totalStake;
  const asset = await vaultAsset(env, vault);
  const { network, identifier } = splitSubnetwork(subnetwork);
  const service = getAddress(network);
  const pending = ev.name === 'RequestSlash';
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const h = await holding(env, vault, a, b);
    if (h.slashable === 0n) return;
    const assets = assetsOf(asset, vault, 'amountAtRisk', (requested * h.active) / totalStake, (requested * h.withdrawal) / totalStake);
    if (assets.length === 0) return;
    const when = new Date(vetoDeadline * 1000).toISOString();
    out.push({
      ...(await logBase(env.ctx, 'symbiotic', ev.log, a)),
      kind: pending ? 'slash-requested' : 'slash-vetoed', severity: pending ? 'critical' : 'info',
      operator, service, setId: identifier, assets, vetoDeadline, slasher,
      title: pending
        ? `Slash requested: ${totalsText(assets, 'amountAtRisk')} of ${who(a)} at risk in Symbiotic vault ${who(vault)}`
        : `Slash vetoed: Symbiotic vault ${who(vault)} keeps ${who(a)}'s stake`,
      sentence: pending
        ? `Network ${who(service)} requested a slash of ${amountText(amount, assets[0]!)} on operator ${who(operator)} in vault ${who(vault)}; it can execute after ${when} unless vetoed. ${who(a)}'s pro-rata share: ${totalsText(assets, 'amountAtRisk')}.`
        : `The slash request of network ${who(service)} on operator ${who(operator)} in vault ${who(vault)} was vetoed; ${totalsText(assets, 'amountAtRisk')} of ${who(a)} is no longer at risk from it.`,
    });
  }));
  return out;
}

async function onNetworkLimit(env: Env, ev: SymbioticEvent, vault: Address): Promise<DetectedAlert[]> {
  const b = ev.block;
  const subnetwork = ev.args.subnetwork as Hex;
  const amount = ev.args.amount as bigint;
  const old = await env.reads.tryRead<bigint>(ev.log.address, networkRestakeDelegatorAbi, 'networkLimit', [subnetwork], b - 1n);
  if (old === null || amount <= old) return [];
  const activeStake = await vr<bigint>(env, vault, 'activeStake', [], b);
  if (activeStake === 0n) return [];
  const backed = amount < activeStake ? amount : activeStake;
  const asset = await vaultAsset(env, vault);
  const { network, identifier } = splitSubnetwork(subnetwork);
  const service = getAddress(network);
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const active = await vr<bigint>(env, vault, 'activeBalanceOf', [a], b);
    if (active === 0n) return;
    const assets = assetsOf(asset, vault, 'amountAtRisk', (active * backed) / activeStake, 0n);
    if (assets.length === 0) return;
    out.push({
      ...(await logBase(env.ctx, 'symbiotic', ev.log, a)),
      kind: 'limit-raised', severity: 'warning', operator: null, service, setId: identifier, assets,
      title: `Network limit raised: more of ${who(a)}'s stake in Symbiotic vault ${who(vault)} backs network ${who(service)}`,
      sentence: `The curator of vault ${who(vault)} raised network ${who(service)}'s limit to ${amountText(amount, assets[0]!)}; up to ${totalsText(assets, 'amountAtRisk')} of ${who(a)}'s stake can now be slashed by it.`,
    });
  }));
  return out;
}

export const symbioticDetector: AlertDetector = {
  protocol: 'symbiotic',
  supports: (d) => d.symbiotic !== undefined,
  filter: () => ({ addresses: [], topics: Object.values(SYMBIOTIC_TOPICS), anyAddress: true }),
  async detect(ctx, logs: readonly Log[]) {
    const reads = new BlockReads(ctx.client);
    const factory = ctx.deployments.symbiotic!.vaultFactory;
    const env: Env = { ctx: { ...ctx, addresses: ctx.addresses.map((a) => getAddress(a)) }, reads, factory };
    const er = emitterReads(reads, factory);
    const decoded = logs.map(decodeSymbiotic).filter((e): e is SymbioticEvent => e !== null);
    const verified = (await Promise.all(decoded.map(async (ev) => ({ ev, vault: await verifyEmitter(er, ev.emitter, ev.log.address, ev.block) }))))
      .filter((x): x is { ev: SymbioticEvent; vault: Address } => x.vault !== null);
    const out: DetectedAlert[] = [];
    for (const { ev, vault } of verified) {
      if (ev.name === 'OnSlash') out.push(...(await onSlash(env, ev, vault, verified)));
      else if (ev.name === 'RequestSlash' || ev.name === 'VetoSlash') out.push(...(await onRequest(env, ev, vault)));
      else if (ev.name === 'SetNetworkLimit') out.push(...(await onNetworkLimit(env, ev, vault)));
    }
    return out;
  },
};
