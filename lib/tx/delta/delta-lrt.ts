// Liquid restaking deposits: the user gets an LRT, not a position of their own, so the delta is a
// look-through of the pool: the amount in, the token out, the restaking protocols the registry says
// the LRT pools into, and — where the registry lists the LRT's EigenLayer-delegating contracts — the
// operators those contracts are delegated to now (delegatedTo, read at the pinned block) with each
// operator's grade. Slashes reduce the LRT's value for every holder pro rata, and the user cannot
// pick or leave an operator: the dialog says so, and says what could not be established.
import { erc20Abi, getAddress, zeroAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset } from '../../portfolio/types.js';
import { delegationManagerAbi } from '../../protocols/eigenlayer/abi.js';
import { ok, Round, sanitizeSymbol } from '../../protocols/round.js';
import type { Registry } from '../../registry/registry.js';
import type { LrtDeposit } from '../types.js';
import type { DeltaInput, PartialDelta } from './delta-input.js';
import { lrtRecordFromRegistry } from './lrt-look-through.js';
import type { DeltaGrade, PooledDelegation } from './types.js';

export interface LrtDeltaDeps {
  /** Raw lrt-tokens.json (BUNDLED_LRT_FILE in production). */
  lrtFile: unknown;
  registry: Registry;
  chainId: number;
  /** The risk engine's grade of one EigenLayer operator at the pinned block. */
  gradeOperator(operator: Address): Promise<DeltaGrade | null>;
}

/** Tokens a deposit function implies by name (§6.4): mainnet addresses, all 18 decimals. */
const IMPLIED: Record<string, Asset> = {
  native: { address: null, symbol: 'ETH', decimals: 18 },
  stETH: { address: '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', symbol: 'stETH', decimals: 18 },
  wstETH: { address: '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0', symbol: 'wstETH', decimals: 18 },
  WETH: { address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', symbol: 'WETH', decimals: 18 },
};

async function readToken(input: DeltaInput<unknown>, token: Address): Promise<Asset> {
  const meta: { symbol?: string; decimals?: number } = {};
  const r = new Round();
  r.add({ address: token, abi: erc20Abi, functionName: 'symbol' }, (x) => void (meta.symbol = ok<string>(x)));
  r.add({ address: token, abi: erc20Abi, functionName: 'decimals' }, (x) => void (meta.decimals = ok<number>(x)));
  await r.run(input.ctx);
  if (meta.decimals === undefined || meta.decimals > 77) throw new BadRpcResponseError(`token ${token} has no readable decimals()`);
  return { address: token, symbol: sanitizeSymbol(meta.symbol, token), decimals: meta.decimals };
}

async function readDelegations(input: DeltaInput<unknown>, contracts: { contract: Address; role: string }[]): Promise<Map<Address, Address | null | undefined>> {
  const out = new Map<Address, Address | null | undefined>(contracts.map((c) => [c.contract, undefined]));
  const r = new Round();
  for (const { contract } of contracts) {
    r.add({ address: input.ctx.deployments.eigenlayer!.delegationManager, abi: delegationManagerAbi, functionName: 'delegatedTo', args: [contract] }, (x) => {
      const v = ok<Address>(x);
      if (v !== undefined) out.set(contract, v === zeroAddress ? null : getAddress(v));
    });
  }
  await r.run(input.ctx);
  return out;
}

export async function lrtDepositDelta(input: DeltaInput<LrtDeposit>, deps: LrtDeltaDeps): Promise<PartialDelta> {
  const call = input.call;
  const chainId = deps.chainId;
  const record = lrtRecordFromRegistry(deps.lrtFile, call.lrt.address);
  const lrtAsset = await readToken(input, call.lrt.address);
  const asset = call.amountIs === 'lrt-shares' ? lrtAsset : typeof call.asset === 'string' && IMPLIED[call.asset] ? IMPLIED[call.asset]! : await readToken(input, call.asset as Address);
  const symbol = lrtAsset.symbol;
  const unknowns: string[] = [];
  const notes: string[] = [];
  if (call.amountIs === 'steth-shares') notes.push('The amount counts stETH shares (PufferVault.depositStETH), not stETH: the stETH moved is a little more.');
  if (call.amountIs === 'lrt-shares') notes.push(`The amount is the ${symbol} you ask for; the vault sets the WETH it takes.`);
  if (call.recipient && input.sender && call.recipient.toLowerCase() !== input.sender.toLowerCase()) notes.push(`The ${symbol} goes to ${call.recipient}, not to the sending account.`);

  const delegations: PooledDelegation[] = [];
  if (!record) unknowns.push(`The registry has no record of ${symbol}: where its pool is restaked is not established.`);
  else {
    if (!record.restakesInto) unknowns.push(`The registry does not say which restaking protocols ${symbol} pools into.`);
    const others = (record.restakesInto ?? []).filter((p) => p !== 'EigenLayer');
    if (others.length > 0) unknowns.push(`Which ${others.join(' and ')} vaults or operators hold ${symbol}'s stake is not established.`);
    const onEigenLayer = record.restakesInto?.includes('EigenLayer') ?? false;
    if (onEigenLayer && record.delegators.length === 0) unknowns.push(`The registry lists no contract through which ${symbol} delegates on EigenLayer: its operators are not established.`);
    if (onEigenLayer && record.delegators.length > 0 && !input.ctx.deployments.eigenlayer) unknowns.push(`EigenLayer is not deployed on chain ${chainId}: ${symbol}'s operators could not be read.`);
    if (onEigenLayer && record.delegators.length > 0 && input.ctx.deployments.eigenlayer) {
      const read = await readDelegations(input, record.delegators);
      const grades = new Map<string, DeltaGrade | null>();
      for (const op of new Set([...read.values()].filter((o): o is Address => Boolean(o)))) {
        try {
          grades.set(op, await deps.gradeOperator(op));
        } catch (e) {
          grades.set(op, null);
          unknowns.push(`The risk grade of operator ${op} could not be computed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
        }
      }
      for (const d of record.delegators) {
        const operator = read.get(d.contract);
        if (operator === undefined) unknowns.push(`delegatedTo(${d.contract}) (${d.role}) could not be read.`);
        delegations.push({ ...d, operator, operatorName: operator ? deps.registry.lookup(operator, chainId)[0]?.name ?? null : null, grade: operator ? grades.get(operator) ?? null : null });
      }
      const unlisted = 'the registry may not list all of them, and stake held by EigenPods (native restaking) is delegated by pod owners it does not list';
      notes.push(`Operators found through ${record.delegators.length} registry-listed contract${record.delegators.length > 1 ? 's' : ''}; ${unlisted}.`);
    }
  }
  notes.unshift(`Losses are pooled: a slash of any operator or service behind ${symbol} lowers the value of every ${symbol} pro rata, whoever deposited; you cannot choose or leave an operator, only sell or redeem ${symbol}.`);
  return {
    target: { kind: 'lrt', address: call.target },
    moving: [{ asset, amount: call.amount, direction: 'in' }],
    before: [], after: [],
    exitDelay: null,
    notes,
    gradeOf: null,
    pooled: {
      lrt: { symbol, address: call.lrt.address, name: record?.name ?? null },
      lrtProtocol: record?.protocol ?? call.lrtProtocol,
      restakesInto: record?.restakesInto ?? null,
      delegations,
      unknowns,
    },
  };
}
