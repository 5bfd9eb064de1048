// Per-token facts for one rewards refresh: cumulativeClaimed(earner, token) and the token's symbol and
// decimals, each requested once per round however many addresses or logs mention it.
import { erc20Abi, getAddress, type Address } from 'viem';
import { rewardsCoordinatorAbi } from '../../protocols/eigenlayer/abi.js';
import { Round, ok, sanitizeSymbol, why } from '../../protocols/round.js';
import type { Asset } from '../../portfolio/types.js';

export class TokenReads {
  private claimedBy = new Map<string, bigint>();
  private requested = new Set<string>();
  private symbols = new Map<Address, string | undefined>();
  private decimals = new Map<Address, number | undefined>();

  constructor(private readonly rc: Address) {}

  /** Adds the reads `earner`/`token` still needs to `round`; a failed cumulativeClaimed fails the earner. */
  want(round: Round, earner: Address, tokenIn: Address, fail: (a: Address, msg: string) => void): void {
    const token = getAddress(tokenIn);
    const key = `${earner.toLowerCase()}:${token.toLowerCase()}`;
    if (!this.requested.has(key)) {
      this.requested.add(key);
      round.add({ address: this.rc, abi: rewardsCoordinatorAbi, functionName: 'cumulativeClaimed', args: [earner, token] }, (r) => {
        const v = ok<bigint>(r);
        if (v === undefined) fail(earner, `cumulativeClaimed(${token}) failed${why(r)}`);
        else this.claimedBy.set(key, v);
      });
    }
    if (!this.symbols.has(token)) {
      this.symbols.set(token, undefined);
      round.add({ address: token, abi: erc20Abi, functionName: 'symbol' }, (r) => this.symbols.set(token, ok<string>(r)));
      round.add({ address: token, abi: erc20Abi, functionName: 'decimals' }, (r) => this.decimals.set(token, ok<number>(r)));
    }
  }

  claimed(earner: Address, token: Address): bigint | undefined {
    return this.claimedBy.get(`${earner.toLowerCase()}:${token.toLowerCase()}`);
  }

  /** A token whose decimals() fails is shown with 18 and its address as symbol: visibly odd, never hidden. */
  asset(tokenIn: Address): Asset {
    const token = getAddress(tokenIn);
    return { address: token, symbol: sanitizeSymbol(this.symbols.get(token), token), decimals: this.decimals.get(token) ?? 18 };
  }
}
