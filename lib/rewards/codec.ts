// RewardsSnapshot <-> JSON (bigints as decimal strings, docs/schema.md). Storage and files are
// untrusted: decoding checks every field against the specs below and names the bad one.
import { RestakeError } from '../errors/errors.js';
import { asset, bigintReplacer, protocol, SNAPSHOT_HEADER } from '../portfolio/codec.js';
import { decodeSpec, opt, type Kind } from '../portfolio/json-spec.js';
import type { RewardsSnapshot } from './types.js';

export class InvalidRewardsSnapshotError extends RestakeError {
  override name = 'InvalidRewardsSnapshotError';
}

export function rewardsToJson(snapshot: RewardsSnapshot, space?: number): string {
  return JSON.stringify(snapshot, bigintReplacer, space);
}

export function rewardsToPlain(snapshot: RewardsSnapshot): unknown {
  return JSON.parse(rewardsToJson(snapshot));
}

const readError: Kind = { obj: { error: 'string' } };
const claim: Kind = {
  obj: {
    protocol, token: asset, amount: 'bigint', claimer: 'address', recipient: 'address', blockNumber: 'bigint', txHash: 'hex', logIndex: 'number',
    root: opt('hex'), network: opt('address'), rewardsContract: opt('address'),
  },
};
const root: Kind = { obj: { index: 'number', root: 'hex', rewardsCalculationEndTimestamp: 'number', activatedAt: 'number', disabled: 'bool' }, nullable: true };
const claimable: Kind = {
  oneOf: [
    { obj: { status: { enum: ['off'] } } },
    { obj: { status: { enum: ['unavailable', 'none'] }, reason: 'string' } },
    { obj: { status: { enum: ['rejected'] }, reason: 'string', rootIndex: { oneOf: ['number', 'null'] } } },
    {
      obj: {
        status: { enum: ['verified'] }, rootIndex: 'number', root: 'hex', activatedAt: 'number',
        tokens: { arr: { obj: { token: asset, cumulativeEarnings: 'bigint', cumulativeClaimed: 'bigint', claimable: 'bigint' } } },
      },
    },
  ],
};
const eigenlayer: Kind = {
  obj: {
    claimer: 'addressOrNull',
    claimed: { arr: { obj: { token: asset, cumulativeClaimed: 'bigint' } } },
    history: { arr: claim },
    claimable,
    activeRoot: root,
    latestRoot: root,
    operatorSplits: {
      obj: {
        operator: 'address', piSplitBips: 'number', defaultSplitBips: 'number',
        avsSplits: { arr: { obj: { avs: 'address', bips: 'number' } } },
        setSplits: { arr: { obj: { avs: 'address', id: 'number', bips: 'number' } } },
      },
      nullable: true,
    },
  },
  nullable: true,
};
const symbioticVault: Kind = {
  obj: {
    vault: 'address', rewardsContract: 'address', version: 'number', adminFeeBips: 'number',
    claimable: { arr: { obj: { network: 'address', token: asset, amount: 'bigint', distributions: 'number' } } },
    history: { arr: claim },
  },
};
const karakHistory: Kind = {
  obj: { vault: 'address', asset, shares: 'bigint', points: { arr: { obj: { blockNumber: 'bigint', timestamp: 'number', assets: 'bigint' } } } },
};
const nullable = (k: Kind): Kind => ({ oneOf: ['null', k] });
const baseYield: Kind = {
  oneOf: [
    {
      obj: {
        token: asset, method: 'string', underlying: 'string', rebasing: opt('bool'),
        samples: { arr: { obj: { blockNumber: 'bigint', timestamp: 'number', rate: 'bigint' } } },
        annualizedPpm: nullable('bigint'),
      },
    },
    { obj: { token: asset, error: 'string' } },
  ],
};
const price: Kind = {
  obj: { pair: 'string', base: 'string', quote: { enum: ['ETH', 'USD'] }, feed: 'address', token: opt('addressOrNull'), answer: 'bigint', decimals: 'number', updatedAt: 'number', stale: 'bool' },
};

const rewardsSpec: Kind = {
  obj: {
    ...SNAPSHOT_HEADER,
    addresses: {
      arr: {
        obj: {
          address: 'address',
          eigenlayer: { oneOf: [readError, eigenlayer] },
          symbiotic: nullable({ oneOf: [readError, { arr: symbioticVault }] }),
          karak: nullable({ oneOf: [readError, { arr: karakHistory }] }),
          nativeEth: nullable({ obj: { restakedWei: 'bigint', validatorYield: { enum: ['not-measured'] } } }),
        },
      },
    },
    baseYield: { arr: baseYield },
    prices: { oneOf: [readError, { arr: price }] },
  },
};

export function rewardsFromPlain(value: unknown): RewardsSnapshot {
  return decodeSpec(rewardsSpec, value, '$', (m) => new InvalidRewardsSnapshotError(`rewards snapshot ${m}`)) as RewardsSnapshot;
}

export function rewardsFromJson(text: string): RewardsSnapshot {
  return rewardsFromPlain(JSON.parse(text));
}
