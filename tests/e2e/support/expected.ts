// Independent expectations for e2e: read straight from the devnet contracts with plain viem calls
// (not through the extension's engine), at a block the test names.
import { readFileSync } from 'node:fs';
import { createPublicClient, erc20Abi, http, parseAbi, type Address } from 'viem';

const dmAbi = parseAbi([
  'function getDepositedShares(address staker) view returns (address[], uint256[])',
  'function getWithdrawableShares(address staker, address[] strategies) view returns (uint256[] withdrawableShares, uint256[] depositShares)',
]);
const strategyAbi = parseAbi(['function sharesToUnderlyingView(uint256) view returns (uint256)', 'function underlyingToken() view returns (address)']);
const BEACON = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0';

export interface Manifest {
  rpcUrl: string;
  chainId: number;
  contracts: { eigenlayer: { delegationManager: Address } };
  actors: { role: string; name: string; address: Address; keyIndex: number }[];
}

export const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

export async function expectedPositions(rpcUrl: string, manifest: Manifest, staker: Address, blockNumber: bigint) {
  const client = createPublicClient({ transport: http(rpcUrl), cacheTime: 0 });
  const dm = manifest.contracts.eigenlayer.delegationManager;
  const [strategies] = await client.readContract({ address: dm, abi: dmAbi, functionName: 'getDepositedShares', args: [staker], blockNumber });
  const [withdrawable] = await client.readContract({ address: dm, abi: dmAbi, functionName: 'getWithdrawableShares', args: [staker, strategies], blockNumber });
  return Promise.all(
    strategies.map(async (s, i) => {
      if (s.toLowerCase() === BEACON.toLowerCase()) return { symbol: 'ETH', amount: withdrawable[i]! };
      const token = await client.readContract({ address: s, abi: strategyAbi, functionName: 'underlyingToken', blockNumber });
      const symbol = await client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol', blockNumber });
      const amount = await client.readContract({ address: s, abi: strategyAbi, functionName: 'sharesToUnderlyingView', args: [withdrawable[i]!], blockNumber });
      return { symbol, amount };
    }),
  );
}

const symbioticVaultAbi = parseAbi(['function activeBalanceOf(address) view returns (uint256)']);
const karakVaultAbi = parseAbi(['function balanceOf(address) view returns (uint256)', 'function convertToAssets(uint256) view returns (uint256)']);
const karakV1Abi = parseAbi(['function getDeposits(address) view returns (address[] vaults, address[] tokens, uint256[] assets, uint256[] shares)']);

interface FullManifest extends Manifest {
  contracts: Manifest['contracts'] & { karak?: { vaultSupervisor: Address } };
  scenario: {
    symbiotic?: { vaults: { address: Address; collateralSymbol: string }[] };
    karak?: { vaults: { address: Address; asset: Address }[] };
  };
}

/**
 * Symbiotic and Karak amounts of one staker, read straight from the vaults (not through the engine):
 * `protocol:amount` entries for every vault with a non-zero balance.
 */
export async function expectedVaultAmounts(rpcUrl: string, manifest: Manifest, staker: Address, blockNumber: bigint): Promise<string[]> {
  const m = manifest as FullManifest;
  const client = createPublicClient({ transport: http(rpcUrl), cacheTime: 0 });
  const out: string[] = [];
  for (const v of m.scenario.symbiotic?.vaults ?? []) {
    const amount = await client.readContract({ address: v.address, abi: symbioticVaultAbi, functionName: 'activeBalanceOf', args: [staker], blockNumber });
    if (amount > 0n) out.push(`symbiotic:${amount}`);
  }
  for (const v of m.scenario.karak?.vaults ?? []) {
    const shares = await client.readContract({ address: v.address, abi: karakVaultAbi, functionName: 'balanceOf', args: [staker], blockNumber });
    if (shares === 0n) continue;
    const amount = await client.readContract({ address: v.address, abi: karakVaultAbi, functionName: 'convertToAssets', args: [shares], blockNumber });
    out.push(`karak:${amount}`);
  }
  if (m.contracts.karak?.vaultSupervisor) {
    const [, , assets] = await client.readContract({ address: m.contracts.karak.vaultSupervisor, abi: karakV1Abi, functionName: 'getDeposits', args: [staker], blockNumber });
    for (const a of assets) if (a > 0n) out.push(`karak:${a}`);
  }
  return out.sort();
}
