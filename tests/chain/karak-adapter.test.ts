// The Karak adapters against the seeded devnet: every figure equals one this test derives on its own
// from plain viem reads (ABI fragments written here) and the scenario's inputs — ERC-4626 virtual-share
// math shares * (totalAssets + 1) / (totalSupply + 1), redeem ETA start + 9 days, exposure amount x max% /
// 100e18 — including after a slash the test performs end to end; plus the log cursor and the check of
// UNCONFIRMED addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress, parseAbi, parseEther, type Address, type Hex } from 'viem';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import type { KarakManifestContracts, KarakManifestScenario } from '../../lib/devnet/karak/karak-manifest.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import { devnetClient, type DevnetClient } from '../../lib/devnet/tx-sender.js';
import { memoryCache } from '../../lib/protocols/adapter.js';
import { readSnapshot } from '../../lib/portfolio/read-snapshot.js';
import type { AddressSnapshot, Snapshot } from '../../lib/portfolio/types.js';

const DAY = 24 * 3600;
const HUNDRED = parseEther('100');
const vault = parseAbi([
  'struct QueuedWithdrawal { address staker; uint96 start; uint256 shares; address beneficiary; }',
  'function balanceOf(address) view returns (uint256)',
  'function totalAssets() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function getNextWithdrawNonce(address) view returns (uint256)',
  'function isWithdrawalPending(address, uint256) view returns (bool)',
  'function getQueuedWithdrawal(address, uint256) view returns (QueuedWithdrawal)',
  'function approve(address, uint256) returns (bool)',
  'function deposit(uint256, address) returns (uint256)',
]);
const core = parseAbi([
  'struct QueuedSlashing { address dss; uint96 timestamp; address operator; address[] vaults; uint96[] slashPercentagesWad; uint256 nonce; }',
  'struct VaultConfig { address asset; uint8 decimals; address operator; string name; string symbol; bytes extraData; }',
  'function fetchVaultsStakedInDSS(address, address) view returns (address[])',
  'function getDssMaxSlashablePercentageWad(address) view returns (uint256)',
  'function slashingNonce() view returns (uint256)',
  'function finalizeSlashing(QueuedSlashing)',
  'function deployVaults(VaultConfig[], address) returns (address[])',
  'function getOperatorVaults(address) view returns (address[])',
]);
const dssAbi = parseAbi([
  'struct SlashRequest { address operator; uint96[] slashPercentagesWad; address[] vaults; }',
  'function requestSlashing(SlashRequest) returns ((address,uint96,address,address[],uint96[],uint256))',
]);
const v1 = parseAbi([
  'struct WithdrawRequest { address[] vaults; uint256[] shares; address withdrawer; }',
  'struct QueuedWithdrawalV1 { address staker; address delegatedTo; uint256 nonce; uint256 start; WithdrawRequest request; }',
  'function getDeposits(address) view returns (address[], address[], uint256[], uint256[])',
  'function stakerShares(address, address) view returns (uint256)',
  'function fetchQueuedWithdrawals(address) view returns (QueuedWithdrawalV1[])',
  'function withdrawalDelay() view returns (uint256)',
]);
const erc20 = parseAbi(['function approve(address, uint256) returns (bool)']);

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let c: DevnetClient;
let k: KarakManifestContracts;
let sc: KarakManifestScenario;
let deployments: Deployments;
let stakers: Address[];
let actor: (name: string) => Address;

const read = (addresses: Address[], opts: { deployments?: Deployments; cache?: ReturnType<typeof memoryCache>; fetch?: typeof fetch } = {}) =>
  readSnapshot({ chainId: 31337, rpcUrls: [devnet.rpcUrl], deployments: opts.deployments ?? deployments }, addresses, { cache: opts.cache, fetch: opts.fetch });
const karakOf = (s: Snapshot, a: Address): AddressSnapshot => {
  const x = s.addresses.find((y) => y.address === a)!;
  const only = <T extends { protocol: string }>(xs: T[]) => xs.filter((i) => i.protocol === 'karak');
  return { ...x, positions: only(x.positions), withdrawals: only(x.withdrawals), exposures: only(x.exposures), failures: only(x.failures) };
};
const toAssets = (shares: bigint, ta: bigint, ts: bigint) => (shares * (ta + 1n)) / (ts + 1n);

/** Expected Karak rows of one address at `block`, derived from primitives and the manifest. */
async function expected(a: Address, block: bigint) {
  const now = Number((await c.getBlock({ blockNumber: block })).timestamp);
  const positions: string[] = [];
  const exposures: string[] = [];
  const withdrawals: string[] = [];
  const r = <T>(address: Address, abi: readonly unknown[], functionName: string, args: unknown[] = []) =>
    c.readContract({ address, abi: abi as never, functionName: functionName as never, args: args as never, blockNumber: block }) as Promise<T>;
  const vaults = [...sc.vaults];
  for (const op of [actor('operator-1'), actor('operator-2')]) {
    for (const v of await r<Address[]>(k.core, core, 'getOperatorVaults', [op])) {
      if (!vaults.some((x) => x.address === v)) vaults.push({ address: getAddress(v), operator: op, asset: '0x' as Address, dss: [] });
    }
  }
  for (const v of vaults) {
    const [shares, ta, ts, next] = await Promise.all([
      r<bigint>(v.address, vault, 'balanceOf', [a]), r<bigint>(v.address, vault, 'totalAssets'), r<bigint>(v.address, vault, 'totalSupply'), r<bigint>(v.address, vault, 'getNextWithdrawNonce', [a]),
    ]);
    if (shares > 0n) {
      const amount = toAssets(shares, ta, ts);
      const staked: { dss: Address; max: bigint }[] = [];
      for (const d of sc.dss) {
        if ((await r<Address[]>(k.core, core, 'fetchVaultsStakedInDSS', [v.operator, d.address])).includes(v.address)) {
          staked.push({ dss: d.address, max: await r<bigint>(k.core, core, 'getDssMaxSlashablePercentageWad', [d.address]) });
        }
      }
      positions.push(`2:${v.address}:${v.operator}:${shares}:${amount}:${staked.length}`);
      for (const s of staked) exposures.push(`${v.address}:${s.dss}:${(amount * s.max) / HUNDRED}:${s.max}:${staked.length}`);
      for (const u of sc.stakeUpdates.filter((x) => x.vault === v.address && x.toStake && !staked.some((s) => s.dss === x.dss))) {
        exposures.push(`${v.address}:${u.dss}:0:${sc.dss.find((d) => d.address === u.dss)!.maxSlashablePercentageWad}:${staked.length}`);
      }
    }
    for (let n = 0n; n < next; n++) {
      if (!(await r<boolean>(v.address, vault, 'isWithdrawalPending', [a, n]))) continue;
      const w = await r<{ start: bigint; shares: bigint }>(v.address, vault, 'getQueuedWithdrawal', [a, n]);
      const eta = Number(w.start) + 9 * DAY;
      withdrawals.push(`2:${v.address}:${toAssets(w.shares, ta, ts)}:${eta}:${now >= eta}:true`);
    }
  }
  const [vs, , , shares] = await r<[Address[], Address[], bigint[], bigint[]]>(k.vaultSupervisor, v1, 'getDeposits', [a]);
  for (const [i, v] of vs.entries()) {
    const [ta, ts] = await Promise.all([r<bigint>(v, vault, 'totalAssets'), r<bigint>(v, vault, 'totalSupply')]);
    expect(shares[i]).toBe(await r<bigint>(k.vaultSupervisor, v1, 'stakerShares', [a, v]));
    if (shares[i]! > 0n) positions.push(`1:${v}:null:${shares[i]}:${toAssets(shares[i]!, ta, ts)}:0`);
  }
  const delay = await r<bigint>(k.delegationSupervisor, v1, 'withdrawalDelay');
  for (const w of await r<{ start: bigint; request: { vaults: Address[]; shares: bigint[] } }[]>(k.delegationSupervisor, v1, 'fetchQueuedWithdrawals', [a])) {
    for (const [j, v] of w.request.vaults.entries()) {
      const [ta, ts] = await Promise.all([r<bigint>(v, vault, 'totalAssets'), r<bigint>(v, vault, 'totalSupply')]);
      const eta = Number(w.start + delay);
      withdrawals.push(`1:${v}:${toAssets(w.request.shares[j]!, ta, ts)}:${eta}:${now >= eta}:false`);
    }
  }
  return { positions: positions.sort(), exposures: exposures.sort(), withdrawals: withdrawals.sort() };
}

async function expectMatches(s: Snapshot, a: Address) {
  const got = karakOf(s, a);
  expect(got.failures).toEqual([]);
  const want = await expected(a, s.blockNumber);
  expect(got.positions.map((p) => `${p.karak!.version}:${p.karak!.vault}:${p.operator}:${p.karak!.shares}:${p.amount}:${p.karak!.dssCount}`).sort()).toEqual(want.positions);
  expect(got.exposures.map((e) => `${e.karak!.vault}:${e.service}:${e.slashableAmount}:${e.karak!.maxSlashablePercentageWad}:${e.karak!.dssCount}`).sort()).toEqual(want.exposures);
  expect(got.withdrawals.map((w) => `${w.karak!.version}:${w.karak!.vault}:${w.amount}:${w.completableAt}:${w.completable}:${w.slashable}`).sort()).toEqual(want.withdrawals);
  for (const p of got.positions) expect(p.asset.symbol).toMatch(/^(stETH|rETH)$/);
}

beforeAll(async () => {
  devnet = await startDevnet({});
  c = devnetClient(devnet.rpcUrl);
  const m = devnet.manifest;
  k = m.contracts.karak!;
  sc = m.scenario.karak!;
  deployments = parseDeployments(m);
  actor = (name) => m.actors.find((x) => x.name === name)!.address;
  stakers = m.actors.filter((a) => a.role === 'staker').map((a) => a.address);
});
afterAll(async () => devnet?.stop());

describe('Karak adapters on the devnet', () => {
  it('report every seeded staker exactly as the chain holds it', async () => {
    expect(deployments.karak).toEqual(k);
    const s = await read(stakers);
    for (const a of stakers) await expectMatches(s, a);
    // The scenario's promises: staker-1 holds EigenLayer and Karak V2 stake; leverage 2; a finalized
    // slash shows; pending redeem, stake update and V1 withdrawal are visible.
    const s1 = s.addresses.find((x) => x.address === actor('staker-1'))!;
    expect(s1.positions.some((p) => p.protocol === 'eigenlayer') && s1.positions.some((p) => p.protocol === 'karak')).toBe(true);
    const k1 = karakOf(s, actor('staker-1'));
    expect(k1.positions.some((p) => p.karak!.dssCount === 2)).toBe(true);
    expect(k1.withdrawals.some((w) => w.karak!.version === 2 && !w.completable && w.slashable)).toBe(true);
    const pending = sc.stakeUpdates[0]!;
    expect(k1.exposures.find((e) => e.service === pending.dss && e.karak!.vault === pending.vault)!.karak!.pendingUpdate).toEqual({ toStake: true, finalizableAt: pending.startTimestamp + 9 * DAY });
    // 20 % of operator-1's rETH vault went to the handler: staker-1's 40 rETH are worth less now.
    const rPos = k1.positions.find((p) => p.karak!.vault === sc.slashes[0]!.vaults[0])!;
    expect(rPos.amount < parseEther('40')).toBe(true);
    expect(karakOf(s, actor('staker-3')).positions.some((p) => p.karak!.version === 1 && p.operator === null)).toBe(true);
    expect(karakOf(s, actor('staker-3')).withdrawals.some((w) => w.karak!.version === 1 && !w.slashable)).toBe(true);
  });

  it('after a slash performed here, amounts fall by pct x totalAssets / 100e18', async () => {
    const target = sc.vaults.find((v) => v.dss.length === 2)!;
    const dss50 = sc.dss.find((d) => d.maxSlashablePercentageWad === parseEther('50').toString())!;
    const staker = actor('staker-1');
    const before = await read([staker]);
    const [taBefore, ts, shares] = await Promise.all([
      c.readContract({ address: target.address, abi: vault, functionName: 'totalAssets' }),
      c.readContract({ address: target.address, abi: vault, functionName: 'totalSupply' }),
      c.readContract({ address: target.address, abi: vault, functionName: 'balanceOf', args: [staker] }),
    ]);
    const pct = parseEther('10');
    const hash = await c.writeContract({
      account: dss50.owner, chain: null, address: dss50.address, abi: dssAbi, functionName: 'requestSlashing',
      args: [{ operator: target.operator, slashPercentagesWad: [pct], vaults: [target.address] }],
    });
    const receipt = await c.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    const queued = {
      dss: dss50.address, timestamp: (await c.getBlock({ blockNumber: receipt.blockNumber })).timestamp, operator: target.operator,
      vaults: [target.address], slashPercentagesWad: [pct], nonce: (await c.readContract({ address: k.core, abi: core, functionName: 'slashingNonce' })) - 1n,
    };
    await c.increaseTime({ seconds: 2 * DAY });
    await c.mine({ blocks: 1 });
    const fin = await c.writeContract({ account: dss50.owner, chain: null, address: k.core, abi: core, functionName: 'finalizeSlashing', args: [queued] });
    expect((await c.waitForTransactionReceipt({ hash: fin })).status).toBe('success');

    const taAfter = taBefore - (pct * taBefore) / HUNDRED;
    const after = await read(stakers);
    const p = karakOf(after, staker).positions.find((x) => x.karak!.vault === target.address)!;
    expect(p.amount).toBe(toAssets(shares, taAfter, ts));
    expect(p.amount < karakOf(before, staker).positions.find((x) => x.karak!.vault === target.address)!.amount).toBe(true);
    const redeem = sc.pendingRedeems[0]!;
    const w = karakOf(after, staker).withdrawals.find((x) => x.id === redeem.withdrawalKey)!;
    expect(w.amount).toBe(toAssets(BigInt(redeem.shares), taAfter, ts));
    expect(w.completableAt).toBe(redeem.completableAt);
    for (const e of karakOf(after, staker).exposures.filter((x) => x.karak!.vault === target.address && x.slashableAmount > 0n)) {
      expect(e.slashableAmount).toBe((p.amount * e.karak!.maxSlashablePercentageWad) / HUNDRED);
    }
    for (const a of stakers) await expectMatches(after, a);
  });

  it('a second refresh scans logs only from the cursor and sees a vault deployed after the first read', async () => {
    const ranges: { fromBlock: bigint; toBlock: bigint }[] = [];
    const counting: typeof fetch = async (input, init) => {
      type Call = { method: string; params: { address?: string; fromBlock: Hex; toBlock: Hex }[] };
      const body = JSON.parse(String(init?.body ?? 'null')) as Call | Call[];
      for (const call of Array.isArray(body) ? body : [body]) {
        // Karak's scans only (other protocols' adapters scan their own contracts).
        // A retried request (slow machine, RPC timeout) is the same range, not another scan.
        if (call.method !== 'eth_getLogs' || call.params[0]!.address?.toLowerCase() !== k.core.toLowerCase()) continue;
        const range = { fromBlock: BigInt(call.params[0]!.fromBlock), toBlock: BigInt(call.params[0]!.toBlock) };
        if (!ranges.some((r) => r.fromBlock === range.fromBlock && r.toBlock === range.toBlock)) ranges.push(range);
      }
      return fetch(input, init);
    };
    const cache = memoryCache();
    const first = await read(stakers, { cache, fetch: counting });
    expect(ranges.length).toBe(Math.ceil(Number(first.blockNumber - BigInt(k.fromBlock) + 1n) / 10_000));
    expect(ranges[0]!.fromBlock).toBe(BigInt(k.fromBlock));
    const cached = cache.get(`karak:vaults:31337:${k.core}`) as { vaults: unknown[]; cursorBlock: number };
    expect(cached.cursorBlock).toBe(Number(first.blockNumber));
    expect(cached.vaults).toHaveLength(sc.vaults.length);

    // operator-2 deploys an rETH vault; staker-2 deposits 7 rETH into it.
    const op2 = actor('operator-2');
    const s2 = actor('staker-2');
    const rETH = sc.vaults.find((v) => v.dss.length === 1 && v.operator === op2)!.asset === sc.v1Vaults[0]!.asset ? sc.v1Vaults[1]!.asset : sc.v1Vaults[0]!.asset;
    const dep = await c.writeContract({ account: op2, chain: null, address: k.core, abi: core, functionName: 'deployVaults', args: [[{ asset: rETH, decimals: 0, operator: op2, name: 'late', symbol: 'late', extraData: '0x' }], '0x0000000000000000000000000000000000000000'] });
    await c.waitForTransactionReceipt({ hash: dep });
    const late = (await c.readContract({ address: k.core, abi: core, functionName: 'getOperatorVaults', args: [op2] })).at(-1)!;
    await c.waitForTransactionReceipt({ hash: await c.writeContract({ account: s2, chain: null, address: rETH, abi: erc20, functionName: 'approve', args: [late, parseEther('7')] }) });
    await c.waitForTransactionReceipt({ hash: await c.writeContract({ account: s2, chain: null, address: late, abi: vault, functionName: 'deposit', args: [parseEther('7'), s2] }) });

    ranges.length = 0;
    const second = await read(stakers, { cache, fetch: counting });
    expect(ranges).toEqual([{ fromBlock: first.blockNumber + 1n, toBlock: second.blockNumber }]);
    const p = karakOf(second, s2).positions.find((x) => x.karak!.vault === getAddress(late))!;
    expect(p.amount).toBe(parseEther('7'));
    expect(p.operator).toBe(op2);
    for (const a of stakers) await expectMatches(second, a);
  });

  it('an UNCONFIRMED Core that does not answer VERSION() disables V2 with a visible reason; V1 still reads', async () => {
    const notKarak = devnet.manifest.contracts.eigenlayer.delegationManager;
    const cache = memoryCache();
    const broken: Deployments = { ...deployments, karak: { ...deployments.karak!, core: notKarak }, unconfirmed: ['karak.core', 'karak.vaultSupervisor'] };
    const s = await read(stakers, { deployments: broken, cache });
    for (const a of stakers) {
      const x = karakOf(s, a);
      expect(x.failures).toEqual([{ protocol: 'karak', message: `Karak V2 Core at ${notKarak} did not answer VERSION(); disabled until verified` }]);
      expect(x.positions.every((p) => p.karak!.version === 1)).toBe(true);
    }
    expect(karakOf(s, actor('staker-3')).positions.length).toBeGreaterThan(0);
    expect(cache.get(`karak:verified:31337:${notKarak}`)).toMatchObject({ ok: false, block: Number(s.blockNumber) });
    expect(cache.get(`karak:verified:31337:${k.vaultSupervisor}`)).toMatchObject({ ok: true });
    // The real Core, still marked UNCONFIRMED, verifies and reads.
    const verified = await read(stakers, { deployments: { ...deployments, unconfirmed: ['karak.core'] }, cache });
    expect(cache.get(`karak:verified:31337:${k.core}`)).toMatchObject({ ok: true });
    for (const a of stakers) await expectMatches(verified, a);
  });
});
