// The EigenLayer events the alert detector watches, taken from the project's ABI module (mainnet
// v1.12.0 shapes), with their topic0 and the contract that emits each.
import { toEventSelector, type Abi, type AbiEvent, type Address, type Hex } from 'viem';
import type { EigenLayerAddresses } from '../../chains/deployments.js';
import { allocationManagerAbi, delegationManagerAbi, eigenPodManagerAbi } from '../../protocols/eigenlayer/abi.js';

function eventOf(abi: Abi, name: string): AbiEvent {
  const item = abi.find((x): x is AbiEvent => x.type === 'event' && x.name === name);
  if (!item) throw new Error(`event ${name} missing from the ABI module`);
  return item;
}
const am = (name: string) => eventOf(allocationManagerAbi as Abi, name);
const dm = (name: string) => eventOf(delegationManagerAbi as Abi, name);
const epm = (name: string) => eventOf(eigenPodManagerAbi as Abi, name);

export const WATCHED = {
  OperatorSlashed: { event: am('OperatorSlashed'), contract: 'allocationManager' },
  AllocationUpdated: { event: am('AllocationUpdated'), contract: 'allocationManager' },
  OperatorAddedToOperatorSet: { event: am('OperatorAddedToOperatorSet'), contract: 'allocationManager' },
  SlasherUpdated: { event: am('SlasherUpdated'), contract: 'allocationManager' },
  RedistributionAddressSet: { event: am('RedistributionAddressSet'), contract: 'allocationManager' },
  StakerForceUndelegated: { event: dm('StakerForceUndelegated'), contract: 'delegationManager' },
  BeaconChainSlashingFactorDecreased: { event: epm('BeaconChainSlashingFactorDecreased'), contract: 'eigenPodManager' },
} as const satisfies Record<string, { event: AbiEvent; contract: keyof EigenLayerAddresses }>;

export type WatchedName = keyof typeof WATCHED;
export const WATCHED_EVENTS: AbiEvent[] = Object.values(WATCHED).map((w) => w.event);
export const TOPICS: Record<WatchedName, Hex> = Object.fromEntries(
  Object.entries(WATCHED).map(([name, w]) => [name, toEventSelector(w.event)]),
) as Record<WatchedName, Hex>;

export function watchedContracts(el: EigenLayerAddresses): Address[] {
  return [el.allocationManager, el.delegationManager, el.eigenPodManager];
}
