// One address on one chain: the chain's name, totals per asset, then each protocol.
import type { AddressSnapshot } from '../lib/portfolio/types.js';
import { PROTOCOL_ORDER } from './group-positions.js';
import { ProtocolSection, protocolsShown } from './protocol-section.js';
import { TotalsList } from './totals-list.js';

export interface ChainBlockProps {
  chainId: number;
  name: string;
  data: AddressSnapshot;
  currentBlock: bigint;
  currentTime: number;
  /** The chain's last refresh failed: these are older values (the banner at the top says why). */
  stale: boolean;
}

export function ChainBlock({ chainId, name, data, currentBlock, currentTime, stale }: ChainBlockProps) {
  const protocols = protocolsShown(data, PROTOCOL_ORDER);
  return (
    <section className="chain" data-testid={`chain-${chainId}`} data-chain-id={chainId} aria-label={`${name}${stale ? ' (stale)' : ''}`}>
      <h4>
        {name}
        {stale && <span className="tag warn">stale</span>}
      </h4>
      {protocols.length === 0 ? (
        <p className="muted small">No restaked positions.</p>
      ) : (
        <>
          <TotalsList data={data} />
          {protocols.map((p) => (
            <ProtocolSection key={p} protocol={p} data={data} currentBlock={currentBlock} currentTime={currentTime} />
          ))}
        </>
      )}
    </section>
  );
}
