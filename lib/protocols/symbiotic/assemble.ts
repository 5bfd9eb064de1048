// Pure assembly of one address's Symbiotic reading from raw call results (reference §2.3-§2.5); no
// I/O, so the rules (what is a position, when a bucket is claimable, the pro-rata exposure) are
// unit-testable.
import { encodeAbiParameters, getAddress, keccak256, type Address, type Hex } from 'viem';
import type { Asset, Exposure, Position, Withdrawal } from '../../portfolio/types.js';
import type { AddressReading } from '../adapter.js';

export type SlasherKind = 'instant' | 'veto' | 'none';

/** Per-vault facts that never change for a given vault version (cached across refreshes). */
export interface VaultFacts {
  vault: Address;
  version: number;
  collateral: Address;
  asset: Asset;
  delegator: Address;
  /** 0 NetworkRestake, 1 FullRestake, 2 OperatorSpecific, 3 OperatorNetworkSpecific. */
  delegatorType: number;
  slasher: Address | null;
  slasherType: SlasherKind;
  vetoDuration?: number;
  burner: Address;
  /** The burner is a BurnerRouter (BurnerRouterFactory entity): slashed funds are forwarded. */
  burnerIsRouter: boolean;
  epochDuration: number;
  epochDurationInit: number;
  /** Types 2 and 3: the single operator (and network, type 3). */
  operator?: Address;
  network?: Address;
}

/** One confirmed (subnetwork, operator) pair of a vault: max network limit > 0, operator opted in to vault and network. */
export interface StakePair {
  subnetwork: Hex;
  network: Address;
  identifier: bigint;
  operator: Address;
  /** delegator.stake(subnetwork, operator): whole vault, collateral units. */
  stake: bigint;
  middleware: Address | null;
  /** Veto slasher only: the subnetwork's current resolver (null = none, no veto protection). */
  resolver?: Address | null;
}

export interface WithdrawalBucket {
  epoch: number;
  amount: bigint;
  claimed: boolean;
}

export interface VaultReading {
  facts: VaultFacts;
  currentEpoch: number;
  activeStake: bigint;
  activeBalance: bigint;
  activeShares: bigint;
  slashableBalance: bigint;
  buckets: WithdrawalBucket[];
  pairs: StakePair[];
}

const KNOWN_BURN_ADDRESSES = new Set([
  '0x0000000000000000000000000000000000000000',
  '0x000000000000000000000000000000000000dead',
  // Mainnet asset burners (reference §2.2: wstETH, rETH, mETH, swETH, sfrxETH, ETHx).
  '0xdcac890b14121fd5d925e2589017be68c2b5b324',
  '0x89e3915c9eb07d1bff5d78e24b28d409dba9b272',
  '0x919c4329ed4d4a72c72c126ff8ae351c1e7ce231',
  '0x1aca33ae8f57e2cdadd0375875ae12fb08c54529',
  '0xbe5821db563311750f6295e3cdb40abbdbff0c4b',
  '0xcd669361d629380a70338d613d29c6f3a28a2b50',
]);

/**
 * Where slashed collateral goes: 'redistribute' for a BurnerRouter (forwards to receivers), 'burn'
 * for a burn address or a known asset burner, 'unknown' for anything else (an EOA or an unknown
 * contract may well keep the funds).
 */
export function burnerKind(burner: Address, isRouter: boolean): 'burn' | 'redistribute' | 'unknown' {
  if (isRouter) return 'redistribute';
  return KNOWN_BURN_ADDRESSES.has(burner.toLowerCase()) ? 'burn' : 'unknown';
}

/** Stable id of one withdrawal bucket: keccak256(abi.encode(vault, epoch, claimer)). */
export function withdrawalId(vault: Address, epoch: number, claimer: Address): Hex {
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'address' }], [vault, BigInt(epoch), claimer]));
}

/** Start (unix s) of `epoch` of a vault: epochDurationInit + epoch × epochDuration. */
export const epochStart = (f: Pick<VaultFacts, 'epochDurationInit' | 'epochDuration'>, epoch: number): number =>
  f.epochDurationInit + epoch * f.epochDuration;

/** The part of `balance` backing one (subnetwork, operator): balance × stake / activeStake, floored. */
export function proRata(balance: bigint, stake: bigint, activeStake: bigint): bigint {
  if (activeStake === 0n || stake === 0n) return 0n;
  return (balance * stake) / activeStake;
}

export function assemble(address: Address, vaults: readonly VaultReading[]): AddressReading {
  const positions: Position[] = [];
  const withdrawals: Withdrawal[] = [];
  const exposures: Exposure[] = [];
  for (const v of vaults) {
    const f = v.facts;
    const singleOperator = f.delegatorType === 2 || f.delegatorType === 3 ? (f.operator ?? null) : null;
    if (v.activeShares > 0n || v.slashableBalance > 0n) {
      positions.push({
        protocol: 'symbiotic',
        operator: singleOperator,
        asset: f.asset,
        amount: v.activeBalance,
        symbiotic: {
          vault: f.vault,
          vaultVersion: f.version,
          activeShares: v.activeShares,
          slashableBalance: v.slashableBalance,
          epochDuration: f.epochDuration,
          currentEpoch: v.currentEpoch,
          currentEpochStart: epochStart(f, v.currentEpoch),
        },
      });
    }
    for (const b of v.buckets) {
      // A claimed bucket keeps its withdrawalsOf() value; it is no longer pending.
      if (b.amount === 0n || b.claimed) continue;
      const completable = v.currentEpoch > b.epoch; // claim(recipient, epoch) requires epoch < currentEpoch()
      withdrawals.push({
        protocol: 'symbiotic',
        id: withdrawalId(f.vault, b.epoch, address),
        operator: singleOperator,
        asset: f.asset,
        amount: b.amount,
        completableAt: epochStart(f, b.epoch + 1),
        completable,
        // Buckets of the current and the next epoch still absorb slashes (Vault.onSlash).
        slashable: f.slasherType !== 'none' && b.epoch >= v.currentEpoch,
        symbiotic: { vault: f.vault, epoch: b.epoch, claimed: b.claimed },
      });
    }
    if (v.activeBalance === 0n || v.activeStake === 0n) continue;
    const kind = burnerKind(f.burner, f.burnerIsRouter);
    for (const p of v.pairs) {
      if (p.stake === 0n) continue;
      exposures.push({
        protocol: 'symbiotic',
        operator: p.operator,
        service: p.network,
        serviceSetId: Number(p.identifier),
        asset: f.asset,
        // A vault without a slasher can never be slashed: the stake backs the network, nothing more.
        slashableAmount: f.slasherType === 'none' ? 0n : proRata(v.activeBalance, p.stake, v.activeStake),
        pending: null,
        redistributes: kind === 'redistribute',
        slasher: f.slasherType === 'none' ? null : p.middleware,
        symbiotic: {
          vault: f.vault,
          subnetwork: p.subnetwork,
          delegatorType: f.delegatorType,
          operatorStake: p.stake,
          slasherType: f.slasherType,
          ...(f.slasherType === 'veto' ? { vetoDuration: f.vetoDuration ?? 0, resolver: p.resolver ?? null } : {}),
          burner: f.burner,
          burnerKind: kind,
        },
      });
    }
  }
  return { positions, withdrawals, exposures };
}

/** network = top 20 bytes of the subnetwork, identifier = low 12 bytes. */
export function splitSubnetwork(subnetwork: Hex): { network: Address; identifier: bigint } {
  const hex = subnetwork.slice(2).padStart(64, '0');
  return { network: getAddress(`0x${hex.slice(0, 40)}`), identifier: BigInt(`0x${hex.slice(40)}`) };
}
