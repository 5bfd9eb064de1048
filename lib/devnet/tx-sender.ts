// Sends transactions from anvil's unlocked accounts (plain eth_sendTransaction: anvil fills gas and
// fees, no local signing) and confirms each with a tight eth_getTransactionReceipt loop instead of
// viem's block-polling waiter. anvil automines asynchronously, so sending the next transaction before
// the previous one is mined can make gas estimation see stale state and the tx revert later; the
// direct receipt poll costs ~1 ms per tx on loopback. Nonces are tracked locally so deployment
// addresses are known up front.
// Gas is a fixed generous limit, not anvil's estimate: the estimate was seen to come out short for
// calls whose path depends on block.number (slashOperator's queue window), making the tx run out of
// gas once mined. A reverted tx is then re-simulated on the parent block to report the revert reason.
import {
  createTestClient, getContractAddress, http, publicActions, walletActions,
  type Abi, type Address, type Hex, type ContractFunctionName, type ContractFunctionArgs,
} from 'viem';
import type { ContractArtifact } from './compile.js';
import { DevnetDeployError } from './errors.js';

export function devnetClient(rpcUrl: string) {
  return createTestClient({ mode: 'anvil', transport: http(rpcUrl), cacheTime: 0 }).extend(publicActions).extend(walletActions);
}
export type DevnetClient = ReturnType<typeof devnetClient>;

/** Below anvil's 30M block gas limit, above any single devnet transaction (largest deploy ~5M). */
const GAS_LIMIT = 15_000_000n;

export class TxSender {
  readonly hashes: Hex[] = [];
  private nonces = new Map<Address, number>();

  constructor(readonly client: DevnetClient) {}

  private async nextNonce(from: Address): Promise<number> {
    let n = this.nonces.get(from);
    if (n === undefined) n = await this.client.getTransactionCount({ address: from, blockTag: 'pending' });
    this.nonces.set(from, n + 1);
    return n;
  }

  async write<const abi extends Abi, fn extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    from: Address,
    address: Address,
    abi: abi,
    functionName: fn,
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', fn>,
    value?: bigint,
  ): Promise<Hex> {
    const nonce = await this.nextNonce(from);
    try {
      const request = { account: from, chain: null, address, abi, functionName, args, nonce, value, gas: GAS_LIMIT } as never;
      const hash = await this.client.writeContract(request);
      const block = await this.confirm(hash, String(functionName));
      if (block !== null) {
        const reason = await this.client
          .simulateContract({ ...(request as object), blockNumber: block - 1n } as never)
          .then(() => 'no revert when replayed on the parent block', (e: Error & { shortMessage?: string }) => e.shortMessage ?? e.message);
        throw new DevnetDeployError(`devnet ${String(functionName)} from ${from} reverted (${hash}): ${reason}`);
      }
      return hash;
    } catch (cause) {
      this.nonces.delete(from); // resync: a tx rejected at send time did not consume the nonce
      if (cause instanceof DevnetDeployError) throw cause;
      throw new DevnetDeployError(`devnet transaction ${String(functionName)} from ${from} failed`, undefined, { cause });
    }
  }

  /** Polls the receipt until the tx is mined; returns null on success, the block number on revert. */
  async confirm(hash: Hex, what = 'transaction'): Promise<bigint | null> {
    for (let i = 0; i < 3000; i++) {
      // Raw request: the test client's typed request() only lists anvil_* methods.
      const receipt = (await this.client.request({ method: 'eth_getTransactionReceipt', params: [hash] } as never)) as
        | { status: Hex; blockNumber: Hex }
        | null;
      if (receipt) return receipt.status === '0x1' ? null : BigInt(receipt.blockNumber);
      await new Promise((r) => setTimeout(r, i < 20 ? 1 : 10));
    }
    throw new DevnetDeployError(`devnet ${what} ${hash} was not mined within 30 s; is anvil automining?`);
  }

  /** Deploys `artifact`; the address is derived from (sender, nonce). */
  async deploy(from: Address, artifact: ContractArtifact, args: readonly unknown[] = []): Promise<Address> {
    const nonce = await this.nextNonce(from);
    try {
      const hash = await this.client.deployContract({ account: from, chain: null, abi: artifact.abi, bytecode: artifact.bytecode, args, nonce, gas: GAS_LIMIT } as never);
      if ((await this.confirm(hash, `deployment of ${artifact.name}`)) !== null) throw new DevnetDeployError(`deploying ${artifact.name} reverted (${hash})`);
    } catch (cause) {
      this.nonces.delete(from);
      if (cause instanceof DevnetDeployError) throw cause;
      throw new DevnetDeployError(`deploying ${artifact.name} failed`, undefined, { cause });
    }
    return getContractAddress({ from, nonce: BigInt(nonce) });
  }

  /** Forget tracked nonces, e.g. after evm_revert rewound the chain. */
  resetNonces(): void {
    this.nonces.clear();
    this.hashes.length = 0;
  }

  /** Waits for every sent transaction and throws if one reverted. */
  async settle(): Promise<void> {
    const pending = this.hashes.splice(0);
    const receipts = await Promise.all(pending.map((hash) => this.client.waitForTransactionReceipt({ hash, pollingInterval: 50 })));
    const bad = receipts.find((r) => r.status !== 'success');
    if (bad) throw new DevnetDeployError(`devnet transaction ${bad.transactionHash} reverted`);
  }
}
