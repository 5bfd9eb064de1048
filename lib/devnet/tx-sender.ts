// Sends transactions from anvil's unlocked accounts without waiting for each receipt: anvil automines
// every transaction as it arrives and estimates gas (so a revert surfaces at send time). Nonces are
// tracked locally, which makes deployment addresses known before the receipt exists.
// Receipts are checked in one batch by settle().
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
      const hash = await this.client.writeContract({ account: from, chain: null, address, abi, functionName, args, nonce, value } as never);
      this.hashes.push(hash);
      return hash;
    } catch (cause) {
      this.nonces.delete(from); // resync: the failed tx did not consume the nonce
      throw new DevnetDeployError(`devnet transaction ${String(functionName)} from ${from} failed`, undefined, { cause });
    }
  }

  /** Deploys `artifact`; the address comes from (sender, nonce), no receipt needed. */
  async deploy(from: Address, artifact: ContractArtifact, args: readonly unknown[] = []): Promise<Address> {
    const nonce = await this.nextNonce(from);
    try {
      const hash = await this.client.deployContract({ account: from, chain: null, abi: artifact.abi, bytecode: artifact.bytecode, args, nonce } as never);
      this.hashes.push(hash);
    } catch (cause) {
      this.nonces.delete(from);
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
