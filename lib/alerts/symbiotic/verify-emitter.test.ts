import { describe, expect, it } from 'vitest';
import { ContractFunctionExecutionError, ContractFunctionRevertedError, HttpRequestError, type Address } from 'viem';
import { isCallRefused } from '../reads-common.js';
import { verifyEmitter, type EmitterReads } from './verify-emitter.js';

const VAULT = '0x1111111111111111111111111111111111111111' as Address;
const SLASHER = '0x2222222222222222222222222222222222222222' as Address;
const DELEGATOR = '0x3333333333333333333333333333333333333333' as Address;
const FAKE = '0x4444444444444444444444444444444444444444' as Address;

/** A chain with one real vault (its slasher and delegator) and a fake contract claiming that vault. */
const reads: EmitterReads = {
  isEntity: async (v) => v.toLowerCase() === VAULT.toLowerCase(),
  vaultOf: async (c) => ([SLASHER, DELEGATOR, FAKE].includes(c) ? VAULT : null),
  partOf: async (_v, kind) => (kind === 'slasher' ? SLASHER : DELEGATOR),
};

describe('verifyEmitter', () => {
  it('accepts factory vaults and the slasher / delegator their vault names', async () => {
    expect(await verifyEmitter(reads, 'vault', VAULT, 1n)).toBe(VAULT);
    expect(await verifyEmitter(reads, 'slasher', SLASHER, 1n)).toBe(VAULT);
    expect(await verifyEmitter(reads, 'delegator', DELEGATOR, 1n)).toBe(VAULT);
  });

  it('ignores a look-alike emitter: not a factory entity, or claiming a vault that does not name it back', async () => {
    expect(await verifyEmitter(reads, 'vault', FAKE, 1n)).toBeNull();
    expect(await verifyEmitter(reads, 'slasher', FAKE, 1n)).toBeNull();
    expect(await verifyEmitter(reads, 'delegator', FAKE, 1n)).toBeNull();
    expect(await verifyEmitter(reads, 'slasher', DELEGATOR, 1n)).toBeNull(); // a delegator posing as the slasher
    expect(await verifyEmitter({ ...reads, vaultOf: async () => null }, 'slasher', SLASHER, 1n)).toBeNull();
  });

  it('a revert means "not that contract"; a transport failure is not (the scan must stop)', () => {
    const revert = new ContractFunctionExecutionError(new ContractFunctionRevertedError({ abi: [], functionName: 'vault' }), { abi: [], functionName: 'vault' });
    expect(isCallRefused(revert)).toBe(true);
    const down = new ContractFunctionExecutionError(new HttpRequestError({ url: 'http://x', status: 503 }), { abi: [], functionName: 'vault' });
    expect(isCallRefused(down)).toBe(false);
    expect(isCallRefused(new Error('boom'))).toBe(false);
  });
});
