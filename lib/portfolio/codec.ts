// Snapshot <-> JSON. JSON has no bigint, so amounts travel as decimal strings (documented in
// docs/schema.md). Decoding is schema-checked against the field specs below: storage and files are
// untrusted input, and an error names the bad field.
import { RestakeError } from '../errors/errors.js';
import { decodeSpec, opt, type Kind } from './json-spec.js';
import type { Snapshot } from './types.js';

export class InvalidSnapshotError extends RestakeError {
  override name = 'InvalidSnapshotError';
}

/** JSON.stringify replacer: bigint -> decimal string. */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function snapshotToJson(snapshot: Snapshot, space?: number): string {
  return JSON.stringify(snapshot, bigintReplacer, space);
}

/** The plain-JSON form (bigints as strings), e.g. for storage. */
export function snapshotToPlain(snapshot: Snapshot): unknown {
  return JSON.parse(snapshotToJson(snapshot));
}

const decode = (kind: Kind, v: unknown, p: string): unknown => decodeSpec(kind, v, p, (msg) => new InvalidSnapshotError(`snapshot ${msg}`));

export const protocol = { enum: ['eigenlayer', 'symbiotic', 'karak'] } as const;
export const asset: Kind = { obj: { address: 'addressOrNull', symbol: 'string', decimals: 'number' } };

const position: Kind = {
  obj: {
    protocol, operator: 'addressOrNull', asset, amount: 'bigint',
    strategy: opt('address'), depositShares: opt('bigint'), withdrawableShares: opt('bigint'),
    symbiotic: opt({ obj: { vault: 'address', vaultVersion: 'number', activeShares: 'bigint', slashableBalance: 'bigint', epochDuration: 'number', currentEpoch: 'number', currentEpochStart: 'number' } }),
    karak: opt({ obj: { version: { enum: [1, 2] }, vault: 'address', shares: 'bigint', dssCount: 'number' } }),
  },
};

const withdrawal: Kind = {
  obj: {
    protocol, id: 'hex', operator: 'addressOrNull', asset, strategy: opt('address'), amount: 'bigint',
    startBlock: opt('bigint'), completableAtBlock: opt('bigint'), completableAt: opt('number'),
    completable: 'bool', slashable: 'bool',
    symbiotic: opt({ obj: { vault: 'address', epoch: 'number', claimed: 'bool' } }),
    karak: opt({ obj: { vault: 'address', version: { enum: [1, 2] } } }),
  },
};

const exposure: Kind = {
  obj: {
    protocol, operator: 'address', service: 'address', serviceSetId: 'number', asset, strategy: opt('address'),
    slashableAmount: 'bigint', slashableShares: opt('bigint'), currentMagnitude: opt('bigint'), maxMagnitude: opt('bigint'),
    pending: { obj: { diff: 'bigint', effectBlock: 'bigint' }, nullable: true },
    redistributes: 'bool', slasher: 'addressOrNull',
    symbiotic: opt({
      obj: {
        vault: 'address', subnetwork: 'hex', delegatorType: 'number', operatorStake: 'bigint',
        slasherType: { enum: ['instant', 'veto', 'none'] }, vetoDuration: opt('number'), resolver: opt('addressOrNull'),
        burner: 'address', burnerKind: { enum: ['burn', 'redistribute', 'unknown'] },
      },
    }),
    karak: opt({
      obj: {
        vault: 'address', maxSlashablePercentageWad: 'bigint', dssCount: 'number',
        pendingUpdate: opt({ obj: { toStake: 'bool', finalizableAt: 'number' }, nullable: true }),
      },
    }),
  },
};

/** Fields every per-chain, per-block document shares (positions and rewards snapshots). */
export const SNAPSHOT_HEADER = {
  schemaVersion: { enum: [1] },
  chainId: 'number',
  blockNumber: 'bigint',
  blockTimestamp: 'number',
  fetchedAt: 'number',
} as const satisfies Record<string, Kind>;

const snapshotSpec: Kind = {
  obj: {
    ...SNAPSHOT_HEADER,
    addresses: {
      arr: {
        obj: {
          address: 'address',
          positions: { arr: position },
          withdrawals: { arr: withdrawal },
          exposures: { arr: exposure },
          failures: { arr: { obj: { protocol, message: 'string' } } },
        },
      },
    },
  },
};

/** Parses the plain-JSON form back into a Snapshot; throws InvalidSnapshotError naming the bad field. */
export function snapshotFromPlain(value: unknown): Snapshot {
  return decode(snapshotSpec, value, '$') as Snapshot;
}

export function snapshotFromJson(text: string): Snapshot {
  return snapshotFromPlain(JSON.parse(text));
}
