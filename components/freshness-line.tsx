// Per enabled chain: "Ethereum · Block N · 40 s ago", plus a stale banner when that chain's last
// refresh failed (or an error state when it was never read). Freshness is a property of a chain's
// read, not of an address, so it is shown once per chain above the addresses.
// Test ids: the first chain's line is `freshness` (what a single-chain setup and the e2e test
// read), the others `freshness-<chainId>`; every line and banner has data-chain-id.
import { useEffect, useState } from 'react';
import type { ChainPortfolio } from '../lib/extension/storage/portfolio.js';
import { formatAge } from '../lib/portfolio/format.js';

/** Re-renders every second so the age stays true while the popup is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export interface ChainView extends ChainPortfolio {
  chainId: number;
  name: string;
}

export function ChainStatusList({ chains }: { chains: readonly ChainView[] }) {
  const now = useNow();
  if (chains.length === 0) {
    return (
      <p className="banner warn" data-testid="no-chains">
        No chain is enabled: enable one in Settings to read positions.
      </p>
    );
  }
  return (
    <div className="chains-status">
      {chains.map((c, i) => (
        <div key={c.chainId}>
          <FreshnessLine chain={c} now={now} testId={i === 0 ? 'freshness' : `freshness-${c.chainId}`} />
          <StaleBanner chain={c} />
        </div>
      ))}
    </div>
  );
}

function FreshnessLine({ chain, now, testId }: { chain: ChainView; now: number; testId: string }) {
  const { snapshot } = chain;
  if (!snapshot) {
    return (
      <p className="freshness muted" data-testid={testId} data-chain-id={chain.chainId}>
        {chain.name} · not read yet
      </p>
    );
  }
  return (
    <p className="freshness muted" data-testid={testId} data-chain-id={chain.chainId} data-block={snapshot.blockNumber.toString()}>
      {chain.name} · Block {snapshot.blockNumber.toString()} · {formatAge(snapshot.fetchedAt, now)}
    </p>
  );
}

function StaleBanner({ chain }: { chain: ChainView }) {
  const { status } = chain;
  if (!status.error) return null;
  if (!chain.snapshot) {
    return (
      <div className="banner error" role="alert" data-testid="error-state" data-chain-id={chain.chainId}>
        Could not read {chain.name}: {status.error.message}
      </div>
    );
  }
  return (
    <div className="banner warn" role="alert" data-testid="stale-banner" data-chain-id={chain.chainId}>
      {chain.name} is stale: {status.error.message}. Showing the last values read.
    </div>
  );
}
