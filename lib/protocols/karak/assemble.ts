// Pure assembly of one staker's Karak reading from raw call results (no I/O), so the rules are
// unit-testable: what a position is worth, when a redeem/withdrawal completes, what a DSS can slash.
import { encodeAbiParameters, keccak256, type Address, type Hex } from 'viem';
import type { Asset, Exposure, Position, Withdrawal } from '../../portfolio/types.js';
import type { AddressReading } from '../adapter.js';

/** Karak percentages are WAD x 100: 100e18 = 100 %. */
export const HUNDRED_PERCENT_WAD = 100n * 10n ** 18n;
/** V2 MIN_WITHDRAWAL_DELAY and MIN_STAKE_UPDATE_DELAY (reference §3.2), seconds. */
export const MIN_WITHDRAWAL_DELAY = 9 * 24 * 3600;
export const MIN_STAKE_UPDATE_DELAY = 9 * 24 * 3600;

export interface V2Holding {
  vault: Address;
  operator: Address;
  asset: Asset;
  shares: bigint;
  /** convertToAssets(shares) at the pinned block. */
  amount: bigint;
  /** getLeverage(vault): DSS count x 100e18. */
  leverage: bigint;
  /** DSSs whose fetchVaultsStakedInDSS(operator, dss) contains the vault, with their max slashable %. */
  stakedTo: { dss: Address; maxSlashablePercentageWad: bigint }[];
  /** Stake updates of this vault requested and not finished (from logs). */
  pendingUpdates: { dss: Address; toStake: boolean; startTimestamp: number; maxSlashablePercentageWad: bigint }[];
}

export interface V2Redeem {
  vault: Address;
  operator: Address;
  asset: Asset;
  staker: Address;
  nonce: bigint;
  shares: bigint;
  /** convertToAssets(shares) now: queued shares keep absorbing slashes until finished. */
  amount: bigint;
  start: number;
}

export const withdrawalKey = (staker: Address, nonce: bigint): Hex =>
  keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [staker, nonce]));

export const slashablePart = (amount: bigint, maxSlashablePercentageWad: bigint) => (amount * maxSlashablePercentageWad) / HUNDRED_PERCENT_WAD;

export function assembleV2(holdings: readonly V2Holding[], redeems: readonly V2Redeem[], now: number): AddressReading {
  const positions: Position[] = [];
  const exposures: Exposure[] = [];
  for (const h of holdings) {
    if (h.shares === 0n) continue;
    const dssCount = Number(h.leverage / HUNDRED_PERCENT_WAD);
    positions.push({
      protocol: 'karak',
      operator: h.operator,
      asset: h.asset,
      amount: h.amount,
      karak: { version: 2, vault: h.vault, shares: h.shares, dssCount },
    });
    const pendingFor = (dss: Address) => h.pendingUpdates.find((u) => u.dss === dss);
    const exposure = (dss: Address, maxPct: bigint, slashableAmount: bigint): Exposure => {
      const u = pendingFor(dss);
      return {
        protocol: 'karak',
        operator: h.operator,
        service: dss,
        serviceSetId: 0,
        asset: h.asset,
        slashableAmount,
        pending: null,
        redistributes: false,
        slasher: dss,
        karak: {
          vault: h.vault,
          maxSlashablePercentageWad: maxPct,
          dssCount,
          pendingUpdate: u ? { toStake: u.toStake, finalizableAt: u.startTimestamp + MIN_STAKE_UPDATE_DELAY } : null,
        },
      };
    };
    for (const s of h.stakedTo) exposures.push(exposure(s.dss, s.maxSlashablePercentageWad, slashablePart(h.amount, s.maxSlashablePercentageWad)));
    // A requested stake into a new DSS: nothing slashable yet, shown so the coming exposure is visible.
    for (const u of h.pendingUpdates) {
      if (u.toStake && !h.stakedTo.some((s) => s.dss === u.dss)) exposures.push(exposure(u.dss, u.maxSlashablePercentageWad, 0n));
    }
  }
  const withdrawals: Withdrawal[] = redeems.map((r) => {
    const completableAt = r.start + MIN_WITHDRAWAL_DELAY;
    return {
      protocol: 'karak',
      id: withdrawalKey(r.staker, r.nonce),
      operator: r.operator,
      asset: r.asset,
      amount: r.amount,
      completableAt,
      completable: now >= completableAt,
      // Escrowed shares stay in the vault and lose pro rata to every slash until finishRedeem.
      slashable: true,
      karak: { vault: r.vault, version: 2 },
    };
  });
  return { positions, withdrawals, exposures };
}

export interface V1Deposit {
  vault: Address;
  asset: Asset;
  shares: bigint;
  amount: bigint;
}

export interface V1QueuedWithdrawal {
  staker: Address;
  delegatedTo: Address;
  nonce: bigint;
  start: bigint;
  request: { vaults: readonly Address[]; shares: readonly bigint[]; withdrawer: Address };
}

const V1_WITHDRAWAL = [{
  type: 'tuple',
  components: [
    { name: 'staker', type: 'address' }, { name: 'delegatedTo', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'start', type: 'uint256' },
    { name: 'request', type: 'tuple', components: [{ name: 'vaults', type: 'address[]' }, { name: 'shares', type: 'uint256[]' }, { name: 'withdrawer', type: 'address' }] },
  ],
}] as const;

/** V1 withdrawal root: keccak256(abi.encode(QueuedWithdrawal)). */
export const v1WithdrawalRoot = (w: V1QueuedWithdrawal): Hex => keccak256(encodeAbiParameters(V1_WITHDRAWAL, [w]));

const ZERO = '0x0000000000000000000000000000000000000000';

/** V1 has no DSSs and no slashing: positions without operator or exposure; withdrawals never slashable. */
export function assembleV1(
  deposits: readonly V1Deposit[],
  withdrawals: readonly V1QueuedWithdrawal[],
  l: { now: number; delay: bigint; assetOf(vault: Address): Asset; amountOf(vault: Address, shares: bigint): bigint },
): AddressReading {
  const positions: Position[] = deposits
    .filter((d) => d.shares > 0n)
    .map((d) => ({ protocol: 'karak', operator: null, asset: d.asset, amount: d.amount, karak: { version: 1, vault: d.vault, shares: d.shares, dssCount: 0 } }));
  const out: Withdrawal[] = withdrawals.flatMap((w) => {
    const id = v1WithdrawalRoot(w);
    const completableAt = Number(w.start + l.delay);
    return w.request.vaults.map((vault, j) => ({
      protocol: 'karak' as const,
      id,
      operator: w.delegatedTo === ZERO ? null : w.delegatedTo,
      asset: l.assetOf(vault),
      amount: l.amountOf(vault, w.request.shares[j]!),
      completableAt,
      completable: l.now >= completableAt,
      slashable: false,
      karak: { vault, version: 1 as const },
    }));
  });
  return { positions, withdrawals: out, exposures: [] };
}
