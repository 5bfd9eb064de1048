// The seeded devnet keeps the promises docs/devnet.md makes: the manifest parses as deployments,
// addresses are checksummed, and the scenario's pending states are still pending once seeding is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, isAddress, parseEther, type Address } from 'viem';
import { parseDeployments } from '../../lib/chains/deployments.js';
import { allocationManagerAbi, delegationManagerAbi, eigenPodManagerAbi } from '../../lib/protocols/eigenlayer/abi.js';
import { startDevnet, type Devnet } from '../../lib/devnet/start-devnet.js';
import { devnetClient } from '../../lib/devnet/tx-sender.js';

let devnet: Devnet;
beforeAll(async () => {
  devnet = await startDevnet({});
});
afterAll(async () => devnet?.stop());

function allAddresses(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allAddresses(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allAddresses(v, out));
  return out;
}

describe('seeded devnet', () => {
  it('manifest parses as deployments and every address is EIP-55 checksummed', () => {
    const m = devnet.manifest;
    const d = parseDeployments(m);
    expect(d.chainId).toBe(31337);
    expect(d.eigenlayer).toEqual(m.contracts.eigenlayer);
    for (const a of allAddresses(m)) expect(isAddress(a, { strict: true }) && getAddress(a) === a, a).toBe(true);
  });

  it('Multicall3 runs at the canonical address', async () => {
    const c = devnetClient(devnet.rpcUrl);
    const staker = devnet.manifest.actors.find((a) => a.name === 'staker-1')!.address;
    const [op] = await c.multicall({
      allowFailure: false,
      multicallAddress: devnet.manifest.contracts.multicall3,
      contracts: [{ address: devnet.manifest.contracts.eigenlayer.delegationManager, abi: delegationManagerAbi, functionName: 'delegatedTo', args: [staker] }],
    });
    expect(op).toBe(devnet.manifest.actors.find((a) => a.name === 'operator-1')!.address);
  });

  it('the scenario: slash in the past, withdrawal and allocation still pending, native ETH restaked', async () => {
    const m = devnet.manifest;
    const c = devnetClient(devnet.rpcUrl);
    const now = Number(await c.getBlockNumber());
    expect(m.scenario.seededAtBlock).toBe(now);
    expect(m.scenario.slashes[0]!.block).toBeLessThan(now);
    const w = m.scenario.queuedWithdrawals[0]!;
    expect(now).toBeLessThanOrEqual(w.completableAfterBlock);
    expect(await c.readContract({ address: m.contracts.eigenlayer.delegationManager, abi: delegationManagerAbi, functionName: 'pendingWithdrawals', args: [w.root] })).toBe(true);
    const p = m.scenario.pendingAllocations[0]!;
    expect(p.effectBlock).toBeGreaterThan(now);
    const a = await c.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: allocationManagerAbi, functionName: 'getAllocation', args: [p.operator, { avs: p.avs, id: p.operatorSetId }, p.strategy] });
    expect(a.pendingDiff).toBeGreaterThan(0n);
    expect(m.scenario.operatorSets.some((s) => s.redistributing)).toBe(true);
    const staker1 = m.actors.find((x) => x.name === 'staker-1')!.address as Address;
    expect(await c.readContract({ address: m.contracts.eigenlayer.eigenPodManager, abi: eigenPodManagerAbi, functionName: 'podOwnerDepositShares', args: [staker1] })).toBe(parseEther('32'));
  });
});
