// The Karak V2 alert detector (reference §3.5). Every watched event comes from the Core (in the
// deployments) and is non-indexed, so matching is client-side on the vaults in the event:
//   RequestedSlashing -> 'slash-requested' (critical, pending): share of pct x totalAssets, finalizable
//                        after block timestamp + 2 days (vetoDeadline)
//   CancelledSlashing -> 'slash-cancelled' (info)
//   FinalizedSlashing -> 'slash' (critical): shares x (assets per share before - after), block-1 / block
//   RequestedStakeUpdate (toStake) -> 'service-added' (warning): a new DSS can slash the vault from start + 9 days
// "Holds" = vault shares (position) or shares escrowed in a pending redeem (withdrawal), which lose pro rata too.
import { decodeEventLog, getAbiItem, getAddress, toEventSelector, type AbiEvent, type Address, type Hex, type Log } from 'viem';
import { coreAbi, vaultAbi } from '../../protocols/karak/abi.js';
import type { AlertDetector, DetectContext, DetectedAlert } from '../detector.js';
import { formatAmount } from '../../portfolio/format.js';
import { BlockReads, logBase } from '../reads-common.js';
import { amountText, totalsText, who } from '../text.js';
import type { AlertAsset } from '../types.js';

export const KARAK_SLASHING_VETO_WINDOW = 2 * 24 * 3600;
export const KARAK_STAKE_UPDATE_DELAY = 9 * 24 * 3600;
const HUNDRED_PERCENT_WAD = 100n * 10n ** 18n;

type Name = 'RequestedSlashing' | 'CancelledSlashing' | 'FinalizedSlashing' | 'RequestedStakeUpdate';
const NAMES: Name[] = ['RequestedSlashing', 'CancelledSlashing', 'FinalizedSlashing', 'RequestedStakeUpdate'];
const EVENTS = Object.fromEntries(NAMES.map((n) => [n, getAbiItem({ abi: coreAbi, name: n }) as AbiEvent])) as Record<Name, AbiEvent>;
export const KARAK_TOPICS = Object.fromEntries(NAMES.map((n) => [n, toEventSelector(EVENTS[n])])) as Record<Name, Hex>;
const BY_TOPIC = new Map(NAMES.map((n) => [KARAK_TOPICS[n].toLowerCase(), n]));

interface Ev { name: Name; args: Record<string, any>; log: Log; block: bigint }

function decode(log: Log, core: Address): Ev | null {
  const name = BY_TOPIC.get((log.topics[0] ?? '').toLowerCase());
  if (!name || log.address.toLowerCase() !== core.toLowerCase() || log.blockNumber == null || log.transactionHash == null || log.logIndex == null || log.blockHash == null) return null;
  try {
    const d = decodeEventLog({ abi: [EVENTS[name]], data: log.data, topics: log.topics as never, strict: true });
    return { name, args: d.args as Record<string, any>, log, block: log.blockNumber };
  } catch {
    return null;
  }
}

type Env = { ctx: DetectContext; reads: BlockReads };
const vr = <T>(env: Env, vault: Address, fn: string, args: readonly unknown[], b: bigint) => env.reads.read<T>(vault, vaultAbi, fn, args, b);

/** Shares of `a` in `vault` at block b: held, and escrowed in pending redeems. */
async function sharesOf(env: Env, vault: Address, a: Address, b: bigint): Promise<{ held: bigint; queued: bigint }> {
  const [held, nonce] = await Promise.all([vr<bigint>(env, vault, 'balanceOf', [a], b), vr<bigint>(env, vault, 'getNextWithdrawNonce', [a], b)]);
  const queued = await Promise.all(Array.from({ length: Number(nonce) }, async (_, k) => {
    if (!(await vr<boolean>(env, vault, 'isWithdrawalPending', [a, BigInt(k)], b))) return 0n;
    return (await vr<{ shares: bigint }>(env, vault, 'getQueuedWithdrawal', [a, BigInt(k)], b)).shares;
  }));
  return { held, queued: queued.reduce((x, y) => x + y, 0n) };
}

const toAssets = (env: Env, vault: Address, shares: bigint, b: bigint) => (shares === 0n ? Promise.resolve(0n) : vr<bigint>(env, vault, 'convertToAssets', [shares], b));

function assetsOf(asset: AlertAsset['asset'], vault: Address, field: 'amountLost' | 'amountAtRisk', position: bigint, withdrawal: bigint): AlertAsset[] {
  const out: AlertAsset[] = [];
  if (position > 0n) out.push({ asset, strategy: vault, source: 'position', [field]: position });
  if (withdrawal > 0n) out.push({ asset, strategy: vault, source: 'withdrawal', [field]: withdrawal });
  return out;
}

const vaultAsset = async (env: Env, vault: Address) => env.reads.asset(getAddress(await vr<Address>(env, vault, 'asset', [], env.ctx.head)));

/** Per tracked address and slashed vault: what `pct` of the vault means for the address (at risk, at block b). */
async function atRisk(env: Env, ev: Ev, dss: Address, operator: Address, vaults: readonly Address[], pcts: readonly bigint[], pending: boolean): Promise<DetectedAlert[]> {
  const b = ev.block;
  const ts = await env.ctx.blockTimestamp(b);
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const assets: AlertAsset[] = [];
    for (const [i, vault] of vaults.entries()) {
      const s = await sharesOf(env, vault, a, b);
      if (s.held + s.queued === 0n) continue;
      const pct = pcts[i] ?? 0n;
      const [p, w] = await Promise.all([toAssets(env, vault, s.held, b), toAssets(env, vault, s.queued, b)]);
      assets.push(...assetsOf(await vaultAsset(env, vault), vault, 'amountAtRisk', (p * pct) / HUNDRED_PERCENT_WAD, (w * pct) / HUNDRED_PERCENT_WAD));
    }
    if (assets.length === 0) return;
    const deadline = ts + KARAK_SLASHING_VETO_WINDOW;
    out.push({
      ...(await logBase(env.ctx, 'karak', ev.log, a)),
      kind: pending ? 'slash-requested' : 'slash-cancelled', severity: pending ? 'critical' : 'info',
      operator, service: dss, setId: null, assets, ...(pending ? { vetoDeadline: deadline } : {}),
      title: pending ? `Slash requested: ${totalsText(assets, 'amountAtRisk')} of ${who(a)} at risk in Karak` : `Slash cancelled: Karak DSS ${who(dss)} will not slash ${who(a)}'s vault`,
      sentence: pending
        ? `DSS ${who(dss)} requested a slash of operator ${who(operator)}'s vaults; it can be finalized after ${new Date(deadline * 1000).toISOString()} unless the veto committee cancels it. ${who(a)}'s share: ${totalsText(assets, 'amountAtRisk')}.`
        : `The veto committee cancelled DSS ${who(dss)}'s slash of operator ${who(operator)}; ${totalsText(assets, 'amountAtRisk')} of ${who(a)} is no longer at risk from it.`,
    });
  }));
  return out;
}

async function finalized(env: Env, ev: Ev, all: readonly Ev[]): Promise<DetectedAlert[]> {
  const q = ev.args.queuedSlashing as { dss: Address; operator: Address; vaults: readonly Address[]; slashPercentagesWad: readonly bigint[] };
  const b = ev.block;
  const pre = b - 1n;
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const assets: AlertAsset[] = [];
    for (const [i, raw] of q.vaults.entries()) {
      const vault = getAddress(raw);
      const s = await sharesOf(env, vault, a, pre);
      if (s.held + s.queued === 0n) continue;
      // Exact: the same shares valued before and after. If another finalize hit this vault in the same
      // block, the difference is shared: fall back to pct x value before.
      const others = all.filter((x) => x !== ev && x.name === 'FinalizedSlashing' && x.block === b && (x.args.queuedSlashing.vaults as Address[]).some((v) => v.toLowerCase() === vault.toLowerCase())).length;
      const loss = async (shares: bigint) => {
        const before = await toAssets(env, vault, shares, pre);
        if (others > 0) return (before * (q.slashPercentagesWad[i] ?? 0n)) / HUNDRED_PERCENT_WAD;
        const after = await toAssets(env, vault, shares, b);
        return before > after ? before - after : 0n;
      };
      const [p, w] = await Promise.all([loss(s.held), loss(s.queued)]);
      assets.push(...assetsOf(await vaultAsset(env, vault), vault, 'amountLost', p, w));
    }
    if (assets.length === 0) return; // vaults skipped (no longer staked to the DSS) lose nothing
    out.push({
      ...(await logBase(env.ctx, 'karak', ev.log, a)),
      kind: 'slash', severity: 'critical', operator: getAddress(q.operator), service: getAddress(q.dss), setId: null, assets,
      title: `Slashed: ${who(a)} lost ${totalsText(assets, 'amountLost')} in Karak`,
      sentence: `DSS ${who(getAddress(q.dss))}'s slash of operator ${who(getAddress(q.operator))} was finalized; ${who(a)} lost ${totalsText(assets, 'amountLost')}.`,
    });
  }));
  return out;
}

async function stakeUpdate(env: Env, ev: Ev): Promise<DetectedAlert[]> {
  const u = ev.args.updateRequest as { startTimestamp: number; operator: Address; updateRequest: { vault: Address; dss: Address; toStake: boolean } };
  if (!u.updateRequest.toStake) return [];
  const vault = getAddress(u.updateRequest.vault);
  const dss = getAddress(u.updateRequest.dss);
  const b = ev.block;
  const core = ev.log.address;
  const max = await env.reads.read<bigint>(core, coreAbi, 'getDssMaxSlashablePercentageWad', [dss], b);
  const effectTime = Number(u.startTimestamp) + KARAK_STAKE_UPDATE_DELAY;
  const out: DetectedAlert[] = [];
  await Promise.all(env.ctx.addresses.map(async (a) => {
    const s = await sharesOf(env, vault, a, b);
    if (s.held + s.queued === 0n) return;
    const [p, w] = await Promise.all([toAssets(env, vault, s.held, b), toAssets(env, vault, s.queued, b)]);
    const asset = await vaultAsset(env, vault);
    const assets = assetsOf(asset, vault, 'amountAtRisk', (p * max) / HUNDRED_PERCENT_WAD, (w * max) / HUNDRED_PERCENT_WAD);
    if (assets.length === 0) return;
    out.push({
      ...(await logBase(env.ctx, 'karak', ev.log, a)),
      kind: 'service-added', severity: 'warning', operator: getAddress(u.operator), service: dss, setId: null, assets, effectTime,
      title: `New DSS: Karak vault ${who(vault)} of ${who(a)} is about to become slashable by ${who(dss)}`,
      sentence: `Operator ${who(getAddress(u.operator))} asked to stake vault ${who(vault)} to DSS ${who(dss)}; from ${new Date(effectTime * 1000).toISOString()} it can slash up to ${totalsText(assets, 'amountAtRisk')} of ${who(a)} per request (at most ${formatAmount(max, 18, 2)} % of the vault).`,
    });
  }));
  return out;
}

export const karakDetector: AlertDetector = {
  protocol: 'karak',
  supports: (d) => d.karak?.core !== undefined,
  filter: (d) => ({ addresses: [d.karak!.core!], topics: Object.values(KARAK_TOPICS) }),
  async detect(ctx, logs) {
    const core = ctx.deployments.karak!.core!;
    const env: Env = { ctx: { ...ctx, addresses: ctx.addresses.map((a) => getAddress(a)) }, reads: new BlockReads(ctx.client) };
    const events = logs.map((l) => decode(l, core)).filter((e): e is Ev => e !== null);
    const out: DetectedAlert[] = [];
    for (const ev of events) {
      if (ev.name === 'RequestedSlashing') {
        const r = ev.args.requestSlashing as { operator: Address; slashPercentagesWad: readonly bigint[]; vaults: readonly Address[] };
        out.push(...(await atRisk(env, ev, getAddress(ev.args.dss as Address), getAddress(r.operator), r.vaults.map((v) => getAddress(v)), r.slashPercentagesWad, true)));
      } else if (ev.name === 'CancelledSlashing') {
        const q = ev.args.queuedSlashing as { dss: Address; operator: Address; vaults: readonly Address[]; slashPercentagesWad: readonly bigint[] };
        out.push(...(await atRisk(env, ev, getAddress(q.dss), getAddress(q.operator), q.vaults.map((v) => getAddress(v)), q.slashPercentagesWad, false)));
      } else if (ev.name === 'FinalizedSlashing') out.push(...(await finalized(env, ev, events)));
      else out.push(...(await stakeUpdate(env, ev)));
    }
    return out;
  },
};
