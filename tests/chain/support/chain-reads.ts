// Independent reads for chain tests: plain viem calls with ABI fragments written here (not the
// engine's ABI module or adapter), so expected figures never come from the code under test.
import { createTestClient, http, parseAbi, publicActions, walletActions, type Address } from 'viem';

export const WAD = 10n ** 18n;
export const BEACON = '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0' as Address;

export const dmAbi = parseAbi([
  'struct Withdrawal { address staker; address delegatedTo; address withdrawer; uint256 nonce; uint32 startBlock; address[] strategies; uint256[] scaledShares; }',
  'function delegatedTo(address) view returns (address)',
  'function getDepositedShares(address) view returns (address[], uint256[])',
  'function depositScalingFactor(address, address) view returns (uint256)',
  'function getQueuedWithdrawals(address) view returns (Withdrawal[], uint256[][])',
  'function minWithdrawalDelayBlocks() view returns (uint32)',
]);
export const amAbi = parseAbi([
  'struct OperatorSet { address avs; uint32 id; }',
  'struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }',
  'struct SlashingParams { address operator; uint32 operatorSetId; address[] strategies; uint256[] wadsToSlash; string description; }',
  'function getAllocatedSets(address) view returns (OperatorSet[])',
  'function getAllocation(address, OperatorSet, address) view returns (Allocation)',
  'function getMaxMagnitudes(address, address[]) view returns (uint64[])',
  'function getSlasher(OperatorSet) view returns (address)',
  'function isOperatorSlashable(address, OperatorSet) view returns (bool)',
  'function slashOperator(address avs, SlashingParams params) returns (uint256, uint256[])',
]);
export const epmAbi = parseAbi(['function beaconChainSlashingFactor(address) view returns (uint64)']);
export const strategyAbi = parseAbi(['function totalShares() view returns (uint256)', 'function underlyingToken() view returns (address)']);
export const tokenAbi = parseAbi(['function balanceOf(address) view returns (uint256)']);

export interface Manifest {
  rpcUrl: string;
  chainId: number;
  contracts: {
    multicall3: Address;
    eigenlayer: { delegationManager: Address; strategyManager: Address; eigenPodManager: Address; allocationManager: Address };
    tokens: { symbol: string; address: Address; decimals: number; strategy: Address }[];
  };
  parameters: Record<string, number>;
  actors: { role: string; name: string; address: Address; keyIndex: number }[];
}

export function chainClient(rpcUrl: string) {
  return createTestClient({ mode: 'anvil', transport: http(rpcUrl), cacheTime: 0 }).extend(publicActions).extend(walletActions);
}
export type ChainClient = ReturnType<typeof chainClient>;

/** mulWad as EigenLayer's SlashingLib does it: floor(a × b / 1e18). */
export const mulWad = (a: bigint, b: bigint) => (a * b) / WAD;

/** StrategyBase conversion with mainnet's virtual offsets (1e3 shares, 1e3 wei). */
export async function underlyingOf(c: ChainClient, strategy: Address, shares: bigint, blockNumber: bigint): Promise<bigint> {
  const token = await c.readContract({ address: strategy, abi: strategyAbi, functionName: 'underlyingToken', blockNumber });
  const balance = await c.readContract({ address: token, abi: tokenAbi, functionName: 'balanceOf', args: [strategy], blockNumber });
  const total = await c.readContract({ address: strategy, abi: strategyAbi, functionName: 'totalShares', blockNumber });
  return ((balance + 1000n) * shares) / (total + 1000n);
}

/** Withdrawable shares from the primitives: deposit × depositScalingFactor × slashing factor. */
export async function withdrawableOf(c: ChainClient, m: Manifest, staker: Address, strategy: Address, deposit: bigint, blockNumber: bigint): Promise<bigint> {
  const el = m.contracts.eigenlayer;
  const dsf = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'depositScalingFactor', args: [staker, strategy], blockNumber });
  const operator = await c.readContract({ address: el.delegationManager, abi: dmAbi, functionName: 'delegatedTo', args: [staker], blockNumber });
  let factor = WAD;
  if (operator !== '0x0000000000000000000000000000000000000000') {
    [factor] = (await c.readContract({ address: el.allocationManager, abi: amAbi, functionName: 'getMaxMagnitudes', args: [operator, [strategy]], blockNumber })) as [bigint];
  }
  if (strategy.toLowerCase() === BEACON.toLowerCase()) {
    const beacon = await c.readContract({ address: el.eigenPodManager, abi: epmAbi, functionName: 'beaconChainSlashingFactor', args: [staker], blockNumber });
    factor = mulWad(factor, beacon);
  }
  return mulWad(mulWad(deposit, dsf), factor);
}
