// The risk delta of one restaking call: what the sender's exposure is now (before) and what the
// call adds or removes (after), with amounts in base units, plus the risk grade of the operator or
// vault the call targets. Computed in the background (compute-tx-delta.ts); the dialog gets a
// display-only rendering of it (dialog-view.ts), never this object.
import type { Address, Hex } from 'viem';
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
  /**
   * 'in': the call stakes it; 'out': the call starts taking it out; 'delegated': it stays, under a new
   * operator; 'receive': a completed withdrawal pays it to the wallet; 'restake': a completed withdrawal
   * credits it back as stake (EigenLayer receiveAsTokens = false).
   */
  direction: 'in' | 'out' | 'delegated' | 'receive' | 'restake';
}

/** One queued withdrawal a completion call names, matched against the sender's withdrawals read now. */
export interface Completion {
  protocol: ProtocolId;
  /** Withdrawal root (EigenLayer calculateWithdrawalRoot; Karak V1 keccak of the QueuedWithdrawal). */
  id: Hex;
  /** 'not-yet' and 'not-found' revert in the wallet. */
  status: 'completable' | 'not-yet' | 'not-found';
  /** First block (EigenLayer) or unix second (Karak V1) at which it can be completed; null when not found. */
  completableAt: { value: bigint; unit: 'block' | 'timestamp' } | null;
  /** Operator the stake was delegated to when queued (its services could slash it during the delay). */
  operator: Address | null;
  /** What the sender gets, after every slash so far (empty when not found). */
  amounts: { asset: Asset; amount: bigint }[];
  receiveAsTokens: boolean;
  /** Still inside its slashable window now (EigenLayer only; Karak V1 has no slashing). */
  slashableNow: boolean;
}

/** A liquid restaking deposit: the user's stake joins a pool; the LRT protocol decides where it goes. */
export interface PooledExposure {
  lrt: { symbol: string; address: Address; name: string | null };
  lrtProtocol: string;
  /** Restaking protocols the registry says the LRT pools into (null: not established). */
  restakesInto: string[] | null;
  /** Registry-listed contracts of the LRT that delegate EigenLayer stake, with what the chain says now. */
  delegations: PooledDelegation[];
  /** What could not be established, in plain sentences. */
  unknowns: string[];
}

export interface PooledDelegation {
  contract: Address;
  /** The registry's role name ("OperatorDelegator (Figment)", "EtherFiRestaker"). */
  role: string;
  /** delegatedTo(contract) now; null = not delegated; undefined = unreadable. */
  operator: Address | null | undefined;
  operatorName: string | null;
  grade: DeltaGrade | null;
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
  target: { kind: 'operator' | 'vault' | 'strategy' | 'lrt' | 'contract'; address: Address; name: string | null };
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
  /** Completion calls: each withdrawal named, matched against the sender's queued withdrawals. */
  completions?: Completion[];
  /** LRT deposits: the look-through of the pool the deposit joins. */
  pooled?: PooledExposure;
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
