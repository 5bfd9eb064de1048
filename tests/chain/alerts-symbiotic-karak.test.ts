// Symbiotic and Karak alerts against the devnet (real Symbiotic core v1, Karak test contracts). Every
// amount is derived here from primitives read with ABI fragments written in this file (vault share
// arithmetic, the onSlash split, pct x totalAssets), never from the engine's reads. Each test scans
// only the blocks its own transactions mined; the scan state is JSON round-tripped between scans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatHex, getAddress, numberToHex, padHex, parseAbi, parseEther, toEventSelector, type Address, type Hash } from 'viem';
import { createChainClient } from '../../lib/chains/client.js';
import { parseDeployments, type Deployments } from '../../lib/chains/deployments.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';
import type { KarakManifestScenario } from '../../lib/devnet/karak/karak-manifest.js';
import type { SymbioticScenarioManifest } from '../../lib/devnet/symbiotic/manifest-symbiotic.js';
import { scanOnce } from '../../lib/alerts/scan.js';
import { initialScanState, scanStateFromPlain, type ScanState } from '../../lib/alerts/scan-state.js';
import type { Alert } from '../../lib/alerts/types.js';
import { chainClient, type ChainClient } from './support/chain-reads.js';

const symVault = parseAbi([
  'function activeSharesOf(address) view returns (uint256)',
  'function activeShares() view returns (uint256)',
  'function activeStake() view returns (uint256)',
  'function withdrawals(uint256) view returns (uint256)',
  'function withdrawalShares(uint256) view returns (uint256)',
  'function withdrawalSharesOf(uint256, address) view returns (uint256)',
  'function epochDurationInit() view returns (uint48)',
  'function epochDuration() view returns (uint48)',
]);
const symSlasher = parseAbi([
  'function slash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes hints) returns (uint256)',
  'function requestSlash(bytes32 subnetwork, address operator, uint256 amount, uint48 captureTimestamp, bytes hints) returns (uint256)',
  'function executeSlash(uint256 slashIndex, bytes hints) returns (uint256)',
  'function slashRequestsLength() view returns (uint256)',
  'function slashRequests(uint256) view returns (bytes32, address, uint256, uint48, uint48, bool)',
]);
const delegatorAbi = parseAbi([
  'function networkLimit(bytes32) view returns (uint256)',
  'function setNetworkLimit(bytes32 subnetwork, uint256 amount)',
]);
const karakVault = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function totalAssets() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
]);
const karakCore = parseAbi([
  'struct QueuedSlashing { address dss; uint96 timestamp; address operator; address[] vaults; uint96[] slashPercentagesWad; uint256 nonce; }',
  'struct StakeUpdateRequest { address vault; address dss; bool toStake; }',
  'function slashingNonce() view returns (uint256)',
  'function finalizeSlashing(QueuedSlashing)',
  'function registerOperatorToDSS(address dss, bytes data)',
  'function requestUpdateVaultStakeInDSS(StakeUpdateRequest req)',
  'function cancelSlashing(QueuedSlashing)',
]);
const dssAbi = parseAbi([
  'struct SlashRequest { address operator; uint96[] slashPercentagesWad; address[] vaults; }',
  'function requestSlashing(SlashRequest) returns ((address,uint96,address,address[],uint96[],uint256))',
]);
const GAS = 5_000_000n;
const DAY = 86_400;
const HUNDRED = parseEther('100');
const NOBODY = getAddress('0x00000000000000000000000000000000deadbeef');
/** ERC4626Math / solady with zero offset: shares x (assets + 1) / (total + 1). */
const redeem = (shares: bigint, assets: bigint, total: bigint) => (shares * (assets + 1n)) / (total + 1n);

type Manifest = {
  chainId: number;
  actors: { name: string; address: Address }[];
  contracts: { karak: { core: Address } };
  scenario: { symbiotic: SymbioticScenarioManifest; karak: KarakManifestScenario };
};

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: Manifest;
let c: ChainClient;
let deployments: Deployments;
let engine: ReturnType<typeof createChainClient>;
let tracked: Address[];
let state: ScanState;
const actor = (name: string) => getAddress(m.actors.find((a) => a.name === name)!.address);

async function scan(): Promise<Alert[]> {
  const r = await scanOnce(state, { client: engine, deployments, addresses: tracked });
  state = scanStateFromPlain(JSON.parse(JSON.stringify(r.state)));
  expect(r.changedAlerts.filter((a) => a.status === 'retracted')).toEqual([]);
  for (const a of r.newAlerts) expect(tracked).toContain(a.address);
  expect(r.newAlerts.some((a) => a.address === NOBODY), 'an address without stake gets nothing').toBe(false);
  return r.newAlerts;
}

async function send(from: Address, to: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) {
  await c.impersonateAccount({ address: from });
  await c.setBalance({ address: from, value: 10n ** 20n });
  const hash = await c.writeContract({ account: from, chain: null, address: to, abi: abi as never, functionName: functionName as never, args: args as never, gas: GAS } as never);
  const receipt = await c.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  expect(receipt.status).toBe('success');
  return receipt;
}
const ts = async (block: bigint) => Number((await c.getBlock({ blockNumber: block })).timestamp);
const sumOf = (a: Alert, field: 'amountLost' | 'amountAtRisk', source: 'position' | 'withdrawal') => a.assets.filter((x) => x.source === source).reduce((s, x) => s + (x[field] ?? 0n), 0n);

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest as unknown as Manifest;
  c = chainClient(devnet.rpcUrl);
  deployments = parseDeployments(devnet.manifest);
  engine = createChainClient({ chainId: m.chainId, rpcUrls: [devnet.rpcUrl], deployments });
  tracked = [actor('staker-1'), actor('staker-2'), actor('staker-3'), NOBODY];
  state = initialScanState(m.chainId, Number(await c.getBlockNumber()) + 1); // only the blocks this file mines
});
afterAll(async () => devnet?.stop());

describe('Symbiotic alerts', () => {
  it('an instant slash (OnSlash) raises a loss alert per staker of the vault, amounts from the onSlash split; a look-alike emitter is ignored', async () => {
    const sym = m.scenario.symbiotic;
    const A = sym.vaults.find((v) => v.name === 'A')!;
    const network = sym.networks.find((n) => n.name === 'network-1')!;
    const sn = A.networks.find((n) => n.network === network.address && n.identifier === 0)!.subnetwork;
    const r = <T>(fn: string, args: readonly unknown[] = [], block?: bigint) => c.readContract({ address: A.address, abi: symVault, functionName: fn, args, blockNumber: block } as never) as Promise<T>;

    // A contract that is not a vault emits the same OnSlash topic (constructor: mstore + LOG1).
    const topic = toEventSelector('OnSlash(uint256,uint48,uint256)');
    const fakeCode = concatHex(['0x67', padHex(numberToHex(parseEther('5')), { size: 8 }), '0x604052', '0x7f', topic, '0x60606000a100']);
    await c.setBalance({ address: actor('staker-2'), value: 10n ** 20n });
    const fakeHash: Hash = await c.sendTransaction({ account: actor('staker-2'), chain: null, data: fakeCode, gas: 200_000n });
    const fakeReceipt = await c.waitForTransactionReceipt({ hash: fakeHash, pollingInterval: 20 });
    expect(fakeReceipt.logs.map((l) => l.topics[0])).toEqual([topic]);

    await c.mine({ blocks: 1 });
    const capture = Number((await c.getBlock()).timestamp);
    await c.increaseTime({ seconds: 12 });
    const amount = parseEther('9');
    const receipt = await send(network.middleware, A.slasher!, symSlasher, 'slash', [sn, actor('operator-2'), amount, capture, '0x']);
    const pre = receipt.blockNumber - 1n;
    const cur = BigInt(Math.floor(((await ts(receipt.blockNumber)) - (await r<number>('epochDurationInit'))) / (await r<number>('epochDuration'))));
    const [A0, S0, W0, WS0] = [await r<bigint>('activeStake', [], pre), await r<bigint>('activeShares', [], pre), await r<bigint>('withdrawals', [cur + 1n], pre), await r<bigint>('withdrawalShares', [cur + 1n], pre)];
    // Capture in the current epoch: split over activeStake + withdrawals[cur + 1] (reference §2.3).
    const activeSlashed = (amount * A0) / (A0 + W0);
    const [A1, W1] = [A0 - activeSlashed, W0 - (amount - activeSlashed)];

    const alerts = await scan();
    expect(alerts.some((a) => a.txHash === fakeHash), 'the look-alike OnSlash raised nothing').toBe(false);
    const slash = alerts.filter((a) => a.txHash === receipt.transactionHash);
    let expectedAddresses = 0;
    for (const staker of tracked) {
      const shares = await r<bigint>('activeSharesOf', [staker], pre);
      const wShares = await r<bigint>('withdrawalSharesOf', [cur + 1n, staker], pre);
      const position = redeem(shares, A0, S0) - redeem(shares, A1, S0);
      const withdrawal = redeem(wShares, W0, WS0) - redeem(wShares, W1, WS0);
      const got = slash.find((a) => a.address === staker);
      if (position + withdrawal === 0n) {
        expect(got, `${staker} holds nothing in A`).toBeUndefined();
        continue;
      }
      expectedAddresses++;
      expect(got).toMatchObject({ protocol: 'symbiotic', kind: 'slash', severity: 'critical', operator: actor('operator-2'), service: getAddress(network.address), setId: 0, slasher: getAddress(A.slasher!) });
      expect([sumOf(got!, 'amountLost', 'position'), sumOf(got!, 'amountLost', 'withdrawal')]).toEqual([position, withdrawal]);
      expect(got!.assets.every((x) => x.strategy === getAddress(A.address) && x.asset.address === getAddress(A.collateral))).toBe(true);
    }
    expect(expectedAddresses).toBeGreaterThanOrEqual(2); // staker-1 (active + pending withdrawal) and staker-2
    expect(slash.some((a) => sumOf(a, 'amountLost', 'withdrawal') > 0n)).toBe(true);
    expect(slash.length).toBe(expectedAddresses);
  });

  it('a VetoSlasher request raises a pending alert with the veto deadline; its execution after the window raises the loss', async () => {
    const sym = m.scenario.symbiotic;
    const B = sym.vaults.find((v) => v.slasherType === 'veto')!;
    const network = sym.networks.find((n) => n.name === 'network-1')!;
    const sn = B.networks.find((n) => n.network === network.address && n.identifier === 0)!.subnetwork;
    const r = <T>(fn: string, args: readonly unknown[] = [], block?: bigint) => c.readContract({ address: B.address, abi: symVault, functionName: fn, args, blockNumber: block } as never) as Promise<T>;

    await c.mine({ blocks: 1 });
    const capture = Number((await c.getBlock()).timestamp);
    await c.increaseTime({ seconds: 12 });
    const amount = parseEther('10');
    const req = await send(network.middleware, B.slasher!, symSlasher, 'requestSlash', [sn, actor('operator-1'), amount, capture, '0x']);
    const index = (await c.readContract({ address: B.slasher!, abi: symSlasher, functionName: 'slashRequestsLength' })) - 1n;
    const [, , , , vetoDeadline] = await c.readContract({ address: B.slasher!, abi: symSlasher, functionName: 'slashRequests', args: [index] });
    expect(vetoDeadline).toBe((await ts(req.blockNumber)) + B.vetoDuration!);

    // Pro-rata share of the requested amount over the vault's slashable total (active + buckets cur, cur+1).
    const b = req.blockNumber;
    const cur = BigInt(Math.floor(((await ts(b)) - (await r<number>('epochDurationInit'))) / (await r<number>('epochDuration'))));
    const [active, shares] = [await r<bigint>('activeStake', [], b), await r<bigint>('activeShares', [], b)];
    const bucket = async (k: bigint, s: Address) => redeem(await r<bigint>('withdrawalSharesOf', [k, s], b), await r<bigint>('withdrawals', [k], b), await r<bigint>('withdrawalShares', [k], b));
    const total = active + (await r<bigint>('withdrawals', [cur], b)) + (await r<bigint>('withdrawals', [cur + 1n], b));
    const requested = amount < total ? amount : total;

    const pending = (await scan()).filter((a) => a.txHash === req.transactionHash);
    expect(pending.length).toBeGreaterThan(0);
    for (const staker of tracked) {
      const pos = redeem(await r<bigint>('activeSharesOf', [staker], b), active, shares);
      const wd = (await bucket(cur, staker)) + (await bucket(cur + 1n, staker));
      const got = pending.find((a) => a.address === staker);
      if (pos + wd === 0n) {
        expect(got).toBeUndefined();
        continue;
      }
      expect(got).toMatchObject({ kind: 'slash-requested', severity: 'critical', vetoDeadline, operator: actor('operator-1'), service: getAddress(network.address), setId: 0 });
      expect([sumOf(got!, 'amountAtRisk', 'position'), sumOf(got!, 'amountAtRisk', 'withdrawal')]).toEqual([(requested * pos) / total, (requested * wd) / total]);
    }

    await c.increaseTime({ seconds: B.vetoDuration! + 1 });
    await c.mine({ blocks: 1 });
    const exec = await send(network.middleware, B.slasher!, symSlasher, 'executeSlash', [index, '0x']);
    const pre = exec.blockNumber - 1n;
    const [A0, S0, A1] = [await r<bigint>('activeStake', [], pre), await r<bigint>('activeShares', [], pre), await r<bigint>('activeStake', [], exec.blockNumber)];
    expect(A1).toBeLessThan(A0);
    const executed = (await scan()).filter((a) => a.txHash === exec.transactionHash);
    let lostTotal = 0n;
    for (const staker of [actor('staker-1'), actor('staker-3')]) {
      const got = executed.find((a) => a.address === staker);
      expect(got, `${staker} holds stake in B`).toMatchObject({ kind: 'slash', severity: 'critical', operator: actor('operator-1'), service: getAddress(network.address) });
      const s = await r<bigint>('activeSharesOf', [staker], pre);
      expect(sumOf(got!, 'amountLost', 'position')).toBe(redeem(s, A0, S0) - redeem(s, A1, S0));
      lostTotal += got!.assets.reduce((x, y) => x + (y.amountLost ?? 0n), 0n);
    }
    expect(lostTotal).toBeLessThanOrEqual(requested);
  });

  it("a curator raising a network limit warns the vault's stakers (share of the new limit); lowering it raises nothing", async () => {
    const sym = m.scenario.symbiotic;
    const A = sym.vaults.find((v) => v.name === 'A')!;
    const network2 = sym.networks.find((n) => n.name === 'network-2')!;
    const sn = A.networks.find((n) => n.network === network2.address && n.identifier === 0)!.subnetwork;
    const old = await c.readContract({ address: A.delegator, abi: delegatorAbi, functionName: 'networkLimit', args: [sn] });
    const raised = old + parseEther('40');
    const up = await send(A.curator, A.delegator, delegatorAbi, 'setNetworkLimit', [sn, raised]);
    const down = await send(A.curator, A.delegator, delegatorAbi, 'setNetworkLimit', [sn, old]);
    const alerts = await scan();
    expect(alerts.filter((a) => a.txHash === down.transactionHash)).toEqual([]);
    const ups = alerts.filter((a) => a.txHash === up.transactionHash);
    const b = up.blockNumber;
    const r = <T>(fn: string, args: readonly unknown[] = []) => c.readContract({ address: A.address, abi: symVault, functionName: fn, args, blockNumber: b } as never) as Promise<T>;
    const [active, shares] = [await r<bigint>('activeStake'), await r<bigint>('activeShares')];
    const backed = raised < active ? raised : active;
    let n = 0;
    for (const staker of tracked) {
      const bal = redeem(await r<bigint>('activeSharesOf', [staker]), active, shares);
      const got = ups.find((a) => a.address === staker);
      if (bal === 0n) {
        expect(got).toBeUndefined();
        continue;
      }
      n++;
      expect(got).toMatchObject({ protocol: 'symbiotic', kind: 'limit-raised', severity: 'warning', service: getAddress(network2.address), setId: 0 });
      expect(sumOf(got!, 'amountAtRisk', 'position')).toBe((bal * backed) / active);
    }
    expect(ups).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
  });
});

describe('Karak alerts', () => {
  it('requestSlashing raises a pending alert finalizable 2 days later; finalizeSlashing raises the loss', async () => {
    const sc = m.scenario.karak;
    const target = sc.vaults.find((v) => v.dss.length === 2)!;
    const dss50 = sc.dss.find((d) => d.maxSlashablePercentageWad === parseEther('50').toString())!;
    const core = m.contracts.karak.core;
    const rv = <T>(fn: string, args: readonly unknown[], block: bigint) => c.readContract({ address: target.address, abi: karakVault, functionName: fn, args, blockNumber: block } as never) as Promise<T>;
    const redeemOf = (s: Address) => sc.pendingRedeems.filter((p) => p.staker === s && p.vault === target.address).reduce((x, p) => x + BigInt(p.shares), 0n);
    const pct = parseEther('10');

    const req = await send(dss50.owner, dss50.address, dssAbi, 'requestSlashing', [{ operator: target.operator, slashPercentagesWad: [pct], vaults: [target.address] }]);
    const b = req.blockNumber;
    const [ta, supply] = [await rv<bigint>('totalAssets', [], b), await rv<bigint>('totalSupply', [], b)];
    const pending = (await scan()).filter((a) => a.txHash === req.transactionHash);
    for (const staker of tracked) {
      const [held, queued] = [await rv<bigint>('balanceOf', [staker], b), redeemOf(staker)];
      const got = pending.find((a) => a.address === staker);
      if (held + queued === 0n) {
        expect(got, `${staker} holds nothing in the vault`).toBeUndefined();
        continue;
      }
      expect(got).toMatchObject({ protocol: 'karak', kind: 'slash-requested', severity: 'critical', service: getAddress(dss50.address), operator: getAddress(target.operator), vetoDeadline: (await ts(b)) + 2 * DAY });
      expect([sumOf(got!, 'amountAtRisk', 'position'), sumOf(got!, 'amountAtRisk', 'withdrawal')]).toEqual([(redeem(held, ta, supply) * pct) / HUNDRED, (redeem(queued, ta, supply) * pct) / HUNDRED]);
    }
    expect(pending.find((a) => a.address === actor('staker-1'))!.assets.map((x) => x.source).sort()).toEqual(['position', 'withdrawal']);

    const queuedSlashing = {
      dss: dss50.address, timestamp: BigInt(await ts(b)), operator: target.operator, vaults: [target.address], slashPercentagesWad: [pct],
      nonce: (await c.readContract({ address: core, abi: karakCore, functionName: 'slashingNonce' })) - 1n,
    };
    await c.increaseTime({ seconds: 2 * DAY });
    await c.mine({ blocks: 1 });
    const fin = await send(dss50.owner, core, karakCore, 'finalizeSlashing', [queuedSlashing]);
    const pre = fin.blockNumber - 1n;
    const [ta0, ts0] = [await rv<bigint>('totalAssets', [], pre), await rv<bigint>('totalSupply', [], pre)];
    const ta1 = ta0 - (pct * ta0) / HUNDRED; // pct x totalAssets left to the slashing handler
    expect(await rv<bigint>('totalAssets', [], fin.blockNumber)).toBe(ta1);
    const lost = (await scan()).filter((a) => a.txHash === fin.transactionHash);
    for (const staker of tracked) {
      const [held, queued] = [await rv<bigint>('balanceOf', [staker], pre), redeemOf(staker)];
      const got = lost.find((a) => a.address === staker);
      if (held + queued === 0n) {
        expect(got).toBeUndefined();
        continue;
      }
      expect(got).toMatchObject({ kind: 'slash', severity: 'critical', service: getAddress(dss50.address) });
      expect([sumOf(got!, 'amountLost', 'position'), sumOf(got!, 'amountLost', 'withdrawal')]).toEqual([
        redeem(held, ta0, ts0) - redeem(held, ta1, ts0), redeem(queued, ta0, ts0) - redeem(queued, ta1, ts0),
      ]);
    }
    expect(lost.length).toBeGreaterThan(0);
  });

  it('a stake update adding a DSS to a held vault raises a warning with its effect time (start + 9 days)', async () => {
    const sc = m.scenario.karak;
    const op2 = actor('operator-2');
    const vault = sc.vaults.find((v) => getAddress(v.operator) === op2)!;
    const dss10 = sc.dss.find((d) => d.maxSlashablePercentageWad === parseEther('10').toString())!;
    const core = m.contracts.karak.core;
    await send(op2, core, karakCore, 'registerOperatorToDSS', [dss10.address, '0x']);
    const req = await send(op2, core, karakCore, 'requestUpdateVaultStakeInDSS', [{ vault: vault.address, dss: dss10.address, toStake: true }]);
    const b = req.blockNumber;
    const alerts = (await scan()).filter((a) => a.txHash === req.transactionHash);
    const s2 = actor('staker-2');
    const [held, ta, supply] = [
      await c.readContract({ address: vault.address, abi: karakVault, functionName: 'balanceOf', args: [s2], blockNumber: b }),
      await c.readContract({ address: vault.address, abi: karakVault, functionName: 'totalAssets', blockNumber: b }),
      await c.readContract({ address: vault.address, abi: karakVault, functionName: 'totalSupply', blockNumber: b }),
    ];
    expect(held).toBeGreaterThan(0n);
    expect(alerts.map((a) => a.address)).toEqual([s2]);
    expect(alerts[0]).toMatchObject({ kind: 'service-added', severity: 'warning', service: getAddress(dss10.address), operator: op2, effectTime: (await ts(b)) + 9 * DAY });
    expect(sumOf(alerts[0]!, 'amountAtRisk', 'position')).toBe((redeem(held, ta, supply) * BigInt(dss10.maxSlashablePercentageWad)) / HUNDRED);
  });

  it("the veto committee cancelling a pending request raises an info alert for the vault's holders", async () => {
    const sc = m.scenario.karak;
    const req = sc.slashes.find((x) => x.status === 'requested')!;
    const fin = await send(sc.vetoCommittee, m.contracts.karak.core, karakCore, 'cancelSlashing', [{
      dss: req.dss, timestamp: BigInt(req.requestedAt), operator: req.operator, vaults: req.vaults, slashPercentagesWad: req.slashPercentagesWad.map(BigInt), nonce: BigInt(req.nonce),
    }]);
    const alerts = (await scan()).filter((a) => a.txHash === fin.transactionHash);
    const holders: Address[] = [];
    for (const staker of tracked) {
      const held = await c.readContract({ address: req.vaults[0]!, abi: karakVault, functionName: 'balanceOf', args: [staker], blockNumber: fin.blockNumber });
      const queued = sc.pendingRedeems.some((p) => p.staker === staker && p.vault === req.vaults[0]);
      if (held > 0n || queued) holders.push(staker);
    }
    expect(holders.length).toBeGreaterThan(0);
    expect(alerts.map((a) => a.address).sort()).toEqual(holders.sort());
    for (const a of alerts) expect(a).toMatchObject({ kind: 'slash-cancelled', severity: 'info', service: getAddress(req.dss), operator: getAddress(req.operator) });
  });
});
