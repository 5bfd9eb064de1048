// Evidence -> a short label and an https explorer link for the chain. Chains without a known
// public explorer (a local devnet) get the label only: a link to another chain's explorer would
// point at the wrong thing.
import type { Evidence } from '../risk/facts/fact.js';
import type { EvidenceRef } from './protocol.js';

const EXPLORERS: Record<number, string> = {
  1: 'https://etherscan.io',
  17000: 'https://holesky.etherscan.io',
  560048: 'https://hoodi.etherscan.io',
  11155111: 'https://sepolia.etherscan.io',
};

const HEX_TX = /^0x[0-9a-fA-F]{64}$/;
const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function explorerUrl(chainId: number, target: { tx?: string; address?: string }): string | null {
  const base = EXPLORERS[chainId];
  if (!base) return null;
  if (target.tx && HEX_TX.test(target.tx)) return `${base}/tx/${target.tx}`;
  if (target.address && HEX_ADDRESS.test(target.address)) return `${base}/address/${target.address}`;
  return null;
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function evidenceRef(chainId: number, e: Evidence): EvidenceRef {
  const what = e.function ?? e.event ?? e.kind;
  const tx = e.txHash ? ` (tx ${e.txHash.slice(0, 10)}…)` : '';
  const label = cut(`${what} = ${e.value} at block ${e.block}${tx}`, 200);
  return { label, url: explorerUrl(chainId, e.txHash ? { tx: e.txHash } : { address: e.contract }) };
}
