// The rewards block rendered to static HTML: base yield beside restaking rewards, what a refused
// proof, an API that is off and a failed read look like, and that nothing unknown reads as zero.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChainRewards } from '../lib/extension/storage/rewards.js';
import { ALICE, sampleSnapshot } from '../lib/extension/testing/sample-snapshot.js';
import { sampleRewards } from '../lib/rewards/testing/sample-rewards.js';
import { RewardsBlock } from './rewards-block.js';

const fresh = { state: 'fresh' as const, lastAttemptAt: 1, lastSuccessAt: 1 };
const positions = sampleSnapshot({ chainId: 31337 });
const render = (chain: ChainRewards, address: string = ALICE) =>
  renderToStaticMarkup(<RewardsBlock chainId={31337} positions={positions} chain={chain} address={address} history={[]} />);

describe('RewardsBlock', () => {
  it('shows base yield and verified restaking rewards side by side with the block', () => {
    const html = render({ rewards: sampleRewards(), status: fresh });
    expect(html).toContain('as of block 1234');
    expect(html).toContain('data-testid="base-yield"');
    expect(html).toContain('data-testid="restaking-rewards"');
    expect(html).toMatch(/data-testid="claimable-row" data-protocol="eigenlayer" data-token="0x[0-9a-fA-F]{40}" data-symbol="EIGEN" data-amount="12000000000000000000"/);
    expect(html).toMatch(/data-testid="claimable-row" data-protocol="symbiotic" data-network="0x[0-9a-fA-F]{40}" data-token="0x[0-9a-fA-F]{40}" data-symbol="stETH" data-amount="3000000000000000000"/);
    expect(html).toContain('validator rewards not measured');
    expect(html).toContain('Karak rewards are paid off chain');
    expect(html).toContain('-20.00 %');
  });

  it('reports a refused proof as an alert and never as an amount', () => {
    const r = sampleRewards();
    (r.addresses[0]!.eigenlayer as any).claimable = { status: 'rejected', reason: 'token leaf does not hash to the root', rootIndex: 1 };
    const html = render({ rewards: r, status: fresh });
    expect(html).toContain('data-testid="claim-refused"');
    expect(html).toContain('Not shown as money');
    expect(html).not.toContain('data-protocol="eigenlayer"');
  });

  it('says the rewards API is off instead of showing zero', () => {
    const r = sampleRewards();
    (r.addresses[0]!.eigenlayer as any).claimable = { status: 'off' };
    const html = render({ rewards: r, status: fresh });
    expect(html).toContain('data-status="off"');
    expect(html).toMatch(/rewards API, which is off/);
    expect(html).toContain('incomplete');
  });

  it('marks stale rewards and names failed reads', () => {
    const html = render({ rewards: sampleRewards(), status: { ...fresh, state: 'stale', error: { name: 'RpcUnavailableError', message: 'down' } } }, sampleRewards().addresses[1]!.address);
    expect(html).toContain('stale');
    expect(html).toContain('EigenLayer rewards unknown: RPC timeout');
  });

  it('waits for the first read without inventing figures', () => {
    const html = render({ rewards: null, status: { state: 'never', lastAttemptAt: null, lastSuccessAt: null } });
    expect(html).toContain('data-testid="rewards-pending"');
  });
});
