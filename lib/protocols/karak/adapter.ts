// Karak as two adapters with the same protocol id: V2 (Core + per-operator vaults, DSS slashing) and
// V1 (VaultSupervisor deposits, no slashing). Separate adapters so one part failing or being disabled
// (an UNCONFIRMED address that does not verify) shows as a Karak failure without hiding the other.
import type { Deployments } from '../../chains/deployments.js';
import type { ProtocolAdapter } from '../adapter.js';
import { readKarakV1 } from './read-karak-v1.js';
import { readKarakV2 } from './read-karak.js';

export const supportsKarak = (d: Deployments): boolean => d.karak !== undefined && Boolean(d.karak.core || d.karak.vaultSupervisor);

export const karakV2Adapter: ProtocolAdapter = {
  id: 'karak',
  supports: (d) => supportsKarak(d) && d.karak!.core !== undefined,
  read: readKarakV2,
};

export const karakV1Adapter: ProtocolAdapter = {
  id: 'karak',
  supports: (d) => supportsKarak(d) && d.karak!.vaultSupervisor !== undefined,
  read: readKarakV1,
};

export const karakAdapters: readonly ProtocolAdapter[] = [karakV2Adapter, karakV1Adapter];
