// One rewards refresh: positions first (or the caller's fresh snapshot), then every rewards source
// at the same block, so each figure matches the chain at the block shown beside it. A source that
// fails becomes a ReadError for the addresses it covers ("unknown"), never an empty or zero figure.
import type { Address } from 'viem';
import { createChainClient } from '../chains/client.js';
import { BEACON_CHAIN_ETH_STRATEGY } from '../chains/deployments.js';
import { isTransportError } from '../chains/read-calls.js';
import { memoryCache, type DiscoveryCache } from '../protocols/adapter.js';
import { readSnapshot, type ReadSnapshotOptions, type RefreshConfig } from '../portfolio/read-snapshot.js';
import type { AddressSnapshot, Asset, Snapshot } from '../portfolio/types.js';
import type { PositionsByAddress, RewardsReadContext, SidecarSettings } from './context.js';
import type { AddressRewards, BaseYield, EigenLayerRewards, KarakValueHistory, PriceQuote, ReadError, RewardsSnapshot, SymbioticVaultRewards } from './types.js';

type PerAddress<T> = Promise<Map<Address, T | ReadError>>;

/** The rewards sources; injected so tests and the benchmark can replace or count them. */
export interface RewardsReaders {
  eigenlayer(ctx: RewardsReadContext, addresses: readonly Address[], positions: PositionsByAddress): PerAddress<EigenLayerRewards>;
  symbiotic(ctx: RewardsReadContext, addresses: readonly Address[], positions: PositionsByAddress): PerAddress<SymbioticVaultRewards[]>;
  karak(ctx: RewardsReadContext, addresses: readonly Address[], positions: PositionsByAddress): PerAddress<KarakValueHistory[]>;
  baseYield(ctx: RewardsReadContext, assets: readonly Asset[]): Promise<(BaseYield | (ReadError & { token: Asset }))[]>;
  prices(ctx: RewardsReadContext): Promise<PriceQuote[] | ReadError>;
}

export interface ReadRewardsOptions extends ReadSnapshotOptions {
  /** Positions already read (e.g. by the background's refresh); rewards are then read at its block. */
  snapshot?: Snapshot;
  /** The opt-in EigenLayer rewards API; null/absent = off. */
  sidecar?: SidecarSettings | null;
  readers: RewardsReaders;
  rewardsCache?: DiscoveryCache;
}

export async function readRewards(config: RefreshConfig, addresses: readonly Address[], options: ReadRewardsOptions): Promise<{ snapshot: Snapshot; rewards: RewardsSnapshot }> {
  const snapshot = options.snapshot ?? (await readSnapshot(config, addresses, options));
  const batch = options.batch ?? true;
  const client = createChainClient({ ...config, batch, fetch: options.fetch, timeoutMs: options.timeoutMs, retryCount: options.retryCount });
  const ctx: RewardsReadContext = {
    client,
    deployments: config.deployments,
    blockNumber: snapshot.blockNumber,
    blockTimestamp: snapshot.blockTimestamp,
    batch,
    cache: options.rewardsCache ?? memoryCache(),
    sidecar: options.sidecar ?? null,
  };
  const positions: PositionsByAddress = new Map(snapshot.addresses.map((a) => [a.address, a]));
  const tracked = snapshot.addresses.map((a) => a.address);
  const d = config.deployments;
  const { readers } = options;

  // Sequential on purpose: each source batches its own reads, and running them one after another
  // keeps a rate-limited public RPC from seeing five bursts at once.
  // Once the RPC itself is unreachable, the remaining sources fail with the same reason at once
  // instead of each waiting out its own retries (a dead RPC must not hold the refresh lane).
  let dead: string | null = null;
  const attempt = async <T>(read: () => Promise<T>): Promise<T> => {
    if (dead) throw new Error(dead);
    try {
      return await read();
    } catch (error) {
      if (isTransportError(error)) dead = message(error);
      throw error;
    }
  };
  const guard = async <T>(addresses: readonly Address[], read: () => PerAddress<T>): Promise<Map<Address, T | ReadError>> => {
    try {
      return await attempt(read);
    } catch (error) {
      return new Map(addresses.map((a) => [a, { error: message(error) }]));
    }
  };
  const eigenlayer = d.eigenlayer?.rewardsCoordinator ? await guard(tracked, () => readers.eigenlayer(ctx, tracked, positions)) : null;
  const symbiotic = d.symbiotic && (d.symbiotic.stakerRewardsFactory || d.symbiotic.stakerRewardsFactoryV1)
    ? await guard(tracked, () => readers.symbiotic(ctx, tracked, positions))
    : null;
  const withKarak = tracked.filter((a) => positions.get(a)!.positions.some((p) => p.protocol === 'karak'));
  const karak = withKarak.length ? await guard(withKarak, () => readers.karak(ctx, withKarak, positions)) : null;
  const assets = heldAssets(snapshot.addresses);
  let baseYield: RewardsSnapshot['baseYield'];
  try {
    baseYield = assets.length ? await attempt(() => readers.baseYield(ctx, assets)) : [];
  } catch (error) {
    baseYield = assets.map((token) => ({ token, error: message(error) }));
  }
  let prices: RewardsSnapshot['prices'];
  try {
    prices = await attempt(() => readers.prices(ctx));
  } catch (error) {
    prices = { error: message(error) };
  }

  const rows: AddressRewards[] = snapshot.addresses.map((a) => ({
    address: a.address,
    eigenlayer: pick(eigenlayer, a.address),
    symbiotic: pick(symbiotic, a.address),
    karak: pick(karak, a.address),
    nativeEth: nativeEth(a),
  }));
  return {
    snapshot,
    rewards: {
      schemaVersion: 1,
      chainId: snapshot.chainId,
      blockNumber: snapshot.blockNumber,
      blockTimestamp: snapshot.blockTimestamp,
      fetchedAt: Date.now(),
      addresses: rows,
      baseYield,
      prices,
    },
  };
}

function pick<T>(map: Map<Address, T | ReadError> | null, address: Address): T | ReadError | null {
  if (!map) return null;
  // A reader that silently skipped an address must not make it look like "no rewards".
  return map.get(address) ?? { error: 'not read' };
}

/** Distinct ERC-20 assets held in positions or withdrawals (native ETH has no exchange rate). */
function heldAssets(addresses: readonly AddressSnapshot[]): Asset[] {
  const seen = new Map<string, Asset>();
  for (const a of addresses) {
    for (const x of [...a.positions, ...a.withdrawals]) {
      if (x.asset.address && !seen.has(x.asset.address.toLowerCase())) seen.set(x.asset.address.toLowerCase(), x.asset);
    }
  }
  return [...seen.values()];
}

function nativeEth(a: AddressSnapshot): AddressRewards['nativeEth'] {
  const pods = a.positions.filter((p) => p.protocol === 'eigenlayer' && p.strategy?.toLowerCase() === BEACON_CHAIN_ETH_STRATEGY.toLowerCase());
  if (pods.length === 0) return null;
  return { restakedWei: pods.reduce((s, p) => s + p.amount, 0n), validatorYield: 'not-measured' };
}

function message(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e.shortMessage ?? e.message ?? String(error)).split('\n')[0]!;
}
