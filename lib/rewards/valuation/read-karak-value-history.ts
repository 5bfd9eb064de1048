// Karak pays no rewards on chain (reference §3.4): what an address can see is the value of its vault
// shares over time. For each Karak position, convertToAssets(the same shares) at the snapshot block and
// at the shared sample blocks: yield donated to a vault shows as a rise, a slash as a drop. V1 vaults are
// ERC-4626 too. Samples before a vault existed (or without archive state) are left out.
import type { Address } from 'viem';
import type { Call } from '../../chains/read-calls.js';
import { vaultAbi } from '../../protocols/karak/abi.js';
import type { RewardsReadContext, PositionsByAddress } from '../context.js';
import type { KarakValueHistory, ReadError } from '../types.js';
import { readAtBlocks } from './read-at-blocks.js';
import { sampleBlocks } from './sample-blocks.js';

export async function readKarakValueHistory(
  ctx: RewardsReadContext,
  addresses: readonly Address[],
  positions: PositionsByAddress,
): Promise<Map<Address, KarakValueHistory[] | ReadError>> {
  const out = new Map<Address, KarakValueHistory[] | ReadError>();
  const calls: Call[] = [];
  const callIndex = new Map<string, number>();
  const wanted = new Map<Address, { vault: Address; shares: bigint; asset: KarakValueHistory['asset']; call: number }[]>();
  for (const a of addresses) {
    const snap = positions.get(a);
    const failure = snap?.failures.find((f) => f.protocol === 'karak');
    if (!snap || failure) {
      out.set(a, { error: failure ? `Karak positions could not be read: ${failure.message}` : 'positions were not read for this address' });
      continue;
    }
    const list = [];
    for (const p of snap.positions) {
      if (p.protocol !== 'karak' || !p.karak || p.karak.shares <= 0n) continue;
      // One call per distinct (vault, shares): addresses holding the same shares share it.
      const key = `${p.karak.vault}:${p.karak.shares}`;
      let call = callIndex.get(key);
      if (call === undefined) {
        call = calls.push({ address: p.karak.vault, abi: vaultAbi, functionName: 'convertToAssets', args: [p.karak.shares] }) - 1;
        callIndex.set(key, call);
      }
      list.push({ vault: p.karak.vault, shares: p.karak.shares, asset: p.asset, call });
    }
    wanted.set(a, list);
  }
  const readings = calls.length ? await readAtBlocks(ctx, await sampleBlocks(ctx), calls) : [];
  const head = readings.at(-1)?.blockNumber === ctx.blockNumber ? readings.at(-1) : undefined;
  for (const [a, list] of wanted) {
    const histories: KarakValueHistory[] = [];
    let error: string | null = null;
    for (const w of list) {
      const now = head?.results[w.call];
      if (!now || now.status !== 'success' || typeof now.result !== 'bigint') {
        error = `convertToAssets failed on Karak vault ${w.vault} at the snapshot block`;
        break;
      }
      const points = readings.flatMap((r) => {
        const x = r.results[w.call]!;
        return x.status === 'success' && typeof x.result === 'bigint' ? [{ blockNumber: r.blockNumber, timestamp: r.timestamp, assets: x.result }] : [];
      });
      histories.push({ vault: w.vault, asset: w.asset, shares: w.shares, points });
    }
    out.set(a, error ? { error } : histories);
  }
  return out;
}
