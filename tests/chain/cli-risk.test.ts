// `risk` against a fresh devnet. Every expected grade comes from facts this test derives on its own
// (the manifest and raw viem reads with fragments written here), never from the engine: the
// redistributing operator set is found in the manifest and confirmed on chain; the Karak vault's
// leverage is read from the Core; a threshold override moves the grade by the same derivation.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, parseAbi, type Address } from 'viem';
import type { DevnetManifest } from '../../lib/devnet/manifest.js';
import { startDevnet } from '../../lib/devnet/start-devnet.js';

const am = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'function isRedistributingOperatorSet(OperatorSet) view returns (bool)',
  'function getRedistributionRecipient(OperatorSet) view returns (address)',
]);
const core = parseAbi(['function getLeverage(address) view returns (uint256)']);

let devnet: Awaited<ReturnType<typeof startDevnet>>;
let m: DevnetManifest;
let client: ReturnType<typeof createPublicClient>;

// Asynchronous on purpose: the devnet runs in this process and its anvil's output is drained by
// this event loop; a spawnSync would block it, anvil would stall on a full pipe, and the CLI with it.
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'lib/cli/main.ts', 'risk', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}
const cli = (...args: string[]) => run(['--deployments', devnet.manifestPath, ...args]);
async function json(...args: string[]): Promise<any> {
  const r = await cli('--json', ...args);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const rule = (entity: any, id: string) => entity.verdict.results.find((r: any) => r.ruleId === id);
const actor = (name: string) => m.actors.find((a) => a.name === name)!.address;
const RANK = { low: 0, unknown: 1, medium: 2, high: 3 } as const;
const worst = (gs: (keyof typeof RANK)[]) => gs.reduce((w, g) => (RANK[g] > RANK[w] ? g : w), 'low' as keyof typeof RANK);

beforeAll(async () => {
  devnet = await startDevnet({});
  m = devnet.manifest;
  client = createPublicClient({ transport: http(devnet.rpcUrl), cacheTime: 0 });
});
afterAll(async () => devnet?.stop());

/** operator-1's Karak vault of stETH and its leverage (services sharing its stake) read from the Core. */
async function karakStethVault(): Promise<{ vault: Address; services: number }> {
  const token = m.contracts.tokens.find((t) => t.symbol === 'stETH')!;
  const vault = m.scenario.karak!.vaults.find((v) => v.operator === actor('operator-1') && v.asset === token.address)!.address;
  const leverage = await client.readContract({ address: m.contracts.karak!.core, abi: core, functionName: 'getLeverage', args: [vault] });
  return { vault, services: Number(leverage / 10n ** 20n) };
}
const sharedStakeGrade = (services: number, medium = 2, high = 4) => (services >= high ? 'high' : services >= medium ? 'medium' : 'low');

describe('cli risk', () => {
  it('an operator set that redistributes (manifest + chain) grades high on redistribution, with the recipient as evidence', async () => {
    const set = m.scenario.operatorSets.find((s) => s.redistributing)!;
    const os = { avs: set.avs, id: set.id };
    expect(await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'isRedistributingOperatorSet', args: [os] })).toBe(true);
    const recipient = await client.readContract({ address: m.contracts.eigenlayer.allocationManager, abi: am, functionName: 'getRedistributionRecipient', args: [os] });
    expect(recipient).toBe(set.redistributionRecipient);

    const out = await json(`${set.avs.toLowerCase()}/${set.id}`);
    expect(out.chainId).toBe(m.chainId);
    expect(typeof out.block).toBe('string');
    const [e] = out.targets[0].entities;
    expect(e.entity).toEqual({ kind: 'eigenlayer-operator-set', address: set.avs, operatorSetId: set.id });
    const r = rule(e, 'slashing-redistribution');
    expect(r.grade).toBe('high');
    expect(r.sentence).toMatch(/^Funds can be lost if /);
    expect(r.evidence.some((x: any) => x.kind === 'parameter' && x.value.includes(recipient))).toBe(true);
    expect(e.verdict.dimensions.slashing).toBe('high');
    expect(e.verdict.overall).toBe('high');
    // Facts come with the verdict, bigints as strings.
    expect(e.facts.signals.destination).toMatchObject({ status: 'known', value: [{ mode: 'redistribute', recipient }] });
    expect(typeof e.facts.block).toBe('string');

    const text = await cli(`eigenlayer-operator-set:${set.avs}/${set.id}`);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\[HIGH\] slashing-redistribution v\d+ \(slashing\): Funds can be lost if/);
    expect(text.stdout).toMatch(/evidence: parameter getRedistributionRecipient\(.*\) on 0x[0-9a-fA-F]{40} at block \d+/);
    expect(text.stdout).toMatch(/dimensions: slashing HIGH/);
  });

  it("operator-1's Karak stETH vault: shared-stake from the Core's leverage with defaults, and a threshold override changes it", async () => {
    const { vault, services } = await karakStethVault();
    expect(services).toBeGreaterThanOrEqual(2);
    const byDefault = await json(vault);
    const e = byDefault.targets[0].entities.find((x: any) => x.entity.kind === 'karak-vault');
    expect(e.via).toBe('chain');
    expect(rule(e, 'shared-stake').grade).toBe(sharedStakeGrade(services));
    expect(rule(e, 'shared-stake').sentence).toContain(`${services} services can slash the same stake`);
    expect(e.verdict.dimensions.leverage).toBe(sharedStakeGrade(services));

    // Raise "medium" above this vault's leverage: by the same derivation it grades lower.
    const medium = services + 1;
    const raised = await json('--threshold', `shared-stake.mediumAtServices=${medium}`, '--threshold', `shared-stake.highAtServices=${medium + 1}`, vault);
    const e2 = raised.targets[0].entities.find((x: any) => x.entity.kind === 'karak-vault');
    expect(rule(e2, 'shared-stake').grade).toBe(sharedStakeGrade(services, medium, medium + 1));
    expect(rule(e2, 'shared-stake').grade).not.toBe(rule(e, 'shared-stake').grade);
    expect(raised.thresholds['shared-stake']).toEqual({ mediumAtServices: medium, highAtServices: medium + 1 });
  });

  it("a staker: each position's grade is the worst of its entities, which include its operator or vault", async () => {
    // A staker that deposited into operator-1's Karak stETH vault (manifest).
    const { vault, services } = await karakStethVault();
    const staker = m.scenario.karak!.deposits.find((d) => d.vault === vault && d.version === 2)!.staker;
    const out = await json(staker);
    const t = out.targets[0];
    expect(t.as).toBe('staker');
    expect(t.positions.length).toBeGreaterThan(0);
    const grades = new Map(t.entities.map((e: any) => [`${e.entity.kind}:${e.entity.address.toLowerCase()}${e.entity.operatorSetId !== undefined ? `/${e.entity.operatorSetId}` : ''}`, e.verdict.overall]));
    for (const p of t.positions) {
      const own = p.position.symbiotic ? `symbiotic-vault:${p.position.symbiotic.vault.toLowerCase()}` : p.position.karak?.version === 2 ? `karak-vault:${p.position.karak.vault.toLowerCase()}` : p.position.operator ? `eigenlayer-operator:${p.position.operator.toLowerCase()}` : null;
      if (own === null) {
        expect(p.overall).toBeNull();
        continue;
      }
      expect(p.entities).toContain(own);
      expect(p.overall).toBe(worst(p.entities.map((k: string) => grades.get(k))));
    }
    // Its Karak stETH vault carries the leverage grade derived from the Core, and its DSSs are there.
    const kv = t.entities.find((e: any) => e.entity.kind === 'karak-vault' && e.entity.address === vault);
    expect(rule(kv, 'shared-stake').grade).toBe(sharedStakeGrade(services));
    const dss = m.scenario.karak!.vaults.find((v) => v.address === vault)!.dss;
    const pos = t.positions.find((p: any) => p.position.karak?.vault === vault);
    for (const d of dss) expect(pos.entities).toContain(`karak-dss:${d.toLowerCase()}`);
    const text = await cli(staker);
    expect(text.stdout).toMatch(new RegExp(`${staker} · staker · \\d+ positions? at block \\d+`));
  });

  it('exits 2 on a bad threshold or target (with the reason), 3 when the RPC is unreachable', async () => {
    const bad = await cli('--threshold', 'shared-stake.mediumAtServices=9', '--threshold', 'shared-stake.highAtServices=4', actor('operator-1'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid risk thresholds: shared-stake: mediumAtServices must not be above highAtServices/);
    expect((await cli('--threshold', 'nonsense', actor('operator-1'))).stderr).toMatch(/expected rule\.name=value/);
    const kind = await cli(`karak-thing:${actor('operator-1')}`);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/unknown entity kind/);
    expect((await cli('0x12')).stderr).toMatch(/Not an address/);
    const down = await run(['--rpc', 'http://127.0.0.1:9', '--deployments', devnet.manifestPath, actor('operator-1')]);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/Could not reach the RPC/);
  });
});
