// The CLI against the devnet: its JSON for the seeded stakers matches the chain (checked with the
// same independent derivation as the adapter test), its table names the block, and bad input or an
// unreachable RPC exits non-zero with a clear message.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { snapshotFromJson } from '../../lib/portfolio/codec.js';
import { chainClient, type Manifest } from './support/chain-reads.js';
import { expectMatchesChain } from './support/expect-matches-chain.js';

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let stakers: Address[];

function cli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'lib/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  devnet = await startDevnet({});
  stakers = (devnet.manifest.actors as { role: string; address: Address }[]).filter((a) => a.role === 'staker').map((a) => a.address);
});
afterAll(async () => devnet?.stop());

describe('cli positions', () => {
  it('--json for the seeded stakers matches the chain at the block it names', async () => {
    const r = cli('positions', '--rpc', devnet.rpcUrl, '--deployments', devnet.manifestPath, '--json', ...stakers.map((s) => s.toLowerCase()));
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const snapshot = snapshotFromJson(r.stdout);
    expect(snapshot.addresses.map((a) => a.address)).toEqual(stakers);
    const c = chainClient(devnet.rpcUrl);
    for (const a of snapshot.addresses) await expectMatchesChain(c, devnet.manifest as unknown as Manifest, snapshot, a);
  });

  it('prints a table with the block and the assets (rpc taken from the manifest)', () => {
    const r = cli('positions', '--deployments', devnet.manifestPath, stakers[0]!);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Devnet \(chain 31337\) · block \d+/);
    expect(r.stdout).toContain(stakers[0]);
    expect(r.stdout).toMatch(/stETH|rETH|ETH/);
  });

  it('exits 2 with the reason on a bad address, 3 when the RPC is unreachable', () => {
    const bad = cli('positions', '--rpc', devnet.rpcUrl, '--deployments', devnet.manifestPath, 'not-an-address');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Not an address/);
    const down = cli('positions', '--rpc', 'http://127.0.0.1:9', '--deployments', devnet.manifestPath, stakers[0]!);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/Could not reach the RPC/);
  });

  it('exits 2 on a deployments file that is not one', () => {
    const r = cli('positions', '--rpc', devnet.rpcUrl, '--deployments', 'package.json', stakers[0]!);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/chainId/);
  });
});
