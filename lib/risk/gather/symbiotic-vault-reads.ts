// Raw reads for one Symbiotic vault (reference §2.8): vault parameters, delegator/slasher TYPEs,
// subnetworks (SetMaxNetworkLimit logs) with limits, middleware and resolver, opted-in operators
// and their stake, slash requests, OnSlash history. Four batched rounds plus three log scans.
import { getAddress, zeroAddress, type Address, type Hex } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import { baseDelegatorAbi, baseSlasherAbi, fullRestakeDelegatorAbi, networkMiddlewareServiceAbi, operatorSpecificDelegatorAbi, optInServiceAbi, registryAbi, vaultAbi, vetoSlasherAbi } from '../../protocols/symbiotic/abi.js';
import { splitSubnetwork } from '../../protocols/symbiotic/assemble.js';
import { unknown, type Fact } from '../facts/fact.js';
import { short } from '../format.js';
import type { RiskContext } from './context.js';
import { FactRound } from './fact-round.js';
import { scanLogs, type LogScan } from './scan-logs.js';

export interface SubnetworkReads {
  subnetwork: Hex;
  network: Address;
  identifier: bigint;
  label: string;
  maxLimit: Fact<bigint>;
  limit: Fact<bigint>;
  middleware: Fact<Address>;
  resolver?: Fact<Address>;
}
export interface SlashRequest { subnetwork: Hex; operator: Address; amount: bigint; captureTimestamp: number; vetoDeadline: number; completed: boolean }

export interface VaultReads {
  vault: Address;
  version: Fact<number>; delegator: Fact<Address>; slasher: Fact<Address>; burner: Fact<Address>; epochDuration: Fact<number>; activeStake: Fact<bigint>;
  delegatorType: Fact<number>; slasherType: Fact<number | null>; burnerIsRouter: Fact<boolean>; vetoDuration?: Fact<number>;
  subnetworks: Fact<SubnetworkReads[]>;
  operators: Fact<Address[]>;
  /** stake(subnetwork, operator) per operator, the largest over subnetworks. */
  stakes: Map<Address, Fact<bigint>>;
  slashRequests?: Fact<SlashRequest[]>;
  onSlash: LogScan;
}

const v = <T>(f: Fact<T>): T | undefined => (f.status === 'known' ? f.value : undefined);

export async function readSymbioticVault(ctx: RiskContext, sym: SymbioticAddresses, vault: Address): Promise<VaultReads> {
  const from = ctx.logsFromBlock ?? BigInt(sym.fromBlock ?? 0);
  const r1 = new FactRound(ctx);
  const va = (fn: string) => r1.read(vault, vaultAbi, fn, [], `${fn}()`);
  const version = r1.read<number, bigint>(vault, vaultAbi, 'version', [], 'version()', Number);
  const delegator = r1.read<Address, Address>(vault, vaultAbi, 'delegator', [], 'delegator()', getAddress);
  const slasher = r1.read<Address, Address>(vault, vaultAbi, 'slasher', [], 'slasher()', getAddress);
  const burner = r1.read<Address, Address>(vault, vaultAbi, 'burner', [], 'burner()', getAddress);
  const epochDuration = r1.read<number, number>(vault, vaultAbi, 'epochDuration', [], 'epochDuration()', Number);
  const activeStake = va('activeStake') as () => Fact<bigint>;
  const onSlashP = scanLogs(ctx, { address: vault, abi: vaultAbi, events: ['OnSlash'] }, from);
  await r1.run();

  const d = v(delegator()), s = v(slasher()), b = v(burner());
  const r2 = new FactRound(ctx);
  const delegatorType = d ? r2.read<number, bigint>(d, baseDelegatorAbi, 'TYPE', [], 'TYPE() of delegator', Number) : () => unknown<number>('delegator() not read');
  const slasherType = s === undefined ? () => unknown<number | null>('slasher() not read') : s === zeroAddress ? null : r2.read<number | null, bigint>(s, baseSlasherAbi, 'TYPE', [], 'TYPE() of slasher', Number);
  const isRouter = b && sym.burnerRouterFactory && b !== zeroAddress ? r2.read<boolean>(sym.burnerRouterFactory, registryAbi, 'isEntity', [b], 'BurnerRouterFactory.isEntity(burner)') : undefined;
  const [subScan] = await Promise.all([
    d ? scanLogs(ctx, { address: d, abi: baseDelegatorAbi, events: ['SetMaxNetworkLimit'] }, from) : Promise.resolve<LogScan>({ ok: false, reason: 'delegator() not read' }),
    r2.run(),
  ]);
  const dType = v(delegatorType());
  const sType = slasherType === null ? null : v(slasherType());

  const r3 = new FactRound(ctx);
  const sns = subScan.ok ? [...new Set(subScan.logs.map((l) => (l.args.subnetwork as Hex).toLowerCase() as Hex))] : [];
  const subReads = sns.map((sn) => {
    const { network, identifier } = splitSubnetwork(sn);
    const label = `network ${short(network)}/${identifier}`;
    return {
      subnetwork: sn, network, identifier, label,
      maxLimit: r3.read<bigint>(d!, baseDelegatorAbi, 'maxNetworkLimit', [sn], `maxNetworkLimit(${label})`),
      // Type 3 has no curator limit: the network's max limit is the cap.
      limit: dType === 3 ? undefined : r3.read<bigint>(d!, fullRestakeDelegatorAbi, 'networkLimit', [sn], `networkLimit(${label})`),
      middleware: r3.read<Address, Address>(sym.networkMiddlewareService, networkMiddlewareServiceAbi, 'middleware', [network], `middleware(${short(network)})`, getAddress),
      resolver: sType === 1 ? r3.read<Address, Address>(s!, vetoSlasherAbi, 'resolver', [sn, '0x'], `resolver(${label})`, getAddress) : undefined,
    };
  });
  const vetoDuration = sType === 1 ? r3.read<number, number>(s!, vetoSlasherAbi, 'vetoDuration', [], 'vetoDuration()', Number) : undefined;
  const requestsLength = sType === 1 ? r3.read<number, bigint>(s!, vetoSlasherAbi, 'slashRequestsLength', [], 'slashRequestsLength()', Number) : undefined;
  const fixedOperator = dType === 2 || dType === 3 ? r3.read<Address, Address>(d!, operatorSpecificDelegatorAbi, 'operator', [], 'operator() of delegator', getAddress) : undefined;
  const [optScan] = await Promise.all([
    dType === 0 || dType === 1 ? scanLogs(ctx, { address: sym.operatorVaultOptInService, abi: optInServiceAbi, events: ['OptIn'], args: { where: vault } }, from) : Promise.resolve<LogScan>({ ok: true, logs: [] }),
    r3.run(),
  ]);
  const operators: Fact<Address[]> = fixedOperator
    ? ((f) => (f.status === 'known' ? { ...f, value: [f.value] } : f))(fixedOperator())
    : dType === undefined ? unknown('delegator TYPE() not read')
    : optScan.ok ? { status: 'known', value: [...new Set(optScan.logs.map((l) => getAddress(l.args.who as string)))], evidence: [] } : unknown(optScan.reason);

  const r4 = new FactRound(ctx);
  const stakeReads = new Map<Address, (() => Fact<bigint>)[]>();
  for (const op of v(operators) ?? []) stakeReads.set(op, sns.map((sn) => r4.read<bigint>(d!, baseDelegatorAbi, 'stake', [sn, op], `stake(${short(sn)},${short(op)})`)));
  const n = requestsLength ? v(requestsLength()) ?? 0 : 0;
  const reqReads = Array.from({ length: Math.min(n, 200) }, (_, i) => r4.read<SlashRequest, readonly [Hex, Address, bigint, number, number, boolean]>(s!, vetoSlasherAbi, 'slashRequests', [BigInt(i)], `slashRequests(${i})`,
    ([subnetwork, operator, amount, captureTimestamp, vetoDeadline, completed]) => ({ subnetwork, operator: getAddress(operator), amount, captureTimestamp: Number(captureTimestamp), vetoDeadline: Number(vetoDeadline), completed })));
  await r4.run();
  const stakes = new Map<Address, Fact<bigint>>();
  for (const [op, reads] of stakeReads) {
    const fs = reads.map((r) => r());
    const bad = fs.find((f) => f.status === 'unknown');
    stakes.set(op, bad ?? { status: 'known', value: fs.reduce((m, f) => ((f as { value: bigint }).value > m ? (f as { value: bigint }).value : m), 0n), evidence: fs.flatMap((f) => f.evidence) });
  }
  const reqFacts = reqReads.map((r) => r());
  const reqBad = reqFacts.find((f) => f.status === 'unknown');
  const result: VaultReads = {
    vault, version: version(), delegator: delegator(), slasher: slasher(), burner: burner(), epochDuration: epochDuration(), activeStake: activeStake(),
    delegatorType: delegatorType(), slasherType: slasherType === null ? { status: 'known', value: null, evidence: slasher().evidence } : slasherType(),
    burnerIsRouter: isRouter ? isRouter() : { status: 'known', value: false, evidence: [] },
    subnetworks: subScan.ok ? { status: 'known', value: subReads.map((x): SubnetworkReads => ({ subnetwork: x.subnetwork, network: x.network, identifier: x.identifier, label: x.label, maxLimit: x.maxLimit(), limit: x.limit ? x.limit() : x.maxLimit(), middleware: x.middleware(), ...(x.resolver ? { resolver: x.resolver() } : {}) })), evidence: [] } : unknown(subScan.reason),
    operators, stakes, onSlash: await onSlashP,
  };
  if (vetoDuration) result.vetoDuration = vetoDuration();
  if (requestsLength) {
    const len = requestsLength();
    result.slashRequests = len.status === 'unknown' ? unknown(len.reason) : reqBad ?? { status: 'known', value: reqFacts.map((f) => (f as { value: SlashRequest }).value), evidence: [...len.evidence, ...reqFacts.flatMap((f) => f.evidence)] };
  }
  return result;
}
