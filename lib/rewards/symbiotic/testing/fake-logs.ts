// Test-only: real-shaped DefaultStakerRewards logs (v1 and v2 event layouts built with viem's
// encodeEventTopics/encodeAbiParameters, as a node returns them from eth_getLogs) and a fake
// client that answers eth_getLogs from such logs, honouring the address, topic0 and topic1..3 filters.
import { encodeAbiParameters, encodeEventTopics, numberToHex, type Address, type Hex, type PublicClient } from 'viem';
import { stakerRewardsV1EventsAbi, stakerRewardsV2Abi } from '../abi.js';

export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
  logIndex: Hex;
  blockHash: Hex;
  transactionIndex: Hex;
  removed: boolean;
}

const hash = (n: number, salt: number): Hex => `0x${(n * 1000 + salt).toString(16).padStart(64, '0')}`;

function raw(address: Address, topics: Hex[], data: Hex, block: number, logIndex: number): RawLog {
  return { address, topics, data, blockNumber: numberToHex(block), transactionHash: hash(block, logIndex), logIndex: numberToHex(logIndex), blockHash: hash(block, 999), transactionIndex: '0x0', removed: false };
}

export function v2ClaimLog(a: { contract: Address; network: Address; token: Address; claimer: Address; recipient: Address; amount: bigint; block: number; logIndex?: number }): RawLog {
  const topics = encodeEventTopics({ abi: stakerRewardsV2Abi, eventName: 'ClaimRewards', args: { network: a.network, token: a.token, claimer: a.claimer } }) as Hex[];
  const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'address' }], [a.amount, a.recipient]);
  return raw(a.contract, topics, data, a.block, a.logIndex ?? 0);
}

export function v1ClaimLog(a: { contract: Address; network: Address; token: Address; claimer: Address; recipient: Address; amount: bigint; block: number; logIndex?: number; firstRewardIndex?: bigint; numRewards?: bigint }): RawLog {
  const topics = encodeEventTopics({ abi: stakerRewardsV1EventsAbi, eventName: 'ClaimRewards', args: { token: a.token, network: a.network, claimer: a.claimer } }) as Hex[];
  const data = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }], [a.recipient, a.firstRewardIndex ?? 0n, a.numRewards ?? 1n, a.amount]);
  return raw(a.contract, topics, data, a.block, a.logIndex ?? 0);
}

export function v2DistributeLog(a: { contract: Address; network: Address; token: Address; amount: bigint; fee: bigint; timestamp: number; block: number; logIndex?: number }): RawLog {
  const topics = encodeEventTopics({ abi: stakerRewardsV2Abi, eventName: 'DistributeRewards', args: { network: a.network, token: a.token } }) as Hex[];
  const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }, { type: 'uint48' }], [a.amount, a.fee, a.timestamp]);
  return raw(a.contract, topics, data, a.block, a.logIndex ?? 0);
}

export function v1DistributeLog(a: { contract: Address; network: Address; token: Address; amount: bigint; timestamp: number; block: number; logIndex?: number }): RawLog {
  const topics = encodeEventTopics({ abi: stakerRewardsV1EventsAbi, eventName: 'DistributeRewards', args: { network: a.network, token: a.token } }) as Hex[];
  // v1 `data` = abi.encode(uint48 timestamp, uint256 maxAdminFee, bytes activeSharesHint, bytes activeStakeHint)
  const inner = encodeAbiParameters([{ type: 'uint48' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bytes' }], [a.timestamp, 1000n, '0x', '0x']);
  const data = encodeAbiParameters([{ type: 'uint256' }, { type: 'bytes' }], [a.amount, inner]);
  return raw(a.contract, topics, data, a.block, a.logIndex ?? 0);
}

export interface GetLogsCall {
  fromBlock: number;
  toBlock: number;
  address: Address[];
  topics: (Hex[] | null)[];
}

/** A client whose eth_getLogs filters `logs` like a node; `maxRange` makes it refuse wider ranges. */
export function fakeLogsClient(logs: RawLog[], opts: { maxRange?: number } = {}) {
  const calls: GetLogsCall[] = [];
  const client = {
    async request({ method, params }: { method: string; params: [{ fromBlock: Hex; toBlock: Hex; address: Address[]; topics: (Hex[] | null)[] }] }) {
      if (method !== 'eth_getLogs') throw new Error(`unexpected ${method}`);
      const p = params[0];
      const call = { fromBlock: Number(p.fromBlock), toBlock: Number(p.toBlock), address: p.address, topics: p.topics };
      calls.push(call);
      if (opts.maxRange && call.toBlock - call.fromBlock + 1 > opts.maxRange) throw Object.assign(new Error(`query exceeds max block range ${opts.maxRange}`), { code: -32602 });
      const lower = (xs: readonly string[]) => xs.map((x) => x.toLowerCase());
      return logs.filter((l) => {
        const b = Number(l.blockNumber);
        if (b < call.fromBlock || b > call.toBlock) return false;
        if (!lower(call.address).includes(l.address.toLowerCase())) return false;
        return call.topics.every((t, i) => t === null || lower(t).includes((l.topics[i] ?? '').toLowerCase()));
      });
    },
  };
  return { client: client as unknown as PublicClient, calls };
}
