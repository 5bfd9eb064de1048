// The Symbiotic events the alert detector watches, by topic0, and who must have emitted each one.
// None of these contracts is in the deployments (every vault has its own slasher and delegator), so
// the log filter is by topic only and every emitter is verified on chain (verify-emitter.ts).
import { decodeEventLog, getAbiItem, toEventSelector, type AbiEvent, type Hex, type Log } from 'viem';
import { networkRestakeDelegatorAbi, slasherAbi, vaultAbi, vetoSlasherAbi } from '../../protocols/symbiotic/abi.js';

export type EmitterKind = 'vault' | 'slasher' | 'delegator';
export type SymbioticEventName = 'OnSlash' | 'Slash' | 'RequestSlash' | 'ExecuteSlash' | 'VetoSlash' | 'SetNetworkLimit';

const EVENTS: Record<SymbioticEventName, { event: AbiEvent; emitter: EmitterKind }> = {
  OnSlash: { event: getAbiItem({ abi: vaultAbi, name: 'OnSlash' }) as AbiEvent, emitter: 'vault' },
  Slash: { event: getAbiItem({ abi: slasherAbi, name: 'Slash' }) as AbiEvent, emitter: 'slasher' },
  RequestSlash: { event: getAbiItem({ abi: vetoSlasherAbi, name: 'RequestSlash' }) as AbiEvent, emitter: 'slasher' },
  ExecuteSlash: { event: getAbiItem({ abi: vetoSlasherAbi, name: 'ExecuteSlash' }) as AbiEvent, emitter: 'slasher' },
  VetoSlash: { event: getAbiItem({ abi: vetoSlasherAbi, name: 'VetoSlash' }) as AbiEvent, emitter: 'slasher' },
  SetNetworkLimit: { event: getAbiItem({ abi: networkRestakeDelegatorAbi, name: 'SetNetworkLimit' }) as AbiEvent, emitter: 'delegator' },
};

export const SYMBIOTIC_TOPICS: Record<SymbioticEventName, Hex> = Object.fromEntries(
  Object.entries(EVENTS).map(([name, e]) => [name, toEventSelector(e.event)]),
) as Record<SymbioticEventName, Hex>;
const BY_TOPIC = new Map(Object.entries(SYMBIOTIC_TOPICS).map(([name, t]) => [t.toLowerCase(), name as SymbioticEventName]));

export interface SymbioticEvent {
  name: SymbioticEventName;
  emitter: EmitterKind;
  args: Record<string, unknown>;
  log: Log;
  block: bigint;
}

/** Decodes a watched log (strict: a same-topic log with another layout is dropped); null otherwise. */
export function decodeSymbiotic(log: Log): SymbioticEvent | null {
  const name = BY_TOPIC.get((log.topics[0] ?? '').toLowerCase());
  if (!name || log.blockNumber == null || log.transactionHash == null || log.logIndex == null || log.blockHash == null) return null;
  try {
    const d = decodeEventLog({ abi: [EVENTS[name].event], data: log.data, topics: log.topics as never, strict: true });
    return { name, emitter: EVENTS[name].emitter, args: d.args as unknown as Record<string, unknown>, log, block: log.blockNumber };
  } catch {
    return null;
  }
}

/** Network and identifier of a subnetwork (network = first 20 bytes, identifier = last 12). */
export function splitSubnetwork(subnetwork: Hex): { network: `0x${string}`; identifier: number } {
  const hex = subnetwork.slice(2).padStart(64, '0');
  return { network: `0x${hex.slice(0, 40)}`, identifier: Number(BigInt(`0x${hex.slice(40)}`)) };
}
