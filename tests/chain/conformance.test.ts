// The devnet contracts must expose the mainnet ABI of lib/protocols/eigenlayer/abi.ts exactly:
// same selectors/topics, mutability, output types and indexed flags, checked against solc's own
// ABI and methodIdentifiers output (compareAbi.ts vs the reference tables is another test's job).
import { describe, expect, it } from 'vitest';
import { formatAbiItem, formatAbiParams } from 'viem/utils';
import { toEventSelector, toFunctionSelector, type Abi, type AbiEvent, type AbiFunction } from 'viem';
import * as el from '../../lib/protocols/eigenlayer/abi.js';
import { compileContracts } from '../../lib/devnet/compile.js';

/** Reference ABI export -> devnet contract implementing it (null: not implemented, see ALLOW). */
const PAIRS: [keyof typeof el, string | null][] = [
  ['delegationManagerAbi', 'DelegationManager'],
  ['strategyManagerAbi', 'StrategyManager'],
  ['strategyAbi', 'StrategyBase'],
  ['strategyFactoryAbi', 'StrategyFactory'],
  ['eigenPodManagerAbi', 'EigenPodManager'],
  ['eigenPodAbi', 'EigenPod'],
  ['allocationManagerAbi', 'AllocationManager'],
  ['avsDirectoryAbi', 'AVSDirectory'],
  ['avsRegistrarAbi', 'AVSRegistrar'],
  ['rewardsCoordinatorAbi', 'RewardsCoordinator'],
];

/** Deliberately not implemented, with the reason. Keys: "<abi export>" or "<abi export>.<signature>". */
const NO_SUBMISSIONS = 'devnet roots are built off chain by the project tree builder (as the Sidecar does); AVS rewards submissions are not modelled';
const ALLOW: Record<string, string> = {
  'rewardsCoordinatorAbi.createAVSRewardsSubmission(((address,uint96)[],address,uint256,uint32,uint32)[])': NO_SUBMISSIONS,
  'rewardsCoordinatorAbi.createRewardsForAllEarners(((address,uint96)[],address,uint256,uint32,uint32)[])': NO_SUBMISSIONS,
  'rewardsCoordinatorAbi.createOperatorDirectedAVSRewardsSubmission(address,((address,uint96)[],address,(address,uint256)[],uint32,uint32,string)[])': NO_SUBMISSIONS,
  'rewardsCoordinatorAbi.createOperatorDirectedOperatorSetRewardsSubmission((address,uint32),((address,uint96)[],address,(address,uint256)[],uint32,uint32,string)[])': NO_SUBMISSIONS,
  'rewardsCoordinatorAbi.createUniqueStakeRewardsSubmission((address,uint32),((address,uint96)[],address,uint256,uint32,uint32)[])': NO_SUBMISSIONS,
  'rewardsCoordinatorAbi.createTotalStakeRewardsSubmission((address,uint32),((address,uint96)[],address,uint256,uint32,uint32)[])': NO_SUBMISSIONS,
};

// Canonical signatures and output lists with viem's own formatter (tuples expanded, names dropped).
const signature = (item: AbiFunction | AbiEvent) => formatAbiItem(item);

const artifacts = compileContracts();

describe('devnet contracts conform to the mainnet EigenLayer ABI', () => {
  for (const [exportName, contractName] of PAIRS) {
    const reference = el[exportName] as Abi;
    if (contractName === null) {
      it(`${exportName} is on the allow-list`, () => expect(ALLOW[exportName]).toBeTruthy());
      continue;
    }
    describe(`${exportName} -> ${contractName}`, () => {
      const art = artifacts.contracts[contractName]!;
      const compiledFns = (art.abi.filter((x) => x.type === 'function') as AbiFunction[]);
      const compiledEvents = (art.abi.filter((x) => x.type === 'event') as AbiEvent[]);
      const byFnSelector = new Map(compiledFns.map((f) => [toFunctionSelector(f), f]));
      const byTopic = new Map(compiledEvents.map((e) => [toEventSelector(e), e]));
      const solcSelectors = new Set(Object.values(art.methodIdentifiers).map((s) => `0x${s}`));

      for (const item of reference.filter((x) => x.type === 'function') as AbiFunction[]) {
        const sig = signature(item);
        if (ALLOW[`${exportName}.${sig}`]) continue;
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
        if (ALLOW[`${exportName}.${sig}`]) continue;
        it(`event ${sig}`, () => {
          const got = byTopic.get(toEventSelector(item));
          expect(got, `${contractName} lacks event ${sig}`).toBeDefined();
          expect(got!.inputs.map((i) => Boolean(i.indexed)), `indexed flags of ${sig}`).toEqual(item.inputs.map((i) => Boolean(i.indexed)));
          expect(Boolean(got!.anonymous)).toBe(Boolean(item.anonymous));
        });
      }
    });
  }

  it('every allow-list entry names something that exists in the reference ABI', () => {
    for (const key of Object.keys(ALLOW)) {
      const [exportName, sig] = key.split(/\.(.*)/s) as [keyof typeof el, string | undefined];
      expect(el[exportName], key).toBeDefined();
      if (sig) {
        const items = (el[exportName] as Abi).filter((x) => x.type === 'function' || x.type === 'event') as (AbiFunction | AbiEvent)[];
        expect(items.map(signature), key).toContain(sig);
      }
    }
  });
});
