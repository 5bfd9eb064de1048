// "Block N · 40 s ago" for the shown snapshot, plus the stale banner when the last refresh failed.
import { useEffect, useState } from 'react';
import type { RefreshStatus } from '../lib/extension/storage/portfolio.js';
import { formatAge } from '../lib/portfolio/format.js';
import type { Snapshot } from '../lib/portfolio/types.js';

/** Re-renders every second so the age stays true while the popup is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function FreshnessLine({ snapshot, activeChainId }: { snapshot: Snapshot | null; activeChainId: number }) {
  const now = useNow();
  if (!snapshot) return <p className="freshness muted" data-testid="freshness">Not read yet</p>;
  return (
    <p className="freshness muted" data-testid="freshness" data-block={snapshot.blockNumber.toString()}>
      Block {snapshot.blockNumber.toString()} · {formatAge(snapshot.fetchedAt, now)}
      {snapshot.chainId !== activeChainId && <> · chain {snapshot.chainId} (refresh to read chain {activeChainId})</>}
    </p>
  );
}

export function StaleBanner({ status, hasSnapshot }: { status: RefreshStatus; hasSnapshot: boolean }) {
  if (!status.error) return null;
  if (!hasSnapshot) {
    return (
      <div className="banner error" role="alert" data-testid="error-state">
        Could not read positions: {status.error.message}
      </div>
    );
  }
  return (
    <div className="banner warn" role="alert" data-testid="stale-banner">
      stale: {status.error.message}. Showing the last values read.
    </div>
  );
}
