// Symbiotic staker rewards against the real @symbioticfi/rewards v2.0.0 contracts on the devnet.
// Every expected figure is derived here from the scenario's distributions (gross amounts, stake
// timestamps), the curator fees the scenario sets (10 % on A, 20 % on B) and raw vault checkpoint
// reads (activeSharesOfAt / activeSharesAt) with ABI fragments written in this file — never from
// the reader under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAbiParameters, erc20Abi, getAddress, parseAbi, parseEther, type Address } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import { getArtifact } from '../../lib/devnet/compile.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import type { SymbioticScenarioManifest } from '../../lib/devnet/symbiotic/manifest-symbiotic.js';
import type { SymbioticRewardsScenario } from '../../lib/devnet/symbiotic/seed-symbiotic-rewards.js';
import { memoryCache, type DiscoveryCache } from '../../lib/protocols/adapter.js';
import { symbioticAdapter } from '../../lib/protocols/symbiotic/adapter.js';
import { readSnapshot } from '../../lib/portfolio/read-snapshot.js';
import type { RewardsReadContext } from '../../lib/rewards/context.js';
import { readSymbioticRewards } from '../../lib/rewards/symbiotic/read-symbiotic-rewards.js';
import type { ReadError, SymbioticVaultRewards } from '../../lib/rewards/types.js';
import { chainClient, type ChainClient } from './support/chain-reads.js';

const vaultAbi = parseAbi([
  'function activeSharesOfAt(address account, uint48 timestamp, bytes hint) view returns (uint256)',
  'function activeSharesAt(uint48 timestamp, bytes hint) view returns (uint256)',
  'function deposit(address onBehalfOf, uint256 amount) returns (uint256, uint256)',
]);
const rewardsAbi = parseAbi(['function claimRewards(address recipient, address token, bytes data)']);
/** The curator fees the scenario sets (bips of 10,000), per vault name. */
const FEE_BIPS: Record<string, bigint> = { A: 1000n, B: 2000n };

type Manifest = {
  chainId: number;
  actors: { role: string; name: string; address: Address }[];
  scenario: { symbiotic: SymbioticScenarioManifest; rewards: { symbiotic: SymbioticRewardsScenario } };
};

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: Manifest;
let rw: SymbioticRewardsScenario;
let deployments: Deployments;
let c: ChainClient;
let stakers: Address[];
const actor = (name: string) => m.actors.find((a) => a.name === name)!.address;

/** Positions at the head, then the reader with a client whose HTTP requests are counted. */
async function readAt(addresses: Address[], opts: { cache?: DiscoveryCache; rpcUrl?: string } = {}) {
  const config = { chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments };
  const snapshot = await readSnapshot(config, addresses, { adapters: [symbioticAdapter] });
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    return fetch(input, init);
  };
  const client = createChainClient({ ...config, rpcUrls: [opts.rpcUrl ?? devnet.rpcUrl], fetch: counting, retryCount: 0, timeoutMs: 3_000 });
  const ctx: RewardsReadContext = {
    client, deployments, blockNumber: snapshot.blockNumber, blockTimestamp: snapshot.blockTimestamp, batch: true, cache: opts.cache ?? memoryCache(), sidecar: null,
  };
  const result = await readSymbioticRewards(ctx, addresses, new Map(snapshot.addresses.map((a) => [a.address, a])));
  return { result, requests: () => requests, blockNumber: snapshot.blockNumber };
}
const rows = (r: SymbioticVaultRewards[] | ReadError | undefined): SymbioticVaultRewards[] => {
  if (!Array.isArray(r)) throw new Error(`expected rewards, got ${JSON.stringify(r)}`);
  return r;
};

/** What `staker` can claim per (vault, network, token): every distribution after the ones it claimed, from raw share checkpoints. */
async function expectedClaimable(staker: Address, claimedCount: (vault: Address, network: Address, token: Address) => number, blockNumber: bigint) {
  const out = new Map<string, { amount: bigint; distributions: number }>();
  const seen = new Map<string, number>();
  for (const d of rw.distributions) {
    const key = `${d.vault}:${d.network}:${d.token}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const entry = out.get(key) ?? { amount: 0n, distributions: 0 };
    entry.distributions++;
    out.set(key, entry);
    if (index < claimedCount(d.vault, d.network, d.token)) continue;
    const amount = BigInt(d.amount);
    const net = amount - (amount * FEE_BIPS[d.vaultName]!) / 10_000n;
    const read = <T>(functionName: string, args: readonly unknown[]) => c.readContract({ address: d.vault, abi: vaultAbi, functionName, args, blockNumber } as never) as Promise<T>;
    const mine = await read<bigint>('activeSharesOfAt', [staker, d.timestamp, '0x']);
    const total = await read<bigint>('activeSharesAt', [d.timestamp, '0x']);
    entry.amount += (mine * net) / total;
  }
  return out;
}

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest as unknown as Manifest;
  rw = m.scenario.rewards.symbiotic;
  deployments = parseDeployments(m);
  c = chainClient(devnet.rpcUrl);
  stakers = ['staker-1', 'staker-2', 'staker-3'].map(actor);
});
afterAll(async () => devnet?.stop());

describe('Symbiotic staker rewards on the real DefaultStakerRewards', () => {
  it('the devnet has v2 rewards contracts for vaults A and B from the factory in the deployments', () => {
    expect(deployments.symbiotic?.stakerRewardsFactory).toBe(rw.stakerRewardsFactory);
    expect(rw.contracts.map((x) => x.vaultName)).toEqual(['A', 'B']);
    expect(rw.distributions.filter((d) => d.vaultName === 'A').length).toBeGreaterThanOrEqual(2);
  });

  it('claimable per (vault, network, token) for staker-1/2/3 equals shares-at-timestamp × (amount − fee) / total shares', async () => {
    const { result, blockNumber } = await readAt(stakers);
    const claim = rw.claims[0]!;
    for (const s of stakers) {
      const claimed = (v: Address, n: Address, t: Address) => (s === claim.claimer && v === claim.vault && n === claim.network && t === claim.token ? claim.maxRewards : 0);
      const expected = await expectedClaimable(s, claimed, blockNumber);
      const got = new Map<string, { amount: bigint; distributions: number }>();
      for (const row of rows(result.get(s))) {
        const fee = FEE_BIPS[m.scenario.symbiotic.vaults.find((v) => v.address === row.vault)!.name]!;
        expect(row.adminFeeBips).toBe(Number(fee));
        expect(row.version).toBe(2);
        expect(row.rewardsContract).toBe(rw.contracts.find((x) => x.vault === row.vault)!.rewardsContract);
        for (const e of row.claimable) got.set(`${row.vault}:${e.network}:${e.token.address}`, { amount: e.amount, distributions: e.distributions });
      }
      // Only the staker's vaults with a rewards contract appear (C and D have none).
      const deposited = new Set(m.scenario.symbiotic.vaults.filter((v) => v.deposits.some((d) => d.staker === s)).map((v) => v.address));
      const expectedHere = new Map([...expected].filter(([k]) => deposited.has(k.split(':')[0] as Address)));
      expect(got).toEqual(expectedHere);
      expect([...got.values()].some((x) => x.amount > 0n)).toBe(true);
    }
  });

  it("the claim history shows staker-1's seeded claim with claimer, recipient and the amount of the first distribution", async () => {
    const { result, blockNumber } = await readAt(stakers);
    const claim = rw.claims[0]!;
    const first = rw.distributions.find((d) => d.vault === claim.vault && d.network === claim.network && d.token === claim.token)!;
    const read = <T>(functionName: string, args: readonly unknown[]) => c.readContract({ address: first.vault, abi: vaultAbi, functionName, args, blockNumber } as never) as Promise<T>;
    const net = BigInt(first.amount) - (BigInt(first.amount) * FEE_BIPS[first.vaultName]!) / 10_000n;
    const amount = ((await read<bigint>('activeSharesOfAt', [claim.claimer, first.timestamp, '0x'])) * net) / (await read<bigint>('activeSharesAt', [first.timestamp, '0x']));
    const history = rows(result.get(claim.claimer)).flatMap((r) => r.history);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      protocol: 'symbiotic', claimer: claim.claimer, recipient: getAddress('0x000000000000000000000000000000000000bEEF'), amount,
      network: claim.network, rewardsContract: claim.rewardsContract, txHash: claim.txHash, blockNumber: BigInt(claim.block),
      token: { address: rw.rewardToken.address, symbol: 'SYMB', decimals: 18 },
    });
    for (const s of stakers.filter((x) => x !== claim.claimer)) expect(rows(result.get(s)).flatMap((r) => r.history)).toEqual([]);
  });

  it('a real claimRewards makes that claimable 0 and adds a history entry (incremental, same cache)', async () => {
    const cache = memoryCache();
    const s1 = actor('staker-1');
    const A = rw.contracts.find((x) => x.vaultName === 'A')!;
    const network = actor('network-1');
    const before = await readAt([s1], { cache });
    const pending = rows(before.result.get(s1)).find((r) => r.vault === A.vault)!.claimable.find((e) => e.network === network && e.token.address === rw.rewardToken.address)!;
    expect(pending.amount).toBeGreaterThan(0n);
    const balance = () => c.readContract({ address: rw.rewardToken.address, abi: erc20Abi, functionName: 'balanceOf', args: [s1] });
    const balanceBefore = await balance();
    const data = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'bytes[]' }], [network, 10n, []]);
    const hash = await c.writeContract({ account: s1, chain: null, address: A.rewardsContract, abi: rewardsAbi, functionName: 'claimRewards', args: [s1, rw.rewardToken.address, data], gas: 1_000_000n });
    expect((await c.waitForTransactionReceipt({ hash, pollingInterval: 50 })).status).toBe('success');
    const received = (await balance()) - balanceBefore;
    expect(received).toBe(pending.amount);

    const after = await readAt([s1], { cache });
    const rowA = rows(after.result.get(s1)).find((r) => r.vault === A.vault)!;
    expect(rowA.claimable.find((e) => e.network === network && e.token.address === rw.rewardToken.address)!.amount).toBe(0n);
    expect(rowA.history).toHaveLength(2);
    expect(rowA.history[1]).toMatchObject({ claimer: s1, recipient: s1, amount: received, txHash: hash, network });
  });

  it('an address whose only vault has no rewards contract gets an empty list; one without positions too', async () => {
    const fresh = actor('redistribution-recipient');
    const C = m.scenario.symbiotic.vaults.find((v) => v.name === 'C')!;
    const mint = getArtifact('TestToken').abi;
    const send = async (from: Address, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) => {
      const hash = await c.writeContract({ account: from, chain: null, address, abi, functionName, args, gas: 1_000_000n } as never);
      expect((await c.waitForTransactionReceipt({ hash, pollingInterval: 50 })).status).toBe('success');
    };
    await send(actor('deployer'), C.collateral, mint, 'mint', [fresh, parseEther('5')]);
    await send(fresh, C.collateral, erc20Abi, 'approve', [C.address, parseEther('5')]);
    await send(fresh, C.address, vaultAbi, 'deposit', [fresh, parseEther('5')]);
    const nobody = '0x00000000000000000000000000000000000C0FFE' as Address;
    const { result } = await readAt([fresh, getAddress(nobody)]);
    expect(result.get(fresh)).toEqual([]);
    expect(result.get(getAddress(nobody))).toEqual([]);
  });

  it('keeps its cache under symbiotic-rewards: keys and the request count does not grow with more addresses', async () => {
    const cache = memoryCache();
    await readAt(stakers, { cache }); // warm: discovery and log cursors
    expect(Object.keys(cache.entries()).every((k) => k.startsWith('symbiotic-rewards:'))).toBe(true);
    const seen = Object.entries(cache.entries()).find(([k]) => k.startsWith(`symbiotic-rewards:contracts:`))![1] as { seen: number };
    expect(seen.seen).toBe(rw.contracts.length);
    const one = await readAt(stakers.slice(0, 1), { cache });
    const three = await readAt(stakers, { cache });
    expect(one.blockNumber).toBe(three.blockNumber);
    expect(three.requests()).toBe(one.requests());
    expect(three.requests()).toBeLessThanOrEqual(6);
  });

  it('a broken RPC gives a ReadError for every address, not zero or an empty list (cold and warm cache)', async () => {
    const cache = memoryCache();
    await readAt(stakers, { cache });
    for (const cc of [memoryCache(), cache]) {
      const { result } = await readAt(stakers, { cache: cc, rpcUrl: 'http://127.0.0.1:9/' });
      for (const s of stakers) {
        const r = result.get(s);
        expect(Array.isArray(r)).toBe(false);
        expect((r as ReadError).error).toMatch(/Symbiotic rewards could not be read/);
      }
    }
  });
});
