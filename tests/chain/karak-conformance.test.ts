// The Karak devnet contracts must expose the mainnet ABI of lib/protocols/karak/abi.ts exactly: same
// selectors/topics, mutability, output types and indexed flags, checked against solc's own ABI and
// methodIdentifiers output (abi.test.ts checks our ABI against the reference).
import { describe, expect, it } from 'vitest';
import { formatAbiItem, formatAbiParams } from 'viem/utils';
import { toEventSelector, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction } from 'viem';
import * as karak from '../../lib/protocols/karak/abi.js';
import { compileContracts } from '../../lib/devnet/compile.js';

const PAIRS: [keyof typeof karak, string][] = [
  ['coreAbi', 'KarakCore'],
  ['vaultAbi', 'KarakVault'],
  ['vaultSupervisorAbi', 'KarakVaultSupervisor'],
  ['delegationSupervisorAbi', 'KarakDelegationSupervisor'],
];

// Canonical signatures and output lists with viem's own formatter (tuples expanded, names dropped).
const signature = (item: AbiFunction | AbiEvent) => formatAbiItem(item);

const artifacts = compileContracts();

describe('devnet contracts conform to the mainnet Karak ABI', () => {
  for (const [exportName, contractName] of PAIRS) {
    describe(`${exportName} -> ${contractName}`, () => {
      const reference = karak[exportName] as Abi;
      const art = artifacts.contracts[contractName]!;
      const byFnSelector = new Map((art.abi.filter((x) => x.type === 'function') as AbiFunction[]).map((f) => [toFunctionSelector(f), f]));
      const byTopic = new Map((art.abi.filter((x) => x.type === 'event') as AbiEvent[]).map((e) => [toEventSelector(e), e]));
      const solcSelectors = new Set(Object.values(art.methodIdentifiers).map((s) => `0x${s}`));

      for (const item of reference.filter((x) => x.type === 'function') as AbiFunction[]) {
        const sig = signature(item);
        it(`function ${sig}`, () => {
          const selector = toFunctionSelector(item);
          expect(solcSelectors.has(selector), `solc methodIdentifiers lack ${selector} ${sig}`).toBe(true);
          const got = byFnSelector.get(selector);
          expect(got, `${contractName} lacks ${sig}`).toBeDefined();
          expect(got!.stateMutability, `mutability of ${sig}`).toBe(item.stateMutability);
          expect(formatAbiParams(got!.outputs), `outputs of ${sig}`).toEqual(formatAbiParams(item.outputs));
        });
      }
      for (const item of reference.filter((x) => x.type === 'event') as AbiEvent[]) {
        const sig = signature(item);
        it(`event ${sig}`, () => {
          const got = byTopic.get(toEventSelector(item));
          expect(got, `${contractName} lacks event ${sig}`).toBeDefined();
          expect(got!.inputs.map((i) => Boolean(i.indexed)), `indexed flags of ${sig}`).toEqual(item.inputs.map((i) => Boolean(i.indexed)));
          expect(Boolean(got!.anonymous)).toBe(Boolean(item.anonymous));
        });
      }
    });
  }
});
