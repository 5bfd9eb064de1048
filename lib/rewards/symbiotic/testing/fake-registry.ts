// Test-only: a client answering readContract (the non-batched read path) for staker-rewards
// factories and contracts, counting calls per function name.
import { getAddress, type Address, type PublicClient } from 'viem';

export interface FakeRewardsChain {
  factories: Record<string, Address[]>;
  /** contract -> VAULT() and version(); absent = both revert. */
  contracts: Record<string, { vault: Address; version: bigint }>;
}

export function fakeRegistryClient(chain: FakeRewardsChain) {
  const calls: Record<string, number> = {};
  const revert = () => Object.assign(new Error('execution reverted'), { name: 'ContractFunctionExecutionError' });
  const client = {
    async readContract({ address, functionName, args }: { address: Address; functionName: string; args?: readonly unknown[] }) {
      calls[functionName] = (calls[functionName] ?? 0) + 1;
      const key = getAddress(address);
      if (functionName === 'totalEntities') return BigInt(chain.factories[key]!.length);
      if (functionName === 'entity') return chain.factories[key]![Number(args![0])];
      const c = chain.contracts[key];
      if (!c) throw revert();
      if (functionName === 'VAULT') return c.vault;
      if (functionName === 'version') return c.version;
      throw revert();
    },
  };
  return { client: client as unknown as PublicClient, calls };
}
