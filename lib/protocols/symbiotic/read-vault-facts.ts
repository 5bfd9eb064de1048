// Per-vault static facts for the Symbiotic adapter (version, collateral, delegator/slasher and their
// TYPEs, burner, epochs, single operator/network), read once per vault in three batched rounds and
// kept in the discovery cache (a VaultFactory Migrate log drops them, see discover-vaults.ts).
import { erc20Abi, getAddress, zeroAddress, type Address } from 'viem';
import type { SymbioticAddresses } from '../../chains/deployments.js';
import type { ReadContext } from '../adapter.js';
import { baseDelegatorAbi, baseSlasherAbi, operatorNetworkSpecificDelegatorAbi, operatorSpecificDelegatorAbi, registryAbi, vaultAbi, vetoSlasherAbi } from './abi.js';
import type { SlasherKind, VaultFacts } from './assemble.js';
import { Round, ok, sanitizeSymbol } from '../round.js';

export const factsKey = (ctx: ReadContext, vault: Address) => `symbiotic:vault:${ctx.deployments.chainId}:${vault.toLowerCase()}`;

function isFacts(v: unknown): v is VaultFacts {
  const f = v as VaultFacts | undefined;
  return !!f && typeof f === 'object' && typeof f.vault === 'string' && typeof f.version === 'number' && typeof f.epochDuration === 'number'
    && typeof f.delegatorType === 'number' && !!f.asset && typeof f.asset.decimals === 'number';
}

/**
 * Static facts per vault, from the cache or read in up to three rounds. Vaults whose facts cannot be
 * read (or that are not fully initialized yet) are returned in `failed` and not cached.
 */
export async function readVaultFacts(ctx: ReadContext, sym: SymbioticAddresses, vaults: readonly Address[]): Promise<{ facts: Map<Address, VaultFacts>; failed: Map<Address, string> }> {
  const facts = new Map<Address, VaultFacts>();
  const failed = new Map<Address, string>();
  const todo: Address[] = [];
  for (const v of vaults) {
    const c = ctx.cache.get(factsKey(ctx, v));
    if (isFacts(c)) facts.set(v, c);
    else todo.push(v);
  }
  if (todo.length === 0) return { facts, failed };

  type Partial = { version?: bigint; collateral?: Address; delegator?: Address; slasher?: Address; burner?: Address; epochDuration?: number; epochDurationInit?: number;
    delegatorType?: bigint; slasherType?: bigint; symbol?: string; decimals?: number; isRouter?: boolean; operator?: Address; network?: Address; vetoDuration?: number };
  const parts = new Map<Address, Partial>(todo.map((v) => [v, {}]));
  const fail = (v: Address, why: string) => failed.has(v) || failed.set(v, why);

  const r1 = new Round();
  for (const v of todo) {
    const p = parts.get(v)!;
    const vault = { address: v, abi: vaultAbi } as const;
    const need = <K extends keyof Partial>(k: K, fn: string, map: (x: never) => Partial[K] = (x) => x as Partial[K]) =>
      r1.add({ ...vault, functionName: fn } as never, (r) => {
        const x = ok<never>(r);
        if (x === undefined) fail(v, `${fn}() failed on vault ${v}`);
        else p[k] = map(x);
      });
    need('version', 'version');
    need('collateral', 'collateral', (x: Address) => getAddress(x));
    need('delegator', 'delegator', (x: Address) => getAddress(x));
    need('slasher', 'slasher', (x: Address) => getAddress(x));
    need('burner', 'burner', (x: Address) => getAddress(x));
    need('epochDuration', 'epochDuration', (x: number) => Number(x));
    need('epochDurationInit', 'epochDurationInit', (x: number) => Number(x));
  }
  await r1.run(ctx);

  const live = () => todo.filter((v) => !failed.has(v));
  for (const v of live()) if (parts.get(v)!.delegator === zeroAddress) fail(v, `vault ${v} has no delegator yet`);
  const r2 = new Round();
  for (const v of live()) {
    const p = parts.get(v)!;
    r2.add({ address: p.delegator!, abi: baseDelegatorAbi, functionName: 'TYPE' }, (r) => {
      p.delegatorType = ok<bigint>(r);
      if (p.delegatorType === undefined) fail(v, `TYPE() failed on delegator ${p.delegator}`);
    });
    if (p.slasher !== zeroAddress) {
      r2.add({ address: p.slasher!, abi: baseSlasherAbi, functionName: 'TYPE' }, (r) => {
        p.slasherType = ok<bigint>(r);
        if (p.slasherType === undefined) fail(v, `TYPE() failed on slasher ${p.slasher}`);
      });
    }
    r2.add({ address: p.collateral!, abi: erc20Abi, functionName: 'symbol' }, (r) => (p.symbol = ok<string>(r)));
    r2.add({ address: p.collateral!, abi: erc20Abi, functionName: 'decimals' }, (r) => {
      p.decimals = ok<number>(r);
      if (p.decimals === undefined || p.decimals > 77) fail(v, `collateral ${p.collateral} has no readable decimals()`);
    });
    if (sym.burnerRouterFactory && p.burner !== zeroAddress) {
      r2.add({ address: sym.burnerRouterFactory, abi: registryAbi, functionName: 'isEntity', args: [p.burner!] }, (r) => {
        p.isRouter = ok<boolean>(r);
        if (p.isRouter === undefined) fail(v, `BurnerRouterFactory.isEntity(${p.burner}) failed`);
      });
    }
  }
  await r2.run(ctx);

  const r3 = new Round();
  for (const v of live()) {
    const p = parts.get(v)!;
    if (p.delegatorType === 2n || p.delegatorType === 3n) {
      r3.add({ address: p.delegator!, abi: operatorSpecificDelegatorAbi, functionName: 'operator' }, (r) => {
        const x = ok<Address>(r);
        if (x === undefined) fail(v, `operator() failed on delegator ${p.delegator}`);
        else p.operator = getAddress(x);
      });
    }
    if (p.delegatorType === 3n) {
      r3.add({ address: p.delegator!, abi: operatorNetworkSpecificDelegatorAbi, functionName: 'network' }, (r) => {
        const x = ok<Address>(r);
        if (x === undefined) fail(v, `network() failed on delegator ${p.delegator}`);
        else p.network = getAddress(x);
      });
    }
    if (p.slasherType === 1n) {
      r3.add({ address: p.slasher!, abi: vetoSlasherAbi, functionName: 'vetoDuration' }, (r) => {
        const x = ok<number>(r);
        if (x === undefined) fail(v, `vetoDuration() failed on slasher ${p.slasher}`);
        else p.vetoDuration = Number(x);
      });
    }
  }
  await r3.run(ctx);

  for (const v of live()) {
    const p = parts.get(v)!;
    const slasherType: SlasherKind = p.slasher === zeroAddress ? 'none' : p.slasherType === 0n ? 'instant' : p.slasherType === 1n ? 'veto' : 'none';
    if (p.slasher !== zeroAddress && slasherType === 'none') {
      fail(v, `slasher ${p.slasher} has unknown TYPE ${p.slasherType}`);
      continue;
    }
    const f: VaultFacts = {
      vault: v,
      version: Number(p.version),
      collateral: p.collateral!,
      asset: { address: p.collateral!, symbol: sanitizeSymbol(p.symbol, p.collateral!), decimals: p.decimals! },
      delegator: p.delegator!,
      delegatorType: Number(p.delegatorType),
      slasher: p.slasher === zeroAddress ? null : p.slasher!,
      slasherType,
      ...(p.vetoDuration !== undefined ? { vetoDuration: p.vetoDuration } : {}),
      burner: p.burner!,
      burnerIsRouter: p.isRouter ?? false,
      epochDuration: p.epochDuration!,
      epochDurationInit: p.epochDurationInit!,
      ...(p.operator ? { operator: p.operator } : {}),
      ...(p.network ? { network: p.network } : {}),
    };
    if (f.epochDuration === 0) {
      fail(v, `vault ${v} reports epochDuration 0`);
      continue;
    }
    facts.set(v, f);
    ctx.cache.set(factsKey(ctx, v), f);
  }
  return { facts, failed };
}
