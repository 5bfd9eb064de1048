// Decodes DefaultStakerRewards logs by the emitting contract's version (reference §2.6): v1 and v2
// share event names but not shapes — ClaimRewards has token/network swapped in the topics (v1:
// token, network, claimer; v2: network, token, claimer) and different data fields. Decoding with the
// wrong version's ABI would silently swap token and network, so a log whose topic0 does not belong
// to the contract's version is rejected (null), never guessed.
import { decodeEventLog, getAddress, toEventSelector, type Address, type Hex, type Log } from 'viem';
import { stakerRewardsV1EventsAbi, stakerRewardsV2Abi } from './abi.js';

/** A claim as kept in ctx.cache (JSON: amount and block as decimal strings). */
export interface StoredClaim {
  contract: Address;
  network: Address;
  token: Address;
  claimer: Address;
  recipient: Address;
  amount: string;
  blockNumber: string;
  txHash: Hex;
  logIndex: number;
}

const eventOf = (abi: readonly unknown[], name: string) =>
  (abi as { type: string; name?: string }[]).find((i) => i.type === 'event' && i.name === name) as never;

export const CLAIM_TOPICS: readonly Hex[] = [toEventSelector(eventOf(stakerRewardsV1EventsAbi, 'ClaimRewards')), toEventSelector(eventOf(stakerRewardsV2Abi, 'ClaimRewards'))];
export const DISTRIBUTE_TOPICS: readonly Hex[] = [toEventSelector(eventOf(stakerRewardsV1EventsAbi, 'DistributeRewards')), toEventSelector(eventOf(stakerRewardsV2Abi, 'DistributeRewards'))];

const abiFor = (version: 1 | 2) => (version === 1 ? stakerRewardsV1EventsAbi : stakerRewardsV2Abi);

function decode(log: Log, version: 1 | 2, eventName: 'ClaimRewards' | 'DistributeRewards') {
  try {
    return decodeEventLog({ abi: abiFor(version), eventName, topics: log.topics as [Hex, ...Hex[]], data: log.data, strict: true }).args as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function decodeClaimLog(log: Log, version: 1 | 2): StoredClaim | null {
  const a = decode(log, version, 'ClaimRewards');
  if (!a || log.blockNumber === null || log.transactionHash === null || log.logIndex === null) return null;
  return {
    contract: getAddress(log.address),
    network: getAddress(a.network as Address),
    token: getAddress(a.token as Address),
    claimer: getAddress(a.claimer as Address),
    recipient: getAddress(a.recipient as Address),
    amount: (a.amount as bigint).toString(),
    blockNumber: log.blockNumber.toString(),
    txHash: log.transactionHash,
    logIndex: log.logIndex,
  };
}

/** The (network, token) pair a DistributeRewards log paid on; null if the log is not this version's event. */
export function decodeDistributionLog(log: Log, version: 1 | 2): { network: Address; token: Address } | null {
  const a = decode(log, version, 'DistributeRewards');
  return a ? { network: getAddress(a.network as Address), token: getAddress(a.token as Address) } : null;
}
