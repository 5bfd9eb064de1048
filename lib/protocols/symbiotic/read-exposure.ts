// Exposure discovery for the Symbiotic adapter (reference §2.5): candidate subnetworks from
// SetMaxNetworkLimit logs of each delegator, candidate operators from OperatorVaultOptInService OptIn
// logs (types 0/1; types 2/3 have one operator), both cached with cursors; then one batched round
// confirms them (maxNetworkLimit > 0, opted in to vault and network) and reads stake(subnetwork, operator).
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import type { ReadContext } from '../adapter.js';
import { baseDelegatorAbi, networkMiddlewareServiceAbi, optInServiceAbi, vetoSlasherAbi } from './abi.js';
import { splitSubnetwork, type StakePair, type VaultFacts } from './assemble.js';
import { getLogsSplitting, scanIncrementally } from './log-scan.js';
import { Round, ok } from '../round.js';

const event = (abi: readonly { type: string; name?: string }[], name: string) => abi.find((i) => i.type === 'event' && i.name === name) as never;

export interface StakeGraph {
  subnetworks: Map<Address, Hex[]>; // vault -> subnetworks
  operators: Map<Address, Address[]>; // vault -> candidate operators
}

/** Subnetworks from SetMaxNetworkLimit logs of each delegator; operators from OperatorVaultOptInService OptIn logs (types 0/1). */
export async function discoverStakeGraph(ctx: ReadContext, sym: SymbioticAddresses, vaults: readonly VaultFacts[], startBlock: bigint): Promise<StakeGraph> {
  const chain = ctx.deployments.chainId;
  const snKey = (d: Address) => `symbiotic:subnetworks:${chain}:${d.toLowerCase()}`;
  const opKey = (v: Address) => `symbiotic:operators:${chain}:${sym.operatorVaultOptInService.toLowerCase()}:${v.toLowerCase()}`;
  const byDelegatorKey = new Map(vaults.map((f) => [snKey(f.delegator), f]));
  const multi = vaults.filter((f) => f.delegatorType === 0 || f.delegatorType === 1);
  const byOpKey = new Map(multi.map((f) => [opKey(f.vault), f]));
  const [subnets, ops] = await Promise.all([
    scanIncrementally<string>(ctx.cache, [...byDelegatorKey.keys()], startBlock, ctx.blockNumber, (x) => x, async (keys, from, to) => {
      const delegators = keys.map((k) => byDelegatorKey.get(k)!.delegator);
      const logs = await getLogsSplitting(ctx.client, { address: delegators, event: event(baseDelegatorAbi, 'SetMaxNetworkLimit') }, from, to);
      const found = new Map<string, string[]>();
      for (const log of parseEventLogs({ abi: baseDelegatorAbi, eventName: 'SetMaxNetworkLimit', logs })) {
        const k = snKey(getAddress(log.address));
        found.set(k, [...(found.get(k) ?? []), log.args.subnetwork.toLowerCase()]);
      }
      return found;
    }),
    scanIncrementally<string>(ctx.cache, [...byOpKey.keys()], startBlock, ctx.blockNumber, (x) => x, async (keys, from, to) => {
      const where = keys.map((k) => byOpKey.get(k)!.vault);
      const logs = await getLogsSplitting(ctx.client, { address: sym.operatorVaultOptInService, event: event(optInServiceAbi, 'OptIn'), args: { where } }, from, to);
      const found = new Map<string, string[]>();
      for (const log of parseEventLogs({ abi: optInServiceAbi, eventName: 'OptIn', logs })) {
        const k = opKey(getAddress(log.args.where));
        if (byOpKey.has(k)) found.set(k, [...(found.get(k) ?? []), getAddress(log.args.who)]);
      }
      return found;
    }),
  ]);
  const graph: StakeGraph = { subnetworks: new Map(), operators: new Map() };
  for (const f of vaults) {
    let sns = (subnets.get(snKey(f.delegator)) ?? []) as Hex[];
    // Type 3: only its fixed network() can set a max network limit.
    if (f.delegatorType === 3 && f.network) sns = sns.filter((sn) => splitSubnetwork(sn).network === f.network);
    graph.subnetworks.set(f.vault, [...sns].sort());
    graph.operators.set(f.vault, f.delegatorType === 2 || f.delegatorType === 3 ? (f.operator ? [f.operator] : []) : ((ops.get(opKey(f.vault)) ?? []) as Address[]).map((o) => getAddress(o)).sort());
  }
  return graph;
}

export async function readStakePairs(
  ctx: ReadContext,
  sym: SymbioticAddresses,
  vaults: readonly VaultFacts[],
  graph: StakeGraph,
  out: Map<Address, StakePair[]>,
  failedVaults: Map<Address, string>,
): Promise<void> {
  const maxLimit = new Map<string, bigint>(); // `${vault}:${sn}`
  const resolvers = new Map<string, Address | null>();
  const stake = new Map<string, bigint>(); // `${vault}:${sn}:${op}`
  const vaultOptIn = new Map<string, boolean>(); // `${op}:${vault}`
  const networkOptIn = new Map<string, boolean>(); // `${op}:${network}`
  const middleware = new Map<Address, Address | null>();
  const r = new Round();
  const bad = (v: Address, why: string) => failedVaults.has(v) || failedVaults.set(v, why);
  for (const f of vaults) {
    const sns = graph.subnetworks.get(f.vault) ?? [];
    const ops = graph.operators.get(f.vault) ?? [];
    for (const sn of sns) {
      const { network } = splitSubnetwork(sn);
      r.add({ address: f.delegator, abi: baseDelegatorAbi, functionName: 'maxNetworkLimit', args: [sn] }, (x) => {
        const v = ok<bigint>(x);
        if (v === undefined) bad(f.vault, `maxNetworkLimit failed on delegator ${f.delegator}`);
        else maxLimit.set(`${f.vault}:${sn}`, v);
      });
      if (f.slasherType === 'veto' && f.slasher) {
        r.add({ address: f.slasher, abi: vetoSlasherAbi, functionName: 'resolver', args: [sn, '0x'] }, (x) => {
          const v = ok<Address>(x);
          if (v === undefined) bad(f.vault, `resolver failed on slasher ${f.slasher}`);
          else resolvers.set(`${f.vault}:${sn}`, v === zeroAddress ? null : getAddress(v));
        });
      }
      if (!middleware.has(network)) {
        middleware.set(network, null);
        r.add({ address: sym.networkMiddlewareService, abi: networkMiddlewareServiceAbi, functionName: 'middleware', args: [network] }, (x) => {
          const v = ok<Address>(x);
          if (v === undefined) for (const g of vaults) bad(g.vault, `middleware(${network}) failed`);
          else middleware.set(network, v === zeroAddress ? null : getAddress(v));
        });
      }
      for (const op of ops) {
        r.add({ address: f.delegator, abi: baseDelegatorAbi, functionName: 'stake', args: [sn, op] }, (x) => {
          const v = ok<bigint>(x);
          if (v === undefined) bad(f.vault, `stake failed on delegator ${f.delegator}`);
          else stake.set(`${f.vault}:${sn}:${op}`, v);
        });
        const key = `${op}:${network}`;
        if (!networkOptIn.has(key)) {
          networkOptIn.set(key, false);
          r.add({ address: sym.operatorNetworkOptInService, abi: optInServiceAbi, functionName: 'isOptedIn', args: [op, network] }, (x) => {
            const v = ok<boolean>(x);
            if (v === undefined) for (const g of vaults) bad(g.vault, `isOptedIn(${op}, ${network}) failed`);
            else networkOptIn.set(key, v);
          });
        }
      }
    }
    for (const op of ops) {
      r.add({ address: sym.operatorVaultOptInService, abi: optInServiceAbi, functionName: 'isOptedIn', args: [op, f.vault] }, (x) => {
        const v = ok<boolean>(x);
        if (v === undefined) bad(f.vault, `isOptedIn(${op}, ${f.vault}) failed`);
        else vaultOptIn.set(`${op}:${f.vault}`, v);
      });
    }
  }
  await r.run(ctx);
  for (const f of vaults) {
    const list: StakePair[] = [];
    for (const sn of graph.subnetworks.get(f.vault) ?? []) {
      if ((maxLimit.get(`${f.vault}:${sn}`) ?? 0n) === 0n) continue;
      const { network, identifier } = splitSubnetwork(sn);
      for (const op of graph.operators.get(f.vault) ?? []) {
        if (!vaultOptIn.get(`${op}:${f.vault}`) || !networkOptIn.get(`${op}:${network}`)) continue;
        list.push({
          subnetwork: sn, network, identifier, operator: op,
          stake: stake.get(`${f.vault}:${sn}:${op}`) ?? 0n,
          middleware: middleware.get(network) ?? null,
          ...(f.slasherType === 'veto' ? { resolver: resolvers.get(`${f.vault}:${sn}`) ?? null } : {}),
        });
      }
    }
    out.set(f.vault, list);
  }
}
