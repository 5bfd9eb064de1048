// TxDelta -> what the in-page dialog shows: plain text (rendered with textContent, never HTML) plus
// base-unit amounts as decimal strings for data attributes. This is all the content script gets;
// it never reaches the page (the dialog lives in a closed shadow root).
import type { Address } from 'viem';
import { formatAmount } from '../../portfolio/format.js';
import { duration } from '../../risk/format.js';
import type { Grade } from '../../risk/rules/rule.js';
import type { Registry } from '../../registry/registry.js';
import type { Completion, DeltaExposure, PooledExposure, TxDelta, VetoTerms } from './types.js';

export interface DialogServiceLine {
  service: Address;
  serviceSetId: number;
  serviceName: string | null;
  operator: Address;
  symbol: string;
  /** Base units, decimal. */
  amount: string;
  amountText: string;
  /** The same service's slashable amount before the call ('0' when new). */
  before: string;
  beforeText: string;
  veto: string;
  redistributes: boolean;
  pending: string | null;
}

export interface DialogView {
  title: string;
  functionName: string;
  protocol: string;
  chainId: number;
  block: string;
  target: { kind: string; address: Address; name: string | null };
  moving: { direction: 'in' | 'out' | 'delegated' | 'receive' | 'restake'; symbol: string; amount: string; text: string }[];
  services: DialogServiceLine[];
  /** Services that could slash before and no longer can. */
  removed: DialogServiceLine[];
  exitDelay: string | null;
  grade: { overall: Grade; reasons: string[]; incomplete: boolean } | null;
  notes: string[];
  /** Completion calls: one line per withdrawal named. */
  completions: DialogCompletion[];
  /** LRT deposits: the pool's look-through. */
  pooled: DialogPooled | null;
}

export interface DialogCompletion {
  id: string;
  status: Completion['status'];
  text: string;
  amounts: { symbol: string; amount: string; text: string }[];
}

export interface DialogPooled {
  symbol: string;
  address: Address;
  name: string | null;
  lrtProtocol: string;
  restakesInto: string | null;
  delegations: { contract: Address; role: string; operator: Address | null; operatorName: string | null; readable: boolean; grade: Grade | null; reasons: string[] }[];
  unknowns: string[];
}

function completionText(c: Completion, block: bigint): string {
  if (c.status === 'not-found') return 'not among this account\'s queued withdrawals now: the wallet would revert';
  const at = c.completableAt!;
  const when = at.unit === 'block' ? `block ${at.value}` : new Date(Number(at.value) * 1000).toISOString();
  if (c.status === 'not-yet') return `not completable before ${when}${at.unit === 'block' ? ` (now ${block})` : ''}: the wallet would revert`;
  return `completable since ${when}${c.slashableNow ? '' : '; no longer slashable'}${c.receiveAsTokens ? ', paid out as tokens' : ', credited back as stake'}`;
}

function pooledView(p: PooledExposure): DialogPooled {
  return {
    symbol: p.lrt.symbol, address: p.lrt.address, name: p.lrt.name, lrtProtocol: p.lrtProtocol,
    restakesInto: p.restakesInto ? p.restakesInto.join(', ') : null,
    delegations: p.delegations.map((d) => ({
      contract: d.contract, role: d.role, operator: d.operator ?? null, operatorName: d.operatorName, readable: d.operator !== undefined,
      grade: d.grade?.overall ?? null, reasons: d.grade?.reasons.slice(0, 3) ?? [],
    })),
    unknowns: p.unknowns,
  };
}

const TITLES: Record<string, string> = {
  delegate: 'Delegate your stake to an operator', redelegate: 'Redelegate to another operator', undelegate: 'Undelegate (withdraw all stake)',
  deposit: 'Deposit (restake)', 'queue-withdrawal': 'Start a withdrawal', 'complete-withdrawal': 'Complete a withdrawal',
  withdraw: 'Withdraw from a vault', redeem: 'Redeem vault shares', 'start-redeem': 'Start redeeming vault shares', 'lrt-deposit': 'Deposit into a liquid restaking token',
};
const PROTOCOLS: Record<string, string> = { eigenlayer: 'EigenLayer', symbiotic: 'Symbiotic', karak: 'Karak', lrt: 'Liquid restaking' };

export function vetoText(v: VetoTerms): string {
  if (v.mode === 'instant') return 'instant: no veto';
  if (v.mode === 'committee') return `veto committee, ${v.windowSeconds === null ? 'window unknown' : duration(v.windowSeconds, 'seconds')}`;
  if (v.resolver === null) return `veto window ${v.windowSeconds === null ? 'unknown' : duration(v.windowSeconds, 'seconds')}, but no resolver is set`;
  return `veto window ${v.windowSeconds === null ? 'unknown' : duration(v.windowSeconds, 'seconds')}`;
}

const key = (e: DeltaExposure) => `${e.protocol}:${e.service.toLowerCase()}:${e.serviceSetId}:${e.operator.toLowerCase()}:${e.asset.address ?? ''}:${e.strategy ?? ''}`;

export function toDialogView(d: TxDelta, registry?: Registry): DialogView {
  const name = (a: Address) => registry?.lookup(a, d.chainId)[0]?.name ?? null;
  const before = new Map(d.before.map((e) => [key(e), e]));
  const line = (e: DeltaExposure, prev: bigint): DialogServiceLine => ({
    service: e.service, serviceSetId: e.serviceSetId, serviceName: name(e.service), operator: e.operator, symbol: e.asset.symbol,
    amount: e.amount.toString(), amountText: `${formatAmount(e.amount, e.asset.decimals)} ${e.asset.symbol}`,
    before: prev.toString(), beforeText: `${formatAmount(prev, e.asset.decimals)} ${e.asset.symbol}`,
    veto: vetoText(e.veto), redistributes: e.redistributes, pending: e.pending,
  });
  const afterKeys = new Set(d.after.map(key));
  return {
    title: TITLES[d.call.action] ?? d.call.action,
    functionName: d.call.functionName,
    protocol: PROTOCOLS[d.call.protocol] ?? d.call.protocol,
    chainId: d.chainId,
    block: d.blockNumber.toString(),
    target: { kind: d.target.kind, address: d.target.address, name: d.target.name },
    moving: d.moving.map((m) => ({ direction: m.direction, symbol: m.asset.symbol, amount: m.amount.toString(), text: `${formatAmount(m.amount, m.asset.decimals)} ${m.asset.symbol}` })),
    services: d.after.map((e) => line(e, before.get(key(e))?.amount ?? 0n)),
    removed: d.before.filter((e) => !afterKeys.has(key(e))).map((e) => ({ ...line(e, e.amount), amount: '0', amountText: `0 ${e.asset.symbol}` })),
    exitDelay: d.exitDelay ? duration(d.exitDelay.value, d.exitDelay.unit) : null,
    grade: d.grade ? { overall: d.grade.overall, reasons: d.grade.reasons.slice(0, 8), incomplete: d.grade.incomplete } : null,
    notes: d.notes,
    completions: (d.completions ?? []).map((c) => ({
      id: c.id, status: c.status, text: completionText(c, d.blockNumber),
      amounts: c.amounts.map((a) => ({ symbol: a.asset.symbol, amount: a.amount.toString(), text: `${formatAmount(a.amount, a.asset.decimals)} ${a.asset.symbol}` })),
    })),
    pooled: d.pooled ? pooledView(d.pooled) : null,
  };
}
