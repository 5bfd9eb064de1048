import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../portfolio/types.js';
import { exposureIndex, isExposed } from './exposure-index.js';

const OP1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OP2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const AVS = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const VAULT = '0x120227D03bB345604599b9c11d6Bc9486d4Ae3F7';
const NET = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const asset = { address: null, symbol: 'ETH', decimals: 18 };

const snapshot = {
  schemaVersion: 1, chainId: 31337, blockNumber: 1n, blockTimestamp: 1, fetchedAt: 1,
  addresses: [{
    address: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
    positions: [
      { protocol: 'eigenlayer', operator: OP1, asset, amount: 1n },
      { protocol: 'symbiotic', operator: null, asset, amount: 1n, symbiotic: { vault: VAULT } },
    ],
    exposures: [
      { protocol: 'eigenlayer', operator: OP1, service: AVS, serviceSetId: 1, asset, slashableAmount: 1n, pending: null, redistributes: true, slasher: AVS },
      { protocol: 'symbiotic', operator: OP2, service: NET, serviceSetId: 0, asset, slashableAmount: 1n, pending: null, redistributes: false, slasher: null, symbiotic: { vault: VAULT } },
    ],
    withdrawals: [],
    failures: [],
  }],
} as unknown as Snapshot;

describe('exposure index', () => {
  const index = exposureIndex(snapshot);
  it('marks the operators, services, operator sets and vaults the tracked stake touches, per protocol', () => {
    expect(isExposed(index, 'eigenlayer-operator', OP1.toLowerCase())).toBe(true);
    expect(isExposed(index, 'eigenlayer-avs', AVS)).toBe(true);
    expect(isExposed(index, 'eigenlayer-operator-set', AVS, 1)).toBe(true);
    expect(isExposed(index, 'symbiotic-vault', VAULT)).toBe(true);
    expect(isExposed(index, 'symbiotic-network', NET)).toBe(true);
    expect(isExposed(index, 'symbiotic-operator', OP2)).toBe(true);
  });
  it('is protocol-exact: an operator exposed through Symbiotic is not an exposed EigenLayer operator', () => {
    expect(isExposed(index, 'eigenlayer-operator', OP2)).toBe(false);
    expect(isExposed(index, 'eigenlayer-operator-set', AVS, 0)).toBe(false);
    expect(isExposed(index, 'karak-vault', VAULT)).toBe(false);
  });
  it('holds no tracked address and no amount', () => {
    const all = [...index].join(' ');
    expect(all).not.toContain('9965507d');
    expect(exposureIndex(null).size).toBe(0);
  });
});
