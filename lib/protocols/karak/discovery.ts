// V2 discovery from Core logs (Core has no enumeration of vaults or of an operator's DSSs): vaults from
// DeployedVault, operator<->DSS registrations from (Un)RegisteredOperatorToDSS, pending stake updates
// from RequestedStakeUpdate minus FinishedStakeUpdate. Each list is cached with the last block scanned,
// so a refresh scans only blocks after the cursor, in ranges of SCAN_RANGE blocks (public RPCs cap
// eth_getLogs ranges), one getLogs per range for all five events (all are non-indexed: address + topic0).
import { getAddress, type Address } from 'viem';
import type { ReadContext } from '../adapter.js';
import { coreAbi } from './abi.js';

export const SCAN_RANGE = 10_000n;
/** Ranges fetched at once on a long first scan. */
const PARALLEL_RANGES = 4;

export interface DiscoveredVault {
  vault: Address;
  operator: Address;
  asset: Address;
}
export interface Registration {
  operator: Address;
  dss: Address;
}
export interface PendingStakeUpdate {
  nonce: number;
  startTimestamp: number;
  operator: Address;
  vault: Address;
  dss: Address;
  toStake: boolean;
}

export interface Discovery {
  vaults: DiscoveredVault[];
  registrations: Registration[];
  pendingStakeUpdates: PendingStakeUpdate[];
  /** getLogs ranges requested by this refresh (tests, benchmarks). */
  rangesScanned: number;
}

export const cacheKeys = (chainId: number, core: Address) => ({
  vaults: `karak:vaults:${chainId}:${getAddress(core)}`,
  registrations: `karak:registrations:${chainId}:${getAddress(core)}`,
  stakeUpdates: `karak:stake-updates:${chainId}:${getAddress(core)}`,
});

interface Cached<T> {
  items: T[];
  cursorBlock: number;
}

const isAddr = (x: unknown): x is Address => typeof x === 'string' && /^0x[0-9a-fA-F]{40}$/.test(x);

/** Cache values are persisted JSON: accept only well-formed ones, else start that list over. */
function load<T>(value: unknown, listKey: string, valid: (x: unknown) => x is T): Cached<T> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const list = v[listKey];
  if (!Array.isArray(list) || typeof v.cursorBlock !== 'number' || !Number.isSafeInteger(v.cursorBlock)) return undefined;
  if (!list.every(valid)) return undefined;
  return { items: list as T[], cursorBlock: v.cursorBlock };
}
const validVault = (x: unknown): x is DiscoveredVault =>
  typeof x === 'object' && x !== null && isAddr((x as DiscoveredVault).vault) && isAddr((x as DiscoveredVault).operator) && isAddr((x as DiscoveredVault).asset);
const validRegistration = (x: unknown): x is Registration =>
  typeof x === 'object' && x !== null && isAddr((x as Registration).operator) && isAddr((x as Registration).dss);
const validUpdate = (x: unknown): x is PendingStakeUpdate => {
  const u = x as PendingStakeUpdate;
  return typeof x === 'object' && x !== null && typeof u.nonce === 'number' && typeof u.startTimestamp === 'number' && isAddr(u.operator)
    && isAddr(u.vault) && isAddr(u.dss) && typeof u.toStake === 'boolean';
};

const EVENTS = ['DeployedVault', 'RegisteredOperatorToDSS', 'UnregisteredOperatorToDSS', 'RequestedStakeUpdate', 'FinishedStakeUpdate'] as const;
const coreEvents = coreAbi.filter((x) => x.type === 'event' && (EVENTS as readonly string[]).includes(x.name));
const sameUpdate = (a: PendingStakeUpdate, b: PendingStakeUpdate) =>
  a.nonce === b.nonce && a.startTimestamp === b.startTimestamp && a.operator === b.operator && a.vault === b.vault && a.dss === b.dss && a.toStake === b.toStake;

export async function discover(ctx: ReadContext, core: Address): Promise<Discovery> {
  const keys = cacheKeys(ctx.deployments.chainId, core);
  const start = ctx.deployments.karak?.fromBlock ?? 0;
  const empty = { items: [], cursorBlock: start - 1 };
  const vaults: Cached<DiscoveredVault> = load(ctx.cache.get(keys.vaults), 'vaults', validVault) ?? { ...empty, items: [] };
  const regs: Cached<Registration> = load(ctx.cache.get(keys.registrations), 'registrations', validRegistration) ?? { ...empty, items: [] };
  const updates: Cached<PendingStakeUpdate> = load(ctx.cache.get(keys.stakeUpdates), 'pending', validUpdate) ?? { ...empty, items: [] };

  const head = Number(ctx.blockNumber);
  const from = Math.min(vaults.cursorBlock, regs.cursorBlock, updates.cursorBlock) + 1;
  const ranges: [bigint, bigint][] = [];
  for (let lo = BigInt(Math.max(from, 0)); lo <= BigInt(head); lo += SCAN_RANGE) {
    const hi = lo + SCAN_RANGE - 1n;
    ranges.push([lo, hi > BigInt(head) ? BigInt(head) : hi]);
  }
  const logs = [];
  for (let i = 0; i < ranges.length; i += PARALLEL_RANGES) {
    const batch = await Promise.all(
      ranges.slice(i, i + PARALLEL_RANGES).map(([fromBlock, toBlock]) =>
        ctx.client.getLogs({ address: core, events: coreEvents, fromBlock, toBlock, strict: true }),
      ),
    );
    logs.push(...batch.flat());
  }
  logs.sort((a, b) => Number(a.blockNumber! - b.blockNumber!) || a.logIndex! - b.logIndex!);

  for (const log of logs) {
    const block = Number(log.blockNumber);
    const args = log.args as Record<string, unknown>;
    switch (log.eventName) {
      case 'DeployedVault':
        if (block > vaults.cursorBlock) {
          const v = { vault: getAddress(args.vault as string), operator: getAddress(args.operator as string), asset: getAddress(args.asset as string) };
          if (!vaults.items.some((x) => x.vault === v.vault)) vaults.items.push(v);
        }
        break;
      case 'RegisteredOperatorToDSS':
      case 'UnregisteredOperatorToDSS':
        if (block > regs.cursorBlock) {
          const r = { operator: getAddress(args.operator as string), dss: getAddress(args.dss as string) };
          regs.items = regs.items.filter((x) => !(x.operator === r.operator && x.dss === r.dss));
          if (log.eventName === 'RegisteredOperatorToDSS') regs.items.push(r);
        }
        break;
      case 'RequestedStakeUpdate':
      case 'FinishedStakeUpdate':
        if (block > updates.cursorBlock) {
          const q = args.updateRequest as { nonce: number; startTimestamp: number; operator: string; updateRequest: { vault: string; dss: string; toStake: boolean } };
          const u: PendingStakeUpdate = {
            nonce: Number(q.nonce), startTimestamp: Number(q.startTimestamp), operator: getAddress(q.operator),
            vault: getAddress(q.updateRequest.vault), dss: getAddress(q.updateRequest.dss), toStake: q.updateRequest.toStake,
          };
          updates.items = updates.items.filter((x) => !sameUpdate(x, u));
          if (log.eventName === 'RequestedStakeUpdate') updates.items.push(u);
        }
        break;
    }
  }
  // Only advance: a refresh pinned to an older block (another RPC behind) must not rewind the cursors.
  const cursor = (c: number) => Math.max(c, head);
  ctx.cache.set(keys.vaults, { vaults: vaults.items, cursorBlock: cursor(vaults.cursorBlock) });
  ctx.cache.set(keys.registrations, { registrations: regs.items, cursorBlock: cursor(regs.cursorBlock) });
  ctx.cache.set(keys.stakeUpdates, { pending: updates.items, cursorBlock: cursor(updates.cursorBlock) });
  return { vaults: vaults.items, registrations: regs.items, pendingStakeUpdates: updates.items, rangesScanned: ranges.length };
}
