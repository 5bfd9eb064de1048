// The risk delta of one restaking call: what the sender's exposure is now (before) and what the
// call adds or removes (after), with amounts in base units, plus the risk grade of the operator or
// vault the call targets. Computed in the background (compute-tx-delta.ts); the dialog gets a
// display-only rendering of it (dialog-view.ts), never this object.
import type { Address } from 'viem';
import type { Asset, Exposure, ProtocolId } from '../../portfolio/types.js';
import type { EntityRef } from '../../risk/entity.js';
import type { Grade } from '../../risk/rules/rule.js';
import type { DecodedRestakingCall } from '../types.js';

/** How a requested slash executes: at once, after a resolver's veto window, or after a protocol committee's window. */
export interface VetoTerms {
  mode: 'instant' | 'veto' | 'committee';
  /** Seconds a slash request waits (veto window); null for instant, or a veto slasher without a resolver. */
  windowSeconds: number | null;
  /** Veto slasher: the resolver of this service (null = none set: nobody can veto). */
  resolver?: Address | null;
}

/** One service that can slash part of the sender's stake. */
export interface DeltaExposure {
  protocol: ProtocolId;
  service: Address;
  serviceSetId: number;
  operator: Address;
  asset: Asset;
  /** EigenLayer: the strategy holding the stake. */
  strategy?: Address;
  /** Slashable part of the sender's stake (base units). */
  amount: bigint;
  veto: VetoTerms;
  redistributes: boolean;
  /** A scheduled change of this exposure (EigenLayer allocation, Karak stake update). */
  pending: string | null;
}

export interface MovingAmount {
  asset: Asset;
  amount: bigint;
  /** 'in': the call stakes it; 'out': the call starts taking it out; 'delegated': it stays, under a new operator. */
  direction: 'in' | 'out' | 'delegated';
}

export interface DelayTerms {
  value: number;
  unit: 'blocks' | 'seconds';
}

export interface TxDelta {
  chainId: number;
  blockNumber: bigint;
  sender: Address | null;
  call: DecodedRestakingCall;
  /** Operator, vault or strategy the call acts on (for the dialog's "target" line). */
  target: { kind: 'operator' | 'vault' | 'strategy' | 'lrt'; address: Address; name: string | null };
  moving: MovingAmount[];
  /** The sender's exposures in the scope the call touches, now. */
  before: DeltaExposure[];
  /** The same scope after the call (for 'out': what is still slashable during the exit window). */
  after: DeltaExposure[];
  /** Time to get out once a withdrawal starts (the slashable window of a withdrawal). */
  exitDelay: DelayTerms | null;
  /** Plain sentences the dialog shows as they are (limits of the estimate, what was not read). */
  notes: string[];
  grade: DeltaGrade | null;
}

export interface DeltaGrade {
  entity: EntityRef;
  overall: Grade;
  /** The rule sentences that are not low, worst first ("Funds can be lost if ..."). */
  reasons: string[];
  incomplete: boolean;
}

export function fromExposure(e: Exposure, veto: VetoTerms): DeltaExposure {
  const pending = e.pending ? `${e.pending.diff > 0n ? 'allocation increase' : 'allocation decrease'} at block ${e.pending.effectBlock}`
    : e.karak?.pendingUpdate ? `${e.karak.pendingUpdate.toStake ? 'stake to this DSS' : 'unstake from this DSS'} finalizable ${new Date(e.karak.pendingUpdate.finalizableAt * 1000).toISOString()}`
      : null;
  return {
    protocol: e.protocol, service: e.service, serviceSetId: e.serviceSetId, operator: e.operator, asset: e.asset, ...(e.strategy ? { strategy: e.strategy } : {}),
    amount: e.slashableAmount, veto, redistributes: e.redistributes, pending,
  };
}
