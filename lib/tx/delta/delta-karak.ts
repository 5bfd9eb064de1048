// Karak deltas. A V2 deposit's "after" runs the adapter's assembleV2() on a hypothetical holding of
// the deposit in the vault: every DSS the vault is staked to can slash up to its max percentage of
// it (plus pending stake updates, shown with 0 now). V1 (no slashing) is in delta-karak-v1.ts.
import { erc20Abi, getAddress, type Address } from 'viem';
import { BadRpcResponseError } from '../../errors/errors.js';
import type { Asset } from '../../portfolio/types.js';
import { coreAbi, vaultAbi } from '../../protocols/karak/abi.js';
import { assembleV2, MIN_STAKE_UPDATE_DELAY, MIN_WITHDRAWAL_DELAY, type V2Holding } from '../../protocols/karak/assemble.js';
import { addBlockTime } from '../../protocols/karak/block-time.js';
import { discover } from '../../protocols/karak/discovery.js';
import { ok, Round, sanitizeSymbol } from '../../protocols/round.js';
import type { KarakV2Deposit, KarakV2StartRedeem } from '../types.js';
import { mergeExposures, scaleExposures, toDelta, type DeltaInput, type PartialDelta } from './delta-input.js';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const EXIT = { value: MIN_WITHDRAWAL_DELAY, unit: 'seconds' as const };

/** The vault as the adapter's V2Holding describes it (no holder yet), at the pinned block. */
type VaultNow = Omit<V2Holding, 'vault' | 'shares' | 'amount'> & {
  now: number;
  /** convertToAssets of the shares asked for (mint / startRedeem), else undefined. */
  assetsOfShares?: bigint;
};

async function readVault(input: DeltaInput<{ vault: Address }>, shares?: bigint): Promise<VaultNow> {
  const core = input.ctx.deployments.karak?.core;
  if (!core) throw new BadRpcResponseError('Karak V2 Core is not deployed on this chain');
  const vault = input.call.vault;
  const discovery = await discover(input.ctx, core);
  const r1 = new Round();
  const time = addBlockTime(r1, input.ctx);
  let config: { operator: Address; asset: Address } | undefined;
  let leverage: bigint | undefined;
  let assetsOfShares: bigint | undefined;
  r1.add({ address: vault, abi: vaultAbi, functionName: 'vaultConfig' }, (x) => void (config = ok<{ operator: Address; asset: Address }>(x)));
  r1.add({ address: core, abi: coreAbi, functionName: 'getLeverage', args: [vault] }, (x) => void (leverage = ok<bigint>(x)));
  if (shares !== undefined) r1.add({ address: vault, abi: vaultAbi, functionName: 'convertToAssets', args: [shares] }, (x) => void (assetsOfShares = ok<bigint>(x)));
  await r1.run(input.ctx);
  if (!config || leverage === undefined || time.value() === undefined) throw new BadRpcResponseError(`Karak vault ${vault}: vaultConfig()/getLeverage() could not be read`);
  if (shares !== undefined && assetsOfShares === undefined) throw new BadRpcResponseError(`Karak vault ${vault}: convertToAssets() could not be read`);
  const operator = getAddress(config.operator);
  const asset = getAddress(config.asset);
  const dsses = [...new Set(discovery.registrations.filter((r) => same(r.operator, operator)).map((r) => getAddress(r.dss)))];
  const updates = discovery.pendingStakeUpdates.filter((u) => same(u.vault, vault));
  const staked = new Map<Address, boolean>();
  const maxPct = new Map<Address, bigint>();
  const meta: { symbol?: string; decimals?: number } = {};
  const r2 = new Round();
  r2.add({ address: asset, abi: erc20Abi, functionName: 'symbol' }, (x) => void (meta.symbol = ok<string>(x)));
  r2.add({ address: asset, abi: erc20Abi, functionName: 'decimals' }, (x) => void (meta.decimals = ok<number>(x)));
  for (const dss of dsses) {
    r2.add({ address: core, abi: coreAbi, functionName: 'fetchVaultsStakedInDSS', args: [operator, dss] }, (x) => {
      const v = ok<readonly Address[]>(x);
      if (v) staked.set(dss, v.some((a) => same(a, vault)));
    });
  }
  for (const dss of new Set([...dsses, ...updates.map((u) => getAddress(u.dss))])) {
    r2.add({ address: core, abi: coreAbi, functionName: 'getDssMaxSlashablePercentageWad', args: [dss] }, (x) => {
      const v = ok<bigint>(x);
      if (v !== undefined) maxPct.set(dss, v);
    });
  }
  await r2.run(input.ctx);
  // An unreadable stake list must not read as "not staked" (that would hide a slasher).
  if (dsses.some((d) => !staked.has(d) || (staked.get(d) && !maxPct.has(d)))) throw new BadRpcResponseError(`Karak: the DSS stakes of operator ${operator} could not be read`);
  if (meta.decimals === undefined || meta.decimals > 77) throw new BadRpcResponseError(`token ${asset} has no readable decimals()`);
  return {
    operator, leverage, now: time.value()!, assetsOfShares,
    asset: { address: asset, symbol: sanitizeSymbol(meta.symbol, asset), decimals: meta.decimals },
    stakedTo: dsses.filter((d) => staked.get(d)).map((dss) => ({ dss, maxSlashablePercentageWad: maxPct.get(dss)! })),
    pendingUpdates: updates.map((u) => ({ dss: getAddress(u.dss), toStake: u.toStake, startTimestamp: u.startTimestamp, maxSlashablePercentageWad: maxPct.get(getAddress(u.dss)) ?? 0n })),
  };
}

const scopeOf = (input: DeltaInput<{ vault: Address }>) => toDelta(input.reading.exposures.filter((e) => e.protocol === 'karak' && e.karak && same(e.karak.vault, input.call.vault)));

export async function karakDepositDelta(input: DeltaInput<KarakV2Deposit>): Promise<PartialDelta> {
  const call = input.call;
  const v = await readVault(input, call.amountIs === 'shares' ? call.amount : undefined);
  const amount = call.amountIs === 'shares' ? v.assetsOfShares! : call.amount;
  const added = assembleV2([{ vault: call.vault, operator: v.operator, asset: v.asset, shares: amount === 0n ? 0n : 1n, amount, leverage: v.leverage, stakedTo: v.stakedTo, pendingUpdates: v.pendingUpdates }], [], v.now).exposures;
  const before = scopeOf(input);
  const credited = same(call.to, input.sender ?? '');
  const notes = [`A stake to a new DSS takes effect ${MIN_STAKE_UPDATE_DELAY / 86_400} days after the operator requests it; pending ones are listed with 0 now.`];
  if (!credited) notes.push(`The shares are credited to ${call.to}, not to the sending account.`);
  return {
    target: { kind: 'vault', address: call.vault },
    moving: [{ asset: v.asset, amount, direction: 'in' }],
    before,
    after: mergeExposures(credited ? before : [], toDelta(added)),
    exitDelay: EXIT,
    notes,
    gradeOf: { kind: 'karak-vault', address: call.vault },
  };
}

export async function karakStartRedeemDelta(input: DeltaInput<KarakV2StartRedeem>): Promise<PartialDelta> {
  const v = await readVault(input, input.call.shares);
  const before = scopeOf(input);
  const p = input.reading.positions.find((x) => x.karak?.version === 2 && same(x.karak.vault, input.call.vault));
  const leaving = p && v.assetsOfShares! > p.amount ? p.amount : v.assetsOfShares!;
  return {
    target: { kind: 'vault', address: input.call.vault },
    moving: [{ asset: v.asset, amount: leaving, direction: 'out' }],
    before,
    after: p ? scaleExposures(before, () => ({ keep: p.amount - leaving, total: p.amount })) : before,
    exitDelay: EXIT,
    notes: [`Redeemed shares stay in the vault and absorb slashes until you finish the redeem (${MIN_WITHDRAWAL_DELAY / 86_400} days).`],
    gradeOf: { kind: 'karak-vault', address: input.call.vault },
  };
}
