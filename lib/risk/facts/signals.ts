// The normalized risk signals every entity kind reduces to: what the rules read. A signal that does
// not apply to a kind is absent (e.g. tenure of a vault); one that applies but could not be read is
// an unknown Fact. Per-protocol meaning of each field is in docs/risk.md.
import type { Address } from 'viem';
import type { Fact } from './fact.js';

/** A service that can slash the stake, and who can trigger it. */
export interface SlashingPath {
  /** Readable label, e.g. "AVS 0xab…cd set 1", "network 0x12…34/0", "DSS 0x56…78". */
  service: string;
  serviceAddress: Address;
  /** Who can call the slash; null = no slasher configured (this path cannot slash). */
  slasher: Address | null;
  /** eth_getCode of the slasher: a contract (rules, multisig) or an EOA (one private key). Null = not read. */
  slasherCode: 'contract' | 'eoa' | null;
}

export interface VetoPath {
  service: string;
  /** instant: executes at once; veto: a resolver may veto during the window; committee: a protocol-wide committee may cancel. */
  mode: 'instant' | 'veto' | 'committee';
  /** Veto: the resolver for this service (null = none set, nobody can veto). */
  resolver: Address | null;
  windowSeconds: number | null;
}

export interface SlashDestination {
  service: string;
  /** burn: destroyed; redistribute: sent to a recipient; handler: a protocol handler contract decides. */
  mode: 'burn' | 'redistribute' | 'handler' | 'unknown';
  recipient: Address | null;
}

export interface ExitDelay {
  /** False when nothing can slash the stake: a slow exit then costs nothing. */
  slashable: boolean;
  /** Time a staker needs to get out, and time until a new exposure (or a slash request) takes effect. */
  exit: number;
  exposure: number;
  unit: 'blocks' | 'seconds';
  exitLabel: string;
  exposureLabel: string;
}

export interface SharedStake {
  /** Largest number of services slashing the same stake (per strategy / vault). */
  services: number;
  where: string;
}

export interface SlashHistory {
  count: number;
  /** True when `count` is a lower bound (e.g. logs unavailable but magnitude shows a slash). */
  atLeast: boolean;
}

export interface Concentration {
  /** Share of the pool one operator controls, in basis points (10000 = all of it). */
  shareBps: number;
  of: string;
}

export interface Tenure {
  registeredAtBlock: bigint;
  registeredAt: number;
  ageSeconds: number;
}

export interface PendingChange {
  kind: 'slash-request' | 'allocation-increase' | 'allocation-decrease' | 'slasher-change' | 'stake-add' | 'stake-remove';
  service: string;
  /** "block 123" or an ISO time: when it takes effect (or may execute). */
  effective: string;
}

export interface Signals {
  slashing?: Fact<SlashingPath[]>;
  veto?: Fact<VetoPath[]>;
  destination?: Fact<SlashDestination[]>;
  exitDelay?: Fact<ExitDelay>;
  sharedStake?: Fact<SharedStake>;
  slashHistory?: Fact<SlashHistory>;
  concentration?: Fact<Concentration>;
  tenure?: Fact<Tenure>;
  pending?: Fact<PendingChange[]>;
}
