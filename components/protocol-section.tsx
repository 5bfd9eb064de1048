// One protocol for one address on one chain: a failure notice if its reads failed (its values are
// missing, not zero), else its positions, exposure and withdrawals.
import type { AddressSnapshot, ProtocolId } from '../lib/portfolio/types.js';
import { ExposureList } from './exposure-list.js';
import { PROTOCOL_NAMES } from './group-positions.js';
import { PositionsList } from './positions-list.js';
import { WithdrawalList } from './withdrawal-list.js';

export interface ProtocolSectionProps {
  protocol: ProtocolId;
  data: AddressSnapshot;
  currentBlock: bigint;
  /** Unix seconds of currentBlock (time-based delays, epochs). */
  currentTime: number;
}

/** Protocols with something to show for this address, in the fixed order. */
export function protocolsShown(data: AddressSnapshot, order: readonly ProtocolId[]): ProtocolId[] {
  return order.filter((p) => [data.positions, data.withdrawals, data.exposures, data.failures].some((list) => list.some((x) => x.protocol === p)));
}

export function ProtocolSection({ protocol, data, currentBlock, currentTime }: ProtocolSectionProps) {
  const mine = <T extends { protocol: ProtocolId }>(list: readonly T[]) => list.filter((x) => x.protocol === protocol);
  const name = PROTOCOL_NAMES[protocol];
  return (
    <section className="protocol" data-protocol={protocol} aria-label={name}>
      <h5>{name}</h5>
      {mine(data.failures).map((f, i) => (
        <p key={i} className="notice warn" data-testid="protocol-failure" data-protocol={f.protocol}>
          {name} could not be read: {f.message}. Its values are missing, not zero.
        </p>
      ))}
      <PositionsList positions={mine(data.positions)} currentTime={currentTime} />
      <ExposureList exposures={mine(data.exposures)} />
      <WithdrawalList withdrawals={mine(data.withdrawals)} currentBlock={currentBlock} currentTime={currentTime} />
    </section>
  );
}
